package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * HubSpot counts a request when it arrives, some time between the grant and the answer: a
 * permit counts from its answer once it has one, to the microsecond, so that the next request
 * can never arrive less than a window after it.
 */
class RollingWindowRateLimiterCompletionTest {
  private final MicrosClock clock = new MicrosClock();
  private final Sleeper sleeper = d -> clock.micros += d.toNanos() / 1000;

  @Test
  void aPermitCountsFromItsAnswerOnceAnswered() throws Exception {
    RollingWindowRateLimiter limiter =
        new RollingWindowRateLimiter(1, Duration.ofSeconds(1), false, clock, sleeper);

    RollingWindowRateLimiter.Permit first = limiter.acquirePermit();
    clock.micros += 300_000; // the answer comes 300 ms later
    limiter.completed(first);
    Duration waited = limiter.acquire();

    assertThat(waited).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void anAnswerWithinTheSameMillisecondStillMovesThePermit() throws Exception {
    RollingWindowRateLimiter limiter =
        new RollingWindowRateLimiter(1, Duration.ofSeconds(1), false, clock, sleeper);
    long start = clock.micros;

    RollingWindowRateLimiter.Permit first = limiter.acquirePermit();
    clock.micros += 600; // 0.6 ms
    limiter.completed(first);
    limiter.acquire();

    assertThat(clock.micros - start).isEqualTo(1_000_600);
  }

  @Test
  void aPermitAnsweredAfterItLeftTheWindowCountsAgainFromItsAnswer() throws Exception {
    RollingWindowRateLimiter limiter =
        new RollingWindowRateLimiter(1, Duration.ofSeconds(1), false, clock, sleeper);

    RollingWindowRateLimiter.Permit slow = limiter.acquirePermit();
    clock.micros += 1_500_000; // answered after a window and a half
    limiter.completed(slow);

    assertThat(limiter.acquire()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void withoutAnswersItCountsFromTheGrantAsBefore() throws Exception {
    RollingWindowRateLimiter limiter =
        new RollingWindowRateLimiter(2, Duration.ofSeconds(1), false, clock, sleeper);

    limiter.acquire();
    clock.micros += 250_000;
    limiter.acquire();

    assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(750));
  }

  static final class MicrosClock extends Clock {
    long micros = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli() * 1000;

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
      return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
  }
}
