package dev.eventpatch.hubspot.marketingevents.internal;

import java.time.Clock;
import java.util.concurrent.locks.LockSupport;

/**
 * The pipeline's sense of time: a monotonic clock for deadlines, waits and the limiter, the wall
 * clock only for {@code Retry-After} dates, and how to wait. Tests replace it with virtual time,
 * so that nothing in them sleeps for real; a step of the system clock changes nothing here.
 */
public interface Timing {
  /** @return monotonic nanoseconds, as {@link System#nanoTime()} */
  long nanoTime();

  /** @return the wall clock, read only to turn a {@code Retry-After} date into a delay */
  Clock wallClock();

  /**
   * Waits up to {@code nanos}, or less when the call is cancelled.
   *
   * @param nanos how long
   * @param call the call waiting, whose cancellation ends the wait
   * @throws InterruptedException if the thread is interrupted
   */
  void sleep(long nanos, CallContext call) throws InterruptedException;

  /** Real time. */
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Clock wallClock() {
          return Clock.systemUTC();
        }

        @Override
        public void sleep(long nanos, CallContext call) throws InterruptedException {
          long end = System.nanoTime() + nanos;
          // Parking, not Thread.sleep: cancel() unparks the waiting thread without interrupting
          // it, so a cancelled wait ends at once and leaves the thread's interrupt flag alone.
          for (long left = nanos; left > 0 && !call.isCancelled(); left = end - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
              throw new InterruptedException();
            }
          }
        }
      };
}
