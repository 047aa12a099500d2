package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;

/**
 * Waits: between retries, and while the rate limiter holds a request back. Injectable so that
 * tests run on a virtual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
      };

  /**
   * @param duration how long to wait
   * @throws InterruptedException if the thread was interrupted; the call then fails
   */
  void sleep(Duration duration) throws InterruptedException;
}
