package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.builder;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.freshKey;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.grant;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.grantsUntilWait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HubSpot's headers may lower the shared limit, for every process, and never raise it above the
 * configured one. The window is a day, so that refill adds no token while the test counts grants.
 */
@ExtendWith(RedisExtension.class)
@Timeout(60)
class HeadersLowerTheSharedLimitTest {

  private static final Duration DAY = Duration.ofDays(1);

  private static RateLimitStatus maxPerDay(int max) {
    return RateLimitStatus.fromHeaders(Map.of(
        "X-HubSpot-RateLimit-Max", List.of(Integer.toString(max)),
        "X-HubSpot-RateLimit-Interval-Milliseconds", List.of(Long.toString(DAY.toMillis()))));
  }

  @Test
  void lowerHeadersShrinkTheBucketEveryProcessDrawsOn(RedisServer redis) {
    String key = freshKey("lower");
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    RateLimit ceiling = RateLimit.adaptiveUpTo(1000, DAY);
    try (RedisRateLimiter a = builder(redis.uri(), key, ceiling).listener(listener).build();
        RedisRateLimiter b = builder(redis.uri(), key, ceiling).build()) {
      // Capacity 20 at 1000 per day; 2 at 100 per day.
      a.onAnswer(grant(a), 200, maxPerDay(100));

      assertThat(a.limitInForce()).contains(RateLimit.adaptiveUpTo(100, DAY));
      assertThat(listener.limits).containsExactly(1000, 100);
      assertThat(grantsUntilWait(b, 50)).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void higherHeadersNeverRaiseTheLimitAboveTheConfiguredOne(RedisServer redis) {
    String key = freshKey("higher");
    RateLimit ceiling = RateLimit.adaptiveUpTo(1000, DAY);
    try (RedisRateLimiter a = builder(redis.uri(), key, ceiling).build();
        RedisRateLimiter b = builder(redis.uri(), key, ceiling).build()) {
      a.onAnswer(grant(a), 200, maxPerDay(50_000));

      assertThat(a.limitInForce()).contains(ceiling);
      assertThat(grantsUntilWait(b, 500)).isEqualTo(19);
    }
  }

  @Test
  void headersRestoreALoweredLimitUpToTheConfiguredOne(RedisServer redis) {
    String key = freshKey("restore");
    RateLimit ceiling = RateLimit.adaptiveUpTo(1000, DAY);
    try (RedisRateLimiter a = builder(redis.uri(), key, ceiling).build()) {
      a.onAnswer(grant(a), 200, maxPerDay(100));
      a.onAnswer(grant(a), 200, maxPerDay(5000));

      assertThat(a.limitInForce()).contains(ceiling);
    }
  }

  @Test
  void aFixedLimitIgnoresHeaders(RedisServer redis) {
    String key = freshKey("fixed");
    RateLimit fixed = RateLimit.fixed(1000, DAY);
    try (RedisRateLimiter a = builder(redis.uri(), key, fixed).build();
        RedisRateLimiter b = builder(redis.uri(), key, fixed).build()) {
      a.onAnswer(grant(a), 200, maxPerDay(100));

      assertThat(a.limitInForce()).contains(fixed);
      assertThat(grantsUntilWait(b, 500)).isEqualTo(19);
    }
  }
}
