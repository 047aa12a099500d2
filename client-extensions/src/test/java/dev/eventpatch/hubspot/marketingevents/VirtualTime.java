package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.internal.CallContext;
import dev.eventpatch.hubspot.marketingevents.internal.Timing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that only moves when the client waits through it (or a test advances it): retries,
 * deadlines and limiter waits without waiting, each wait recorded so that it can be asserted
 * exactly. The wall clock moves with it.
 */
class VirtualTime implements Timing {
  private final Instant start;
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  VirtualTime(Instant start) {
    this.start = start;
  }

  VirtualTime() {
    this(Instant.parse("2026-11-29T10:00:00Z"));
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Clock wallClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("virtual time is UTC only");
      }

      @Override
      public Instant instant() {
        return VirtualTime.this.instant();
      }
    };
  }

  @Override
  public void sleep(long duration, CallContext call) {
    if (duration < 0) {
      throw new AssertionError("asked to sleep a negative duration: " + duration);
    }
    sleeps.add(Duration.ofNanos(duration));
    nanos.addAndGet(duration);
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** @return every wait, in order */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** @return every wait, in order */
  List<Duration> waits() {
    return sleeps();
  }

  /** @return the sum of the waits */
  Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  /** @return the sum of the waits */
  Duration waited() {
    return totalSlept();
  }

  Instant instant() {
    return start.plusNanos(nanos.get() - 1_000_000_000L);
  }

  long millis() {
    return instant().toEpochMilli();
  }
}
