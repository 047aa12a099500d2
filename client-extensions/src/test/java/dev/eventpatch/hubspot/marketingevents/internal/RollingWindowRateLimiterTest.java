package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingWindowRateLimiterTest {
  private final ManualClock clock = new ManualClock();
  private final List<Duration> waits = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        waits.add(d);
        clock.now += d.toMillis();
      };

  private RollingWindowRateLimiter limiter(int limit, Duration window, boolean adaptive) {
    return new RollingWindowRateLimiter(limit, window, adaptive, clock, sleeper);
  }

  @Test
  void grantsUpToTheLimitAtOnceThenWaitsForTheOldestToLeaveTheWindow() throws Exception {
    RollingWindowRateLimiter limiter = limiter(3, Duration.ofSeconds(10), false);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire()).isZero();
      clock.now += 1000;
    }
    Duration waited = limiter.acquire();

    // Sent at 0, 1 s and 2 s; now 3 s: the first leaves the window at 10 s.
    assertThat(waited).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void neverGrantsMoreThanTheLimitInAnyWindow() throws Exception {
    RollingWindowRateLimiter limiter = limiter(5, Duration.ofSeconds(1), false);
    List<Long> grants = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      limiter.acquire();
      grants.add(clock.now);
      clock.now += 37;
    }

    for (int i = 0; i + 5 < grants.size(); i++) {
      assertThat(grants.get(i + 5) - grants.get(i)).isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void adaptsToTheLimitAndIntervalHubSpotAnnounces() throws Exception {
    RollingWindowRateLimiter limiter = limiter(100, Duration.ofSeconds(10), true);

    limiter.onRateLimitHeaders(2, 1000, null);
    limiter.acquire();
    limiter.acquire();
    Duration waited = limiter.acquire();

    assertThat(limiter.currentLimit()).isEqualTo(2);
    assertThat(limiter.currentWindow()).isEqualTo(Duration.ofSeconds(1));
    assertThat(waited).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void holdsBackWhenHubSpotSaysNothingRemainsThoughTheLocalCountAllowsMore() throws Exception {
    RollingWindowRateLimiter limiter = limiter(100, Duration.ofSeconds(10), true);
    limiter.acquire();

    // Other clients of the same account used the rest of the window.
    limiter.onRateLimitHeaders(null, null, 1);
    assertThat(limiter.acquire()).isZero();
    Duration waited = limiter.acquire();

    assertThat(waited).isPositive();
    assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void ignoresHeadersWhenNotAdaptive() throws Exception {
    RollingWindowRateLimiter limiter = limiter(3, Duration.ofSeconds(10), false);

    limiter.onRateLimitHeaders(1, 1000, 0);
    limiter.onRateLimited(Duration.ofSeconds(30));

    assertThat(limiter.acquire()).isZero();
    assertThat(limiter.currentLimit()).isEqualTo(3);
  }

  @Test
  void pausesEveryCallerAfterA429ForTheRetryAfter() throws Exception {
    RollingWindowRateLimiter limiter = limiter(100, Duration.ofSeconds(10), true);

    limiter.onRateLimited(Duration.ofSeconds(2));

    assertThat(limiter.acquire()).isEqualTo(Duration.ofSeconds(2));
    assertThat(limiter.acquire()).isZero();
  }

  @Test
  void manyThreadsNeverShareAPermit() throws Exception {
    RollingWindowRateLimiter limiter =
        new RollingWindowRateLimiter(1000, Duration.ofHours(1), false, Clock.systemUTC(), Sleeper.SYSTEM);
    List<Thread> threads = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 125; i++) {
                  try {
                    limiter.acquire();
                    granted.incrementAndGet();
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(granted.get()).isEqualTo(1000);
    // A 1001st permit in the same hour would have to wait: the count is exact.
    Thread late = new Thread(() -> {
      try {
        limiter.acquire();
      } catch (InterruptedException expected) {
        Thread.currentThread().interrupt();
      }
    });
    late.start();
    late.join(200);
    assertThat(late.isAlive()).isTrue();
    late.interrupt();
    late.join();
  }

  static final class ManualClock extends Clock {
    long now = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    @Override
    public long millis() {
      return now;
    }
  }
}
