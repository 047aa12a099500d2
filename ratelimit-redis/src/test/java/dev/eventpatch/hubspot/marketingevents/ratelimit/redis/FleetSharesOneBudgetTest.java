package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.builder;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.freshKey;
import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.grantsUntilWait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several limiters with one key stand for several processes of one app: together they stay
 * within the limit, counted by a server that enforces a strict rolling window.
 */
@ExtendWith(RedisExtension.class)
@Timeout(120)
class FleetSharesOneBudgetTest {

  /** HubSpot's limit scaled down: 20 per rolling second. */
  private static final RateLimit SCALED = RateLimit.fixed(20, Duration.ofSeconds(1));

  /**
   * The bucket's margin for the time between a grant and the server counting the request. A
   * request delayed longer than this (a thread not scheduled on a machine with a load of 30)
   * could land in a later window; 2 s keeps the proof about the bucket, not about the machine.
   */
  private static final Duration COUNTING_DELAY = Duration.ofSeconds(2);

  @Test
  void fourProcessesSharingAKeyStayWithinEveryRollingWindow(RedisServer redis) {
    String key = freshKey("fleet");
    List<RedisRateLimiter> fleet = new ArrayList<>();
    Limiters.RecordingListener listener = new Limiters.RecordingListener();
    try (StrictWindowServer server = new StrictWindowServer(20, Duration.ofSeconds(1))) {
      for (int p = 0; p < 4; p++) {
        fleet.add(builder(redis.uri(), key, SCALED).countingDelay(COUNTING_DELAY).expectedProcesses(4)
            .listener(listener).build());
      }
      FleetDriver driver = new FleetDriver(server);

      driver.run(fleet, 2, 8);

      // For the record in the test report: how close to the limit the fleet came.
      System.out.printf("shared key: %d requests, busiest rolling second %d, 429s %d%n",
          server.requests(), server.busiestWindow(), server.rateLimited());
      assertThat(server.busiestWindow()).as("requests in the busiest rolling second").isLessThanOrEqualTo(20);
      assertThat(server.rateLimited()).isZero();
      assertThat(driver.succeeded.get()).isEqualTo(64);
      assertThat(driver.failed.get()).isZero();
      assertThat(server.succeeded()).isEqualTo(64);
      assertThat(listener.fallbacks).as("fallbacks").isEmpty();
    } finally {
      fleet.forEach(RedisRateLimiter::close);
    }
  }

  @Test
  void limitersWithOneKeyDrawOnOneBucketAndAnotherKeyHasItsOwn(RedisServer redis) {
    // 1000 per day: capacity 20, and the refill is too slow to add a token during the test.
    RateLimit daily = RateLimit.fixed(1000, Duration.ofDays(1));
    String key = freshKey("one-bucket");
    try (RedisRateLimiter a = builder(redis.uri(), key, daily).build();
        RedisRateLimiter b = builder(redis.uri(), key, daily).build();
        RedisRateLimiter other = builder(redis.uri(), freshKey("other"), daily).build()) {
      int fromA = grantsUntilWait(a, 15);
      int fromB = grantsUntilWait(b, 100);
      int fromOther = grantsUntilWait(other, 100);

      assertThat(fromA).isEqualTo(15);
      assertThat(fromB).isEqualTo(5);
      assertThat(fromOther).isEqualTo(20);
    }
  }
}
