package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A rolling-window limiter shared by all threads of one client: at most {@code limit} permits in
 * any window, like HubSpot's own ten-secondly rolling limit. When adaptive, it also takes
 * HubSpot's word: the limit and window from the rate-limit headers, the requests remaining
 * (which counts other clients of the same app and account), and a pause after a 429.
 *
 * <p>A permit counts from when it was granted until its answer arrives, then from the answer
 * ({@link #completed}): HubSpot counts a request when it arrives, somewhere between the two, and
 * counting from the answer is the one choice that is never early. Counting from the grant alone
 * let a request reach HubSpot less than a window after the one whose slot it took, whenever the
 * earlier one travelled longer, and drew 429s at every window's edge. Times are kept in
 * microseconds of the injected clock, so that a request answered within the millisecond it was
 * sent is not counted from the start of that millisecond.
 *
 * <p>Waiting happens outside the lock, through the injected sleeper, so tests run on a virtual
 * clock; the decision to grant a permit is made under the lock, so no two threads take the same
 * one.
 */
public final class RollingWindowRateLimiter {
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean adaptive;
  // When each permit in the window was granted or, once answered, answered; in microseconds.
  // Answers come in any order, so the oldest is found with a heap.
  private final PriorityQueue<Long> sent = new PriorityQueue<>();

  private int limit;
  private long windowMicros;
  private long pausedUntil;
  private int serverRemaining = -1;
  private long serverObservedAt;
  private int sentSinceObservation;

  /**
   * A granted permit: hand it to {@link #completed} when the request's answer arrives.
   *
   * @param grantedAt when it was granted, in microseconds of the limiter's clock
   * @param waited how long the caller waited for it
   */
  public record Permit(long grantedAt, Duration waited) {}

  /**
   * @param limit permits in any window
   * @param window the window
   * @param adaptive whether to follow HubSpot's headers
   * @param clock the time source
   * @param sleeper how to wait
   */
  public RollingWindowRateLimiter(
      int limit, Duration window, boolean adaptive, Clock clock, Sleeper sleeper) {
    this.limit = limit;
    this.windowMicros = micros(window);
    this.adaptive = adaptive;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Blocks until a request may be sent, and counts it from now on, for a whole window.
   *
   * @return how long the caller waited
   * @throws InterruptedException if interrupted while waiting
   */
  public Duration acquire() throws InterruptedException {
    return acquirePermit().waited();
  }

  /**
   * Blocks until a request may be sent, and counts it until {@link #completed} moves it.
   *
   * @return the permit
   * @throws InterruptedException if interrupted while waiting
   */
  public Permit acquirePermit() throws InterruptedException {
    long waited = 0;
    while (true) {
      long wait;
      synchronized (this) {
        long now = now();
        wait = waitMicros(now);
        if (wait <= 0) {
          sent.add(now);
          if (serverRemaining >= 0) {
            sentSinceObservation++;
          }
          return new Permit(now, Duration.ofNanos(waited * 1000));
        }
      }
      sleeper.sleep(Duration.ofNanos(wait * 1000));
      waited += wait;
    }
  }

  /**
   * The request of a permit has its answer, or failed: it counts from now on, for a whole window.
   *
   * @param permit the permit {@link #acquirePermit()} gave
   */
  public synchronized void completed(Permit permit) {
    long now = now();
    if (now > permit.grantedAt()) {
      sent.remove(permit.grantedAt()); // gone already if the request took longer than a window
      sent.add(now);
    }
  }

  private long waitMicros(long now) {
    while (!sent.isEmpty() && sent.peek() <= now - windowMicros) {
      sent.poll();
    }
    if (pausedUntil > now) {
      return pausedUntil - now;
    }
    long untilLocalSlot = sent.isEmpty() ? 0 : sent.peek() + windowMicros - now;
    if (sent.size() >= limit) {
      return Math.max(1000, untilLocalSlot);
    }
    if (serverRemaining >= 0) {
      if (now >= serverObservedAt + windowMicros) {
        serverRemaining = -1; // a whole window later, that observation says nothing any more
      } else if (sentSinceObservation >= serverRemaining) {
        // HubSpot counts requests we cannot see; capacity returns as the oldest leave the window.
        long untilObservationExpires = serverObservedAt + windowMicros - now;
        return Math.max(1000, sent.isEmpty() ? untilObservationExpires : Math.min(untilLocalSlot, untilObservationExpires));
      }
    }
    return 0;
  }

  private long now() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private static long micros(Duration duration) {
    return duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000;
  }

  /**
   * Takes in what an answer's rate-limit headers said; ignored unless adaptive.
   *
   * @param max {@code X-HubSpot-RateLimit-Max}, or null
   * @param intervalMillis {@code X-HubSpot-RateLimit-Interval-Milliseconds}, or null
   * @param remaining {@code X-HubSpot-RateLimit-Remaining}, or null
   */
  public synchronized void onRateLimitHeaders(Integer max, Integer intervalMillis, Integer remaining) {
    if (!adaptive) {
      return;
    }
    if (max != null && max > 0 && intervalMillis != null && intervalMillis > 0) {
      limit = max;
      windowMicros = intervalMillis * 1000L;
    }
    if (remaining != null && remaining >= 0) {
      serverRemaining = remaining;
      serverObservedAt = now();
      sentSinceObservation = 0;
    }
  }

  /**
   * Holds every thread back after a 429; ignored unless adaptive.
   *
   * @param retryAfter how long HubSpot asked to wait
   */
  public synchronized void onRateLimited(Duration retryAfter) {
    if (!adaptive || retryAfter == null) {
      return;
    }
    pausedUntil = Math.max(pausedUntil, now() + micros(retryAfter));
  }

  /** @return the limit in force, after adapting */
  public synchronized int currentLimit() {
    return limit;
  }

  /** @return the window in force, after adapting */
  public synchronized Duration currentWindow() {
    return Duration.ofNanos(windowMicros * 1000);
  }
}
