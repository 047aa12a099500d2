package dev.eventpatch.hubspot.marketingevents.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when a test moves it; remembers what each thread last read. */
final class VirtualTicker implements Ticker {
  private final AtomicLong nanos;
  private final ThreadLocal<long[]> lastRead = ThreadLocal.withInitial(() -> new long[1]);

  VirtualTicker(long start) {
    nanos = new AtomicLong(start);
  }

  VirtualTicker() {
    // Not zero: System.nanoTime has an arbitrary origin, and nothing may assume otherwise.
    this(-123_456_789_000L);
  }

  @Override
  public long nanoTime() {
    long now = nanos.get();
    lastRead.get()[0] = now;
    return now;
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  void advanceNanos(long duration) {
    nanos.addAndGet(duration);
  }

  /** @return what the limiter read on this thread in its latest call */
  long lastReadOnThisThread() {
    return lastRead.get()[0];
  }

  long peek() {
    return nanos.get();
  }
}
