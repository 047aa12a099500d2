package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-side rate limit: at most {@link #requests()} requests in any rolling {@link
 * #window()}, shared by every thread using one client, so that a busy client waits instead of
 * collecting 429 answers (HubSpot asks that errors stay under 5% of an app's requests).
 *
 * <p>HubSpot's limits depend on the app and the account: roughly 100 to 190 requests per 10 s
 * for private apps, 110 per 10 s per account for OAuth apps; treat them as configuration. When
 * {@link #adaptive()}, the limiter also follows the {@code X-HubSpot-RateLimit-Max}, {@code
 * -Interval-Milliseconds} and {@code -Remaining} headers HubSpot sends, which account for other
 * clients sharing the same limit, and holds every thread back after a 429 for as long as its
 * {@code Retry-After} says. Immutable.
 */
public final class RateLimit {
  private static final RateLimit NONE = new RateLimit(0, Duration.ZERO, false);

  private final int requests;
  private final Duration window;
  private final boolean adaptive;

  private RateLimit(int requests, Duration window, boolean adaptive) {
    this.requests = requests;
    this.window = window;
    this.adaptive = adaptive;
  }

  /**
   * An adaptive limit.
   *
   * @param requests requests allowed in any rolling window
   * @param window the window's length
   * @return the limit
   * @throws IllegalArgumentException if requests is below 1 or the window is not positive
   */
  public static RateLimit of(int requests, Duration window) {
    Objects.requireNonNull(window, "window == null");
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, got " + requests);
    }
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    return new RateLimit(requests, window, true);
  }

  /** @return 100 requests per 10 s, adaptive: the lowest private-app tier, the default */
  public static RateLimit privateAppDefault() {
    return of(100, Duration.ofSeconds(10));
  }

  /** @return 110 requests per 10 s, adaptive: HubSpot's limit per account for OAuth apps */
  public static RateLimit oauthApp() {
    return of(110, Duration.ofSeconds(10));
  }

  /** @return no client-side limit: requests go out at once, and 429s are left to retries */
  public static RateLimit none() {
    return NONE;
  }

  /**
   * @param adaptive whether to follow HubSpot's rate-limit headers
   * @return a copy with that setting
   */
  public RateLimit withAdaptive(boolean adaptive) {
    if (isNone()) {
      throw new IllegalStateException("RateLimit.none() has nothing to adapt");
    }
    return new RateLimit(requests, window, adaptive);
  }

  /** @return requests allowed in any rolling window; 0 for no limit */
  public int requests() {
    return requests;
  }

  /** @return the window's length */
  public Duration window() {
    return window;
  }

  /** @return whether the limiter follows HubSpot's rate-limit headers */
  public boolean adaptive() {
    return adaptive;
  }

  /** @return whether this is no limit at all */
  public boolean isNone() {
    return requests == 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RateLimit)) {
      return false;
    }
    RateLimit that = (RateLimit) o;
    return requests == that.requests && window.equals(that.window) && adaptive == that.adaptive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(requests, window, adaptive);
  }

  @Override
  public String toString() {
    return isNone()
        ? "RateLimit{none}"
        : "RateLimit{" + requests + " per " + window + (adaptive ? ", adaptive}" : "}");
  }
}
