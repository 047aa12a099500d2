package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Builds the in-process limiters behind {@link RateLimiter#inProcess}. */
public final class Limiters {
  private Limiters() {}

  /**
   * @param limit the limit
   * @return a new limiter for one client
   */
  public static RateLimiter inProcess(RateLimit limit) {
    return inProcess(limit, new ClientListener() {}, System::nanoTime);
  }

  /**
   * @param limit the limit
   * @param listener hears the limit in force
   * @param nanoTime the monotonic clock
   * @return a new limiter for one client
   */
  public static RateLimiter inProcess(RateLimit limit, ClientListener listener, LongSupplier nanoTime) {
    if (limit.kind() == RateLimit.Kind.NONE) {
      return new PassThrough();
    }
    // Interim: a plain rolling window; the adaptive limiter replaces it.
    return new Window(limit, nanoTime);
  }

  /** No limit: every request goes at once. */
  private static final class PassThrough implements RateLimiter {
    private static final Permit PERMIT = new Permit() {};
    private static final RateLimitDecision GRANTED = RateLimitDecision.granted(PERMIT);

    @Override
    public RateLimitDecision acquire(Duration timeLeft) {
      return GRANTED;
    }

    @Override
    public void onAnswer(Permit permit, int statusCode, RateLimitStatus headers) {}

    @Override
    public void onRateLimited(Permit permit, Optional<String> policyName, Optional<Duration> retryAfter,
        Optional<String> correlationId, RateLimitStatus headers) {}

    @Override
    public void onNoAnswer(Permit permit) {}
  }

  private static final class Window implements RateLimiter {
    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    Window(RateLimit limit, LongSupplier nanoTime) {
      this.limit = limit;
      this.nanoTime = nanoTime;
    }

    @Override
    public synchronized RateLimitDecision acquire(Duration timeLeft) {
      long now = nanoTime.getAsLong();
      long window = limit.window().toNanos();
      while (!sent.isEmpty() && sent.peekFirst() <= now - window) {
        sent.pollFirst();
      }
      if (sent.size() >= limit.requests()) {
        return RateLimitDecision.waitFor(Duration.ofNanos(Math.max(1, sent.peekFirst() + window - now)));
      }
      sent.addLast(now);
      return RateLimitDecision.granted(new Permit() {});
    }

    @Override
    public void onAnswer(Permit permit, int statusCode, RateLimitStatus headers) {}

    @Override
    public void onRateLimited(Permit permit, Optional<String> policyName, Optional<Duration> retryAfter,
        Optional<String> correlationId, RateLimitStatus headers) {}

    @Override
    public void onNoAnswer(Permit permit) {}

    @Override
    public Optional<RateLimit> limitInForce() {
      return Optional.of(limit);
    }
  }
}
