package dev.eventpatch.hubspot.marketingevents.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A rolling-window rate limit as HubSpot enforces its burst limit: at most {@code limit}
 * requests in any window of {@code window} ending now. Not a fixed window that resets on the
 * clock's tens of seconds: a request is refused while {@code limit} requests were admitted in
 * the last {@code window}, and a slot comes free exactly {@code window} after the request that
 * took it.
 *
 * <p>Usable on its own (a goodput server, a fleet test): one instance per app, thread-safe,
 * constant time per decision, no allocation beyond the decision, no logging. The {@link
 * HubSpotFake} keeps one per access token when started with {@link
 * HubSpotFake.Builder#rateLimit(int, Duration)}.
 *
 * <pre>{@code
 * RollingWindow window = new RollingWindow(100, Duration.ofSeconds(10));
 * RollingWindow.Decision d = window.tryAcquire();
 * if (!d.admitted()) { answer429(d.retryAfter()); }
 * }</pre>
 */
public final class RollingWindow {
  private final int limit;
  private final Duration window;
  private final long windowMillis;
  private final Clock clock;
  // Admission times in milliseconds, oldest at head: a ring as long as the limit, since no more
  // than limit admissions can be inside one window.
  private final long[] admitted;
  private int head;
  private int count;

  /**
   * A window on the system clock.
   *
   * @param limit requests allowed in any window, at least 1
   * @param window the window's length, at least one millisecond
   * @throws IllegalArgumentException if {@code limit} or {@code window} is not positive
   */
  public RollingWindow(int limit, Duration window) {
    this(limit, window, Clock.systemUTC());
  }

  /**
   * A window on the given clock: a test moves a clock of its own instead of waiting.
   *
   * @param limit requests allowed in any window, at least 1
   * @param window the window's length, at least one millisecond
   * @param clock the time source, read in milliseconds
   * @throws IllegalArgumentException if {@code limit} or {@code window} is not positive
   */
  public RollingWindow(int limit, Duration window, Clock clock) {
    Objects.requireNonNull(window, "window == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("window shorter than 1 ms: " + window);
    }
    this.limit = limit;
    this.window = window;
    this.windowMillis = window.toMillis();
    this.admitted = new long[limit];
  }

  /** @return the number of requests allowed in one window */
  public int limit() {
    return limit;
  }

  /** @return the window's length */
  public Duration window() {
    return window;
  }

  /**
   * Admits one request if the window has room, and says what is left.
   *
   * @return whether the request was admitted, the requests left in the window after it, and,
   *     when refused, how long until a slot comes free
   */
  public synchronized Decision tryAcquire() {
    long now = clock.millis();
    expire(now);
    if (count < limit) {
      admitted[(head + count) % limit] = now;
      count++;
      return new Decision(true, limit - count, Duration.ZERO);
    }
    return new Decision(false, 0, Duration.ofMillis(admitted[head] + windowMillis - now));
  }

  /** @return the requests that would be admitted now, without taking any */
  public synchronized int remaining() {
    expire(clock.millis());
    return limit - count;
  }

  /** Forgets every admission, as if no request had been made. */
  public synchronized void reset() {
    head = 0;
    count = 0;
  }

  private void expire(long now) {
    // A request admitted at t counts in every window (x - window, x] with t in it: it leaves
    // once now - t >= window.
    while (count > 0 && now - admitted[head] >= windowMillis) {
      head = (head + 1) % limit;
      count--;
    }
  }

  @Override
  public String toString() {
    return "RollingWindow{limit=" + limit + ", window=" + window + "}";
  }

  /** The outcome of {@link #tryAcquire()}. */
  public static final class Decision {
    private final boolean admitted;
    private final int remaining;
    private final Duration retryAfter;

    Decision(boolean admitted, int remaining, Duration retryAfter) {
      this.admitted = admitted;
      this.remaining = remaining;
      this.retryAfter = retryAfter;
    }

    /** @return whether the request was admitted */
    public boolean admitted() {
      return admitted;
    }

    /** @return the requests left in the window after this decision; 0 when refused */
    public int remaining() {
      return remaining;
    }

    /** @return how long until a slot comes free when refused; zero when admitted */
    public Duration retryAfter() {
      return retryAfter;
    }

    @Override
    public String toString() {
      return admitted ? "admitted, " + remaining + " left" : "refused, retry after " + retryAfter;
    }
  }
}
