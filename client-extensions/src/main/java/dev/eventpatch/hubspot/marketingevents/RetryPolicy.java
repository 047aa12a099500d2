package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before sending an update again. By default: up to 3 attempts in
 * all, on 429 (honouring {@code Retry-After}, never on HubSpot's {@code DAILY} limit), 500, 502,
 * 503, 504 and connection failures or timeouts; full-jitter exponential backoff from 500 ms,
 * capped at 20 s a wait, within an overall budget of 60 s. A first attempt is never delayed.
 *
 * <p>Why retrying this PATCH is safe: it sets fields to given values, so sending it twice yields
 * the same state as sending it once. A request that timed out may have been applied; sending it
 * again does no harm.
 *
 * <p>Immutable. Waits go through the client's {@link Sleeper}; the random source is injectable
 * so that tests are deterministic.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration budget;
  private final boolean retryOnConnectionFailure;
  private final RandomGenerator random;

  private RetryPolicy(Builder b) {
    maxAttempts = b.maxAttempts;
    baseDelay = b.baseDelay;
    maxDelay = b.maxDelay;
    budget = b.budget;
    retryOnConnectionFailure = b.retryOnConnectionFailure;
    random = b.random;
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
    b.budget = budget;
    b.retryOnConnectionFailure = retryOnConnectionFailure;
    b.random = random;
    return b;
  }

  /** @return the most requests sent for one update, the first included */
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

  /** @return the longest time from the first attempt to the last retry being sent */
  public Duration budget() {
    return budget;
  }

  /** @return whether connection failures and timeouts are retried */
  public boolean retryOnConnectionFailure() {
    return retryOnConnectionFailure;
  }

  /** Whether a status is one this policy retries: 429, 500, 502, 503, 504. */
  boolean retriesStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /**
   * The full-jitter backoff before the given retry: uniform in [0, min(maxDelay, base * 2^(n-1))].
   *
   * @param retry 1 for the first retry
   */
  Duration backoff(int retry) {
    long base = baseDelay.toMillis();
    long ceiling = retry >= 31 ? maxDelay.toMillis() : Math.min(maxDelay.toMillis(), base << (retry - 1));
    if (ceiling <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis((long) (random.nextDouble() * (ceiling + 1)));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay="
        + maxDelay + ", budget=" + budget + ", retryOnConnectionFailure="
        + retryOnConnectionFailure + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(20);
    private Duration budget = Duration.ofSeconds(60);
    private boolean retryOnConnectionFailure = true;
    private RandomGenerator random = RandomGenerator.getDefault();

    private Builder() {}

    /**
     * @param attempts the most requests sent for one update, the first included; 1 disables
     *     retries
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

    /**
     * @param budget the longest time from the first attempt until a retry is sent; a retry
     *     that would start later is not made
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder budget(Duration budget) {
      this.budget = nonNegative("budget", budget);
      return this;
    }

    /** @param retry whether to retry connection failures and timeouts @return this builder */
    public Builder retryOnConnectionFailure(boolean retry) {
      retryOnConnectionFailure = retry;
      return this;
    }

    /** @param random the source of backoff jitter @return this builder */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random == null");
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
