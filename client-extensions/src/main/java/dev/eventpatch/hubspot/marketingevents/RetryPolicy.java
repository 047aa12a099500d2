package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before sending an update again. By default: up to 3 failed attempts
 * in all, on 408, 429 (honouring {@code Retry-After}, never on HubSpot's {@code DAILY} limit),
 * 500, 502, 503, 504 and connection failures or timeouts; full-jitter exponential backoff from
 * 500 ms, capped at 20 s a wait. Every wait ends within the call's deadline (the client's {@code
 * callTimeout}): a retry that could not start before it is not made. A first attempt is never
 * delayed.
 *
 * <p><b>Rate-limited answers do not use up attempts.</b> A 429 other than the {@code DAILY} limit
 * means HubSpot refused the request without processing it; the client waits as it says and sends
 * again, until the call's deadline, however many such answers come. Counting them against {@link
 * #maxAttempts()} lost updates when several processes of one app, each with its own limiter,
 * drew three 429s in a row for one call. So a call sends at most {@link #maxAttempts()} requests
 * that fail otherwise, plus the rate-limited ones, all within {@code callTimeout}. A policy of one
 * attempt ({@link #none()}) retries nothing, 429s included.
 *
 * <p>Why retrying this PATCH is safe: it sets fields to given values, so sending it twice yields
 * the same state as sending it once. A request that timed out may have been applied; sending it
 * again does no harm.
 *
 * <p>A request that failed on a reused keep-alive connection before any byte of its answer
 * arrived is sent again once on a fresh connection, whatever the policy: a server closing an
 * idle connection is not a failure of the call, and that resend is not an attempt.
 *
 * <p>Immutable. Jitter comes from {@link java.util.concurrent.ThreadLocalRandom}, so that threads
 * never share a random generator.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final boolean retryOnConnectionFailure;

  private RetryPolicy(Builder b) {
    maxAttempts = b.maxAttempts;
    baseDelay = b.baseDelay;
    maxDelay = b.maxDelay;
    retryOnConnectionFailure = b.retryOnConnectionFailure;
  }

  /** @return the default policy described above */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** @return a policy that never retries */
  public static RetryPolicy none() {
    return NONE;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this policy */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.retryOnConnectionFailure = retryOnConnectionFailure;
    return b;
  }

  /**
   * @return the most attempts of one update that may fail, the first included; a non-{@code
   *     DAILY} 429 is not counted (see the class comment), except that 1 means no retry at all
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the ceiling of the first backoff wait; doubled after each attempt */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** @return the longest single wait */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** @return whether connection failures and timeouts are retried */
  public boolean retryOnConnectionFailure() {
    return retryOnConnectionFailure;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay="
        + maxDelay + ", retryOnConnectionFailure="
        + retryOnConnectionFailure + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(20);
    private boolean retryOnConnectionFailure = true;

    private Builder() {}

    /**
     * @param attempts the most attempts of one update that may fail, the first included, not
     *     counting non-{@code DAILY} 429s (see the class comment); 1 disables every retry
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
      }
      maxAttempts = attempts;
      return this;
    }

    /**
     * @param delay the ceiling of the first backoff wait
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder baseDelay(Duration delay) {
      baseDelay = nonNegative("baseDelay", delay);
      return this;
    }

    /**
     * @param delay the longest single wait, a {@code Retry-After} included: a longer one gives up
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration delay) {
      maxDelay = nonNegative("maxDelay", delay);
      return this;
    }

    /** @param retry whether to retry connection failures and timeouts @return this builder */
    public Builder retryOnConnectionFailure(boolean retry) {
      retryOnConnectionFailure = retry;
      return this;
    }

    /** @return the policy */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration value) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
