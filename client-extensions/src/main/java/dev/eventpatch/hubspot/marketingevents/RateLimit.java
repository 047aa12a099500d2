package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-side rate limit: at most {@link #requests()} requests in any rolling {@link
 * #window()}, shared by every thread using one client, so that a busy client waits instead of
 * collecting 429 answers (HubSpot asks that errors stay under 5% of an app's requests).
 *
 * <p>The factory says how the limit treats HubSpot's {@code X-HubSpot-RateLimit-*} headers:
 *
 * <ul>
 *   <li>{@link #adaptive()}, the default: starts at HubSpot's lowest private-app tier (100 per
 *       10 s) and follows the headers both ways, up to what HubSpot grants the app;
 *   <li>{@link #adaptiveUpTo(int, Duration)}: a ceiling you set, for example to leave part of the
 *       app's budget to other jobs; the headers may lower it, never raise it;
 *   <li>{@link #fixed(int, Duration)}: exactly what you set; the headers are ignored;
 *   <li>{@link #none()}: no client-side limit; 429s are left to retries.
 * </ul>
 *
 * <p>Up to half the limit goes out at once; past that, at most a tenth of it per tenth of the
 * window, so that a busy client's callers wait their turn rather than the rest of a window
 * (limits under 20 are not paced).
 *
 * <p>Whatever the kind, a 429 pauses every caller of the client (for its {@code Retry-After}, or
 * until the window makes room), and a {@code DAILY} 429 makes later calls fail fast until the
 * reset, unless the limit is {@link #none()}. The reset is the 429's {@code Retry-After}, or
 * {@link #dailyLimitCoolDown()} when it has none. Treat HubSpot's numbers as configuration: they
 * depend on the app, the account's tier and add-ons. Immutable.
 */
public final class RateLimit {
  /** How a limit treats HubSpot's rate-limit headers. */
  public enum Kind {
    /** No client-side limit. */
    NONE,
    /** Exactly the configured limit; headers are ignored. */
    FIXED,
    /** The configured limit is a ceiling: headers may lower it, never raise it. */
    ADAPTIVE_UP_TO,
    /** Starts at the configured limit and follows the headers both ways. */
    ADAPTIVE
  }

  // A DAILY 429 without Retry-After does not say when the day ends (midnight in the account's
  // time zone, which the client does not know); five minutes keeps a stopped job from hammering
  // HubSpot while still noticing a reset, or a raised limit, soon enough.
  private static final Duration DEFAULT_DAILY_LIMIT_COOL_DOWN = Duration.ofMinutes(5);
  private static final RateLimit NONE = new RateLimit(Kind.NONE, 0, Duration.ZERO, DEFAULT_DAILY_LIMIT_COOL_DOWN);
  private static final RateLimit ADAPTIVE =
      new RateLimit(Kind.ADAPTIVE, 100, Duration.ofSeconds(10), DEFAULT_DAILY_LIMIT_COOL_DOWN);

  private final Kind kind;
  private final int requests;
  private final Duration window;
  private final Duration dailyLimitCoolDown;

  private RateLimit(Kind kind, int requests, Duration window, Duration dailyLimitCoolDown) {
    this.kind = kind;
    this.requests = requests;
    this.window = window;
    this.dailyLimitCoolDown = dailyLimitCoolDown;
  }

  /**
   * The default: 100 requests per rolling 10 s (HubSpot's lowest private-app tier) to start
   * with, then whatever HubSpot's headers say, higher or lower.
   *
   * @return the default limit
   */
  public static RateLimit adaptive() {
    return ADAPTIVE;
  }

  /**
   * A ceiling: at most {@code requests} per rolling {@code window}, lower when HubSpot's headers
   * say the app has less left, never higher.
   *
   * @param requests requests allowed in any rolling window
   * @param window the window's length
   * @return the limit
   * @throws IllegalArgumentException if requests is below 1 or the window is not positive
   */
  public static RateLimit adaptiveUpTo(int requests, Duration window) {
    return checked(Kind.ADAPTIVE_UP_TO, requests, window);
  }

  /**
   * Exactly {@code requests} per rolling {@code window}, whatever HubSpot's headers say.
   *
   * @param requests requests allowed in any rolling window
   * @param window the window's length
   * @return the limit
   * @throws IllegalArgumentException if requests is below 1 or the window is not positive
   */
  public static RateLimit fixed(int requests, Duration window) {
    return checked(Kind.FIXED, requests, window);
  }

  /** @return no client-side limit: requests go out at once, and 429s are left to retries */
  public static RateLimit none() {
    return NONE;
  }

  private static RateLimit checked(Kind kind, int requests, Duration window) {
    Objects.requireNonNull(window, "window == null");
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, got " + requests);
    }
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("window must be at least a millisecond, got " + window);
    }
    return new RateLimit(kind, requests, window, DEFAULT_DAILY_LIMIT_COOL_DOWN);
  }

  /**
   * This limit with another cool-down after a {@code DAILY} 429 that carries no {@code
   * Retry-After}: calls fail fast for that long, then requests go out again.
   *
   * @param coolDown how long calls fail fast; the default is 5 minutes
   * @return the limit with that cool-down
   * @throws IllegalArgumentException if coolDown is not positive
   */
  public RateLimit withDailyLimitCoolDown(Duration coolDown) {
    Objects.requireNonNull(coolDown, "coolDown == null");
    if (coolDown.isZero() || coolDown.isNegative()) {
      throw new IllegalArgumentException("coolDown must be positive, got " + coolDown);
    }
    return new RateLimit(kind, requests, window, coolDown);
  }

  /** @return how the limit treats HubSpot's headers */
  public Kind kind() {
    return kind;
  }

  /** @return requests allowed in any rolling window (the starting point when adaptive); 0 for none */
  public int requests() {
    return requests;
  }

  /** @return the window's length; zero for none */
  public Duration window() {
    return window;
  }

  /**
   * @return how long calls fail fast after a {@code DAILY} 429 that carries no {@code
   *     Retry-After}; 5 minutes unless set with {@link #withDailyLimitCoolDown(Duration)}
   */
  public Duration dailyLimitCoolDown() {
    return dailyLimitCoolDown;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RateLimit)) {
      return false;
    }
    RateLimit that = (RateLimit) o;
    return kind == that.kind
        && requests == that.requests
        && window.equals(that.window)
        && dailyLimitCoolDown.equals(that.dailyLimitCoolDown);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, requests, window, dailyLimitCoolDown);
  }

  @Override
  public String toString() {
    String coolDown = ", daily limit cool-down " + dailyLimitCoolDown + "}";
    return kind == Kind.NONE
        ? "RateLimit{none" + coolDown
        : "RateLimit{" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + requests + " per " + window + coolDown;
  }
}
