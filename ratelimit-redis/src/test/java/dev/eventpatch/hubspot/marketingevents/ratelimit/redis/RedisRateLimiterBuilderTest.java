package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RedisRateLimiterBuilderTest {

  @Test
  void requiresTheRedisUriTheKeyAndTheLimit() {
    assertThatThrownBy(() -> RedisRateLimiter.builder().key("app").limit(RateLimit.fixed(10, Duration.ofSeconds(1))).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("redisUri required");
    assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri("redis://127.0.0.1:1").limit(RateLimit.fixed(10, Duration.ofSeconds(1))).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("key required");
    assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri("redis://127.0.0.1:1").key("app").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("limit required");
  }

  @Test
  void rejectsNoLimitATooSmallLimitABlankKeyAndZeroProcesses() {
    assertThatThrownBy(() -> RedisRateLimiter.builder().limit(RateLimit.none())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisRateLimiter.builder().limit(RateLimit.fixed(1, Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisRateLimiter.builder().key(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisRateLimiter.builder().expectedProcesses(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisRateLimiter.builder().redisTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMalformedUriIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> RedisRateLimiter.builder().redisUri("redis://:s3cret@[bad").key("app")
            .limit(RateLimit.fixed(10, Duration.ofSeconds(1))).fallback(FixedWindowLimiter::new).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theFallbackHoldsThisProcesssShareOfTheLimit() {
    AtomicReference<RateLimit> share = new AtomicReference<>();
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri("redis://127.0.0.1:1").key("app")
        .limit(RateLimit.adaptiveUpTo(190, Duration.ofSeconds(10))).expectedProcesses(4)
        .fallback(limit -> {
          share.set(limit);
          return new FixedWindowLimiter(limit);
        })
        .build()) {
      assertThat(share.get()).isEqualTo(RateLimit.fixed(47, Duration.ofSeconds(10)));
      assertThat(limiter.limitInForce()).contains(RateLimit.adaptiveUpTo(190, Duration.ofSeconds(10)));
      assertThat(limiter.toString()).doesNotContain("127.0.0.1");
    }
  }

  @Test
  void theDefaultAdaptiveLimitIsACeilingAtItsStartingPoint() {
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisUri("redis://127.0.0.1:1").key("app")
        .limit(RateLimit.adaptive()).fallback(FixedWindowLimiter::new).build()) {
      assertThat(limiter.limitInForce()).contains(RateLimit.adaptiveUpTo(100, Duration.ofSeconds(10)));
    }
  }
}
