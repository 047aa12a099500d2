package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fallback the tests inject until the project's in-process limiter is merged: at most {@code
 * requests} grants per fixed window, counting what it granted and what came back.
 */
final class FixedWindowLimiter implements RateLimiter {
  final RateLimit limit;
  final AtomicInteger granted = new AtomicInteger();
  final AtomicInteger returned = new AtomicInteger();
  private long windowStart = System.nanoTime();
  private int inWindow;

  FixedWindowLimiter(RateLimit limit) {
    this.limit = limit;
  }

  @Override
  public synchronized RateLimitDecision acquire(Duration timeLeft) {
    long now = System.nanoTime();
    long length = limit.window().toNanos();
    if (now - windowStart >= length) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow < limit.requests()) {
      inWindow++;
      granted.incrementAndGet();
      return RateLimitDecision.granted(new Permit() {});
    }
    return RateLimitDecision.waitFor(Duration.ofNanos(Math.max(1_000_000, windowStart + length - now)));
  }

  @Override
  public void onAnswer(Permit permit, int statusCode, RateLimitStatus headers) {
    returned.incrementAndGet();
  }

  @Override
  public void onRateLimited(Permit permit, Optional<String> policyName, Optional<Duration> retryAfter,
      Optional<String> correlationId, RateLimitStatus headers) {
    returned.incrementAndGet();
  }

  @Override
  public void onNoAnswer(Permit permit) {
    returned.incrementAndGet();
  }
}
