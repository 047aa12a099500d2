package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.builder;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.freshKey;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.grant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A 429 one process sees reaches every process through Redis. */
@ExtendWith(RedisExtension.class)
@Timeout(60)
class SharedPausesTest {

  private static final RateLimitStatus NO_HEADERS = RateLimitStatus.fromHeaders(Map.of());
  private static final RateLimit LIMIT = RateLimit.fixed(20, Duration.ofSeconds(1));

  @Test
  void aRollingWindow429PausesEveryProcessUntilItsRetryAfter(RedisServer redis) {
    String key = freshKey("rolling");
    try (RedisRateLimiter a = builder(redis.uri(), key, LIMIT).build();
        RedisRateLimiter b = builder(redis.uri(), key, LIMIT).build()) {
      Permit permit = grant(a);

      a.onRateLimited(permit, Optional.of("TEN_SECONDLY_ROLLING"), Optional.of(Duration.ofSeconds(30)),
          Optional.of("c-1"), NO_HEADERS);

      // Without the pause the bucket refills a token every ~80 ms; with it, the wait is the
      // rest of the 30 s Retry-After (less whatever the test took since).
      RateLimitDecision decision = b.acquire(Duration.ofSeconds(5));
      assertThat(decision).isInstanceOf(RateLimitDecision.Wait.class);
      assertThat(((RateLimitDecision.Wait) decision).duration())
          .isGreaterThan(Duration.ofSeconds(20))
          .isLessThanOrEqualTo(Duration.ofSeconds(31));
      assertThat(a.acquire(Duration.ofSeconds(5))).isInstanceOf(RateLimitDecision.Wait.class);
    }
  }

  @Test
  void twoProcessesReportingTheSameBurstDoNotDoubleThePause(RedisServer redis) {
    String key = freshKey("rolling-twice");
    // Capacity 2, so that both processes get a grant first.
    RateLimit hundred = RateLimit.fixed(100, Duration.ofSeconds(1));
    try (RedisRateLimiter a = builder(redis.uri(), key, hundred).build();
        RedisRateLimiter b = builder(redis.uri(), key, hundred).build()) {
      Permit fromA = grant(a);
      Permit fromB = grant(b);

      a.onRateLimited(fromA, Optional.of("TEN_SECONDLY_ROLLING"), Optional.of(Duration.ofSeconds(10)),
          Optional.empty(), NO_HEADERS);
      b.onRateLimited(fromB, Optional.of("TEN_SECONDLY_ROLLING"), Optional.of(Duration.ofSeconds(10)),
          Optional.empty(), NO_HEADERS);

      RateLimitDecision decision = b.acquire(Duration.ofSeconds(5));
      assertThat(((RateLimitDecision.Wait) decision).duration()).isLessThanOrEqualTo(Duration.ofSeconds(11));
    }
  }

  @Test
  void aDaily429MakesEveryProcessFailFastUntilTheReset(RedisServer redis) {
    String key = freshKey("daily");
    try (RedisRateLimiter a = builder(redis.uri(), key, LIMIT).build();
        RedisRateLimiter b = builder(redis.uri(), key, LIMIT).build()) {
      Permit permit = grant(a);

      a.onRateLimited(permit, Optional.of("DAILY"), Optional.of(Duration.ofHours(3)), Optional.of("c-daily"),
          NO_HEADERS);

      RateLimitDecision other = b.acquire(Duration.ofSeconds(5));
      assertThat(other).isInstanceOf(RateLimitDecision.DailyLimitReached.class);
      RateLimitDecision.DailyLimitReached daily = (RateLimitDecision.DailyLimitReached) other;
      assertThat(daily.policyName()).isEqualTo("DAILY");
      assertThat(daily.retryAfter()).isGreaterThan(Duration.ofHours(2)).isLessThanOrEqualTo(Duration.ofHours(3).plusSeconds(2));

      RateLimitDecision own = a.acquire(Duration.ofSeconds(5));
      assertThat(own).isInstanceOf(RateLimitDecision.DailyLimitReached.class);
      assertThat(((RateLimitDecision.DailyLimitReached) own).correlationId()).contains("c-daily");

      try (RedisRateLimiter later = builder(redis.uri(), key, LIMIT).build()) {
        assertThat(later.acquire(Duration.ofSeconds(5))).isInstanceOf(RateLimitDecision.DailyLimitReached.class);
      }
    }
  }

  @Test
  void aDaily429WithoutRetryAfterClosesTheGateForAShortWhileOnly(RedisServer redis) {
    String key = freshKey("daily-no-retry-after");
    try (RedisRateLimiter a = builder(redis.uri(), key, LIMIT).build();
        RedisRateLimiter b = builder(redis.uri(), key, LIMIT).build()) {
      a.onRateLimited(grant(a), Optional.of("DAILY"), Optional.empty(), Optional.empty(), NO_HEADERS);

      RateLimitDecision decision = b.acquire(Duration.ofSeconds(5));
      assertThat(decision).isInstanceOf(RateLimitDecision.DailyLimitReached.class);
      assertThat(((RateLimitDecision.DailyLimitReached) decision).retryAfter())
          .isLessThanOrEqualTo(RedisRateLimiter.DAILY_PAUSE_WITHOUT_RETRY_AFTER.plusSeconds(2));
    }
  }

  @Test
  void anotherKeyIsNotPaused(RedisServer redis) {
    try (RedisRateLimiter a = builder(redis.uri(), freshKey("paused"), LIMIT).build();
        RedisRateLimiter other = builder(redis.uri(), freshKey("free"), LIMIT).build()) {
      a.onRateLimited(grant(a), Optional.of("DAILY"), Optional.of(Duration.ofHours(1)), Optional.empty(), NO_HEADERS);

      assertThat(other.acquire(Duration.ofSeconds(5))).isInstanceOf(RateLimitDecision.Granted.class);
    }
  }
}
