package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the Redis tests share: limiters with an injected fallback, keys of their own, a listener that records. */
final class Limiters {
  private Limiters() {}

  static String freshKey(String test) {
    return test + "-" + UUID.randomUUID();
  }

  /**
   * A limiter with the test fallback and a Redis timeout long enough for two busy cores: tests
   * that are not about falling back must not fall back because the machine is slow.
   */
  static RedisRateLimiter.Builder builder(String uri, String key, RateLimit limit) {
    return RedisRateLimiter.builder()
        .redisUri(uri)
        .key(key)
        .limit(limit)
        .redisTimeout(Duration.ofSeconds(5))
        .fallback(FixedWindowLimiter::new);
  }

  /** Asks until the limiter says wait; returns how many it granted (at most {@code max}). */
  static int grantsUntilWait(RedisRateLimiter limiter, int max) {
    int granted = 0;
    while (granted < max) {
      RateLimitDecision decision = limiter.acquire(Duration.ofSeconds(5));
      if (!(decision instanceof RateLimitDecision.Granted)) {
        return granted;
      }
      granted++;
    }
    return granted;
  }

  static Permit grant(RedisRateLimiter limiter) {
    RateLimitDecision decision = limiter.acquire(Duration.ofSeconds(5));
    if (decision instanceof RateLimitDecision.Granted granted) {
      return granted.permit();
    }
    throw new AssertionError("expected a grant, got " + decision);
  }

  /** Records what a limiter tells its listener. */
  static final class RecordingListener implements ClientListener {
    final List<Boolean> fallbacks = new CopyOnWriteArrayList<>();
    final List<Integer> limits = new CopyOnWriteArrayList<>();

    @Override
    public void limiterFallback(String limiter, boolean fallingBack) {
      if (limiter.equals(RedisRateLimiter.NAME)) {
        fallbacks.add(fallingBack);
      }
    }

    @Override
    public void limitInForce(int requests, Duration window) {
      limits.add(requests);
    }
  }
}
