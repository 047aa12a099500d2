package dev.eventpatch.hubspot.marketingevents.internal;

/**
 * A monotonic time source in nanoseconds, the seam through which tests drive the rate limiter on
 * virtual time. Only differences between two readings mean anything (like {@link
 * System#nanoTime()}, the value may be negative and may wrap), so compare with {@code a - b > 0},
 * never {@code a > b}.
 */
@FunctionalInterface
interface Ticker {
  /** The JVM's monotonic clock: unlike the wall clock, it never steps when the system time is set. */
  Ticker SYSTEM = System::nanoTime;

  /** @return now, in nanoseconds from an arbitrary origin */
  long nanoTime();
}
