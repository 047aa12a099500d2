package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.freshKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis down, restarting or hung: each process keeps to its share, says so once, and goes back to
 * the shared bucket when Redis answers. Redis "goes down" behind a proxy the test cuts, and
 * "hangs" through CLIENT PAUSE, so the run's one redis-server serves every test.
 */
@ExtendWith(RedisExtension.class)
@Timeout(120)
class FallbackTest {

  private static final Duration DAY = Duration.ofDays(1);
  private static final RateLimit THOUSAND_A_DAY = RateLimit.fixed(1000, DAY);

  private final List<FixedWindowLimiter> fallbacks = new CopyOnWriteArrayList<>();

  private RedisRateLimiter.Builder limiter(String uri, String key, RateLimit limit) {
    return RedisRateLimiter.builder()
        .redisUri(uri)
        .key(key)
        .limit(limit)
        .expectedProcesses(4)
        .redisTimeout(Duration.ofMillis(300))
        .recheckInterval(Duration.ofMillis(50))
        .fallback(share -> {
          FixedWindowLimiter fallback = new FixedWindowLimiter(share);
          fallbacks.add(fallback);
          return fallback;
        });
  }

  /** Asks until a grant comes from the shared bucket (the fallback's count stays put). */
  private static void untilShared(RedisRateLimiter limiter, FixedWindowLimiter fallback) {
    while (limiter.isFallingBack()) {
      int before = fallback.granted.get();
      RateLimitDecision decision = limiter.acquire(Duration.ofSeconds(5));
      if (decision instanceof RateLimitDecision.Granted granted) {
        limiter.onAnswer(granted.permit(), 200, RateLimitStatus.fromHeaders(Map.of()));
      }
      if (fallback.granted.get() == before) {
        break;
      }
      RedisServer.sleep(20);
    }
  }

  @Test
  void whileRedisIsDownEachProcessKeepsToItsShareAndSaysSoOnce(RedisServer redis) {
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    try (TcpProxy proxy = new TcpProxy(redis.port());
        RedisRateLimiter limiter = limiter(proxy.uri(), freshKey("down"), THOUSAND_A_DAY).listener(listener).build()) {
      FixedWindowLimiter fallback = fallbacks.get(0);
      assertThat(fallback.limit).isEqualTo(RateLimit.fixed(250, DAY));

      for (int i = 0; i < 30; i++) {
        RateLimitDecision decision = limiter.acquire(Duration.ofSeconds(5));
        assertThat(decision).isInstanceOf(RateLimitDecision.Granted.class);
        limiter.onAnswer(((RateLimitDecision.Granted) decision).permit(), 200, RateLimitStatus.fromHeaders(Map.of()));
      }

      assertThat(fallback.granted.get()).isEqualTo(30);
      assertThat(fallback.returned.get()).isEqualTo(30);
      assertThat(listener.fallbacks).containsExactly(true);
      assertThat(limiter.isFallingBack()).isTrue();
    }
  }

  @Test
  void onFallingBackTheShareCountsWhatTheSharedBucketGrantedThisProcessJustBefore(RedisServer redis) {
    // 8 a minute for 4 processes: a share of 2, and the bucket's capacity of 1 is granted first.
    try (TcpProxy proxy = new TcpProxy(redis.port()).up();
        RedisRateLimiter limiter =
            limiter(proxy.uri(), freshKey("switch"), RateLimit.fixed(8, Duration.ofMinutes(1))).build()) {
      FixedWindowLimiter fallback = fallbacks.get(0);
      Limiters.grant(limiter);
      proxy.down();

      RateLimitDecision first = limiter.acquire(Duration.ofSeconds(5));
      RateLimitDecision second = limiter.acquire(Duration.ofSeconds(5));

      assertThat(first).isInstanceOf(RateLimitDecision.Granted.class);
      assertThat(second).isInstanceOf(RateLimitDecision.Wait.class);
      assertThat(fallback.granted.get()).isEqualTo(1);
      assertThat(limiter.isFallingBack()).isTrue();
    }
  }

  @Test
  void whenRedisAnswersAgainItGoesBackToTheSharedBucketChargedWithItsLocalGrants(RedisServer redis) {
    String key = freshKey("recover");
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    try (TcpProxy proxy = new TcpProxy(redis.port()).up();
        RedisRateLimiter limiter = limiter(proxy.uri(), key, THOUSAND_A_DAY).listener(listener).build()) {
      FixedWindowLimiter fallback = fallbacks.get(0);
      Limiters.grant(limiter);
      proxy.down();
      for (int i = 0; i < 5; i++) {
        Limiters.grant(limiter);
      }
      assertThat(fallback.granted.get()).isEqualTo(5);

      proxy.up();
      untilShared(limiter, fallback);

      assertThat(limiter.isFallingBack()).isFalse();
      assertThat(listener.fallbacks).containsExactly(true, false);
      // Capacity 20: one shared grant before the outage, every local grant charged on the way
      // back (the five above and any the loop took while Redis reconnected), one shared after.
      int local = fallback.granted.get();
      assertThat(local).isGreaterThanOrEqualTo(5);
      try (RedisRateLimiter other = Limiters.builder(redis.uri(), key, THOUSAND_A_DAY).build()) {
        assertThat(Limiters.grantsUntilWait(other, 100)).isEqualTo(20 - 1 - local - 1);
      }
    }
  }

  @Test
  void aHungRedisNeverHoldsACallAndASecondTimeoutServesItFromTheShare(RedisServer redis) throws Exception {
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    try (RedisRateLimiter limiter = limiter(redis.uri(), freshKey("hung"), THOUSAND_A_DAY).listener(listener).build()) {
      FixedWindowLimiter fallback = fallbacks.get(0);
      Limiters.grant(limiter);
      assertThat(redis.command("CLIENT PAUSE 4000 ALL")).isEqualTo("+OK");
      try {
        RateLimitDecision first = limiter.acquire(Duration.ofSeconds(2));

        // One timeout: asked to come back at once, still on the shared bucket.
        assertThat(first).isInstanceOf(RateLimitDecision.Wait.class);
        assertThat(limiter.isFallingBack()).isFalse();
        assertThat(listener.fallbacks).isEmpty();

        RateLimitDecision second = limiter.acquire(Duration.ofSeconds(2));

        assertThat(second).isInstanceOf(RateLimitDecision.Granted.class);
        assertThat(fallback.granted.get()).isEqualTo(1);
        assertThat(listener.fallbacks).containsExactly(true);
      } finally {
        redis.command("CLIENT UNPAUSE");
      }
      untilShared(limiter, fallback);
      assertThat(listener.fallbacks).containsExactly(true, false);
    }
  }

  @Test
  void oneTimeoutBetweenAnswersKeepsTheProcessOnTheSharedBucket(RedisServer redis) throws Exception {
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    try (RedisRateLimiter limiter = limiter(redis.uri(), freshKey("slow"), THOUSAND_A_DAY).listener(listener).build()) {
      FixedWindowLimiter fallback = fallbacks.get(0);
      Limiters.grant(limiter);
      assertThat(redis.command("CLIENT PAUSE 4000 ALL")).isEqualTo("+OK");
      RateLimitDecision slow;
      try {
        slow = limiter.acquire(Duration.ofSeconds(2));
      } finally {
        redis.command("CLIENT UNPAUSE");
      }
      assertThat(slow).isInstanceOf(RateLimitDecision.Wait.class);

      Limiters.grant(limiter);
      // A timeout after that answer is a first one again.
      assertThat(redis.command("CLIENT PAUSE 4000 ALL")).isEqualTo("+OK");
      try {
        assertThat(limiter.acquire(Duration.ofSeconds(2))).isInstanceOf(RateLimitDecision.Wait.class);
      } finally {
        redis.command("CLIENT UNPAUSE");
      }
      Limiters.grant(limiter);

      assertThat(fallback.granted.get()).isZero();
      assertThat(listener.fallbacks).isEmpty();
      assertThat(limiter.isFallingBack()).isFalse();
    }
  }

  @Test
  void aFleetLosesNoUpdateWhileRedisGoesDownAndComesBack(RedisServer redis) throws Exception {
    String key = freshKey("outage");
    List<RedisRateLimiter> fleet = new ArrayList<>();
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    RateLimit scaled = RateLimit.fixed(20, Duration.ofSeconds(1));
    try (TcpProxy proxy = new TcpProxy(redis.port()).up();
        StrictWindowServer server = new StrictWindowServer(20, Duration.ofSeconds(1))) {
      for (int p = 0; p < 4; p++) {
        fleet.add(limiter(proxy.uri(), key, scaled).listener(listener).build());
      }
      FleetDriver driver = new FleetDriver(server);
      AtomicBoolean done = new AtomicBoolean();
      Thread outage = new Thread(() -> {
        // Down for a while as soon as the fleet has started, then back, by requests seen.
        while (!done.get() && server.requests() < 20) {
          RedisServer.sleep(10);
        }
        proxy.down();
        while (!done.get() && server.requests() < 50) {
          RedisServer.sleep(10);
        }
        proxy.up();
      });
      outage.start();

      driver.run(fleet, 2, 12);
      done.set(true);
      outage.join();

      assertThat(driver.failed.get()).isZero();
      assertThat(driver.succeeded.get()).isEqualTo(96);
      assertThat(server.succeeded()).isEqualTo(96);
      assertThat(listener.fallbacks).contains(true);
      assertThat(server.duplicates()).isZero();
    } finally {
      fleet.forEach(RedisRateLimiter::close);
    }
  }
}
