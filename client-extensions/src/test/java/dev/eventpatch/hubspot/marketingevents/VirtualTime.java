package dev.eventpatch.hubspot.marketingevents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when its sleeper sleeps: retries and limiter waits without waiting. */
final class VirtualTime extends Clock implements Sleeper {
  private final AtomicLong millis;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  VirtualTime(Instant start) {
    millis = new AtomicLong(start.toEpochMilli());
  }

  VirtualTime() {
    this(Instant.parse("2026-11-29T10:00:00Z"));
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    millis.addAndGet(duration.toMillis());
  }

  void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
