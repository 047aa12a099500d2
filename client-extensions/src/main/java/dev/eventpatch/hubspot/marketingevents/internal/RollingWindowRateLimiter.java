package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A rolling-window limiter shared by all threads of one client: at most {@code limit} permits in
 * any window, like HubSpot's own ten-secondly rolling limit. When adaptive, it also takes
 * HubSpot's word: the limit and window from the rate-limit headers, the requests remaining
 * (which counts other clients of the same app and account), and a pause after a 429.
 *
 * <p>Waiting happens outside the lock, through the injected sleeper, so tests run on a virtual
 * clock; the decision to grant a permit is made under the lock, so no two threads take the same
 * one.
 */
public final class RollingWindowRateLimiter {
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean adaptive;
  private final ArrayDeque<Long> sent = new ArrayDeque<>();

  private int limit;
  private long windowMillis;
  private long pausedUntil;
  private int serverRemaining = -1;
  private long serverObservedAt;
  private int sentSinceObservation;

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
    this.windowMillis = window.toMillis();
    this.adaptive = adaptive;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Blocks until a request may be sent, and counts it.
   *
   * @return how long the caller waited
   * @throws InterruptedException if interrupted while waiting
   */
  public Duration acquire() throws InterruptedException {
    long waited = 0;
    while (true) {
      long wait;
      synchronized (this) {
        long now = clock.millis();
        wait = waitMillis(now);
        if (wait <= 0) {
          sent.addLast(now);
          if (serverRemaining >= 0) {
            sentSinceObservation++;
          }
          return Duration.ofMillis(waited);
        }
      }
      sleeper.sleep(Duration.ofMillis(wait));
      waited += wait;
    }
  }

  private long waitMillis(long now) {
    while (!sent.isEmpty() && sent.peekFirst() <= now - windowMillis) {
      sent.removeFirst();
    }
    if (pausedUntil > now) {
      return pausedUntil - now;
    }
    long untilLocalSlot = sent.isEmpty() ? 0 : sent.peekFirst() + windowMillis - now;
    if (sent.size() >= limit) {
      return Math.max(1, untilLocalSlot);
    }
    if (serverRemaining >= 0) {
      if (now >= serverObservedAt + windowMillis) {
        serverRemaining = -1; // a whole window later, that observation says nothing any more
      } else if (sentSinceObservation >= serverRemaining) {
        // HubSpot counts requests we cannot see; capacity returns as the oldest leave the window.
        long untilObservationExpires = serverObservedAt + windowMillis - now;
        return Math.max(1, sent.isEmpty() ? untilObservationExpires : Math.min(untilLocalSlot, untilObservationExpires));
      }
    }
    return 0;
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
      windowMillis = intervalMillis;
    }
    if (remaining != null && remaining >= 0) {
      serverRemaining = remaining;
      serverObservedAt = clock.millis();
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
    pausedUntil = Math.max(pausedUntil, clock.millis() + retryAfter.toMillis());
  }

  /** @return the limit in force, after adapting */
  public synchronized int currentLimit() {
    return limit;
  }

  /** @return the window in force, after adapting */
  public synchronized Duration currentWindow() {
    return Duration.ofMillis(windowMillis);
  }
}
