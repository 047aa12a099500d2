package dev.eventpatch.hubspot.marketingevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RollingWindowTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

  @Test
  void admitsUpToTheLimitAndCountsRemainingDown() {
    RollingWindow w = new RollingWindow(3, Duration.ofSeconds(10), clock);

    assertThat(w.tryAcquire().remaining()).isEqualTo(2);
    assertThat(w.tryAcquire().remaining()).isEqualTo(1);
    assertThat(w.tryAcquire().remaining()).isEqualTo(0);
    RollingWindow.Decision refused = w.tryAcquire();
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void freesASlotExactlyOneWindowAfterTheRequestThatTookIt() {
    RollingWindow w = new RollingWindow(2, Duration.ofSeconds(10), clock);
    w.tryAcquire();
    clock.advance(Duration.ofSeconds(4));
    w.tryAcquire();

    clock.advance(Duration.ofMillis(5_999));
    RollingWindow.Decision early = w.tryAcquire();
    clock.advance(Duration.ofMillis(1));
    RollingWindow.Decision onTime = w.tryAcquire();

    assertThat(early.admitted()).isFalse();
    assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(1));
    assertThat(onTime.admitted()).isTrue();
    // The second request (at 4 s) still holds its slot: rolling, not a window that resets.
    assertThat(w.tryAcquire().admitted()).isFalse();
    assertThat(w.remaining()).isZero();
  }

  @Test
  void remainingDoesNotTakeASlotAndResetForgetsAll() {
    RollingWindow w = new RollingWindow(2, Duration.ofSeconds(1), clock);
    w.tryAcquire();

    assertThat(w.remaining()).isEqualTo(1);
    assertThat(w.remaining()).isEqualTo(1);
    w.tryAcquire();
    w.reset();
    assertThat(w.remaining()).isEqualTo(2);
  }

  @Test
  void admitsExactlyTheLimitUnderContention() throws Exception {
    RollingWindow w = new RollingWindow(500, Duration.ofSeconds(10), clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> {
          int admitted = 0;
          for (int i = 0; i < 1_000; i++) {
            admitted += w.tryAcquire().admitted() ? 1 : 0;
          }
          return admitted;
        });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        total += f.get();
      }
      assertThat(total).isEqualTo(500);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesALimitOrWindowThatIsNotPositive() {
    assertThatThrownBy(() -> new RollingWindow(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RollingWindow(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
