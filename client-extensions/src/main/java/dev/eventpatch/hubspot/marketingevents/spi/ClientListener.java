package dev.eventpatch.hubspot.marketingevents.spi;

import java.time.Duration;

/**
 * Hears what the client does, for metrics and tracing: every attempt and its outcome, retries,
 * waits for a rate-limit permit, 429s, the limit in force, and fallbacks of a shared limiter. All
 * methods do nothing by default; implement what you need.
 *
 * <p>Called on the thread doing the work, so implementations must be fast and thread-safe. What
 * a listener throws is logged at DEBUG and otherwise ignored: a listener never fails a call. No
 * method receives the token or property values.
 */
public interface ClientListener {

  /**
   * One attempt ended.
   *
   * @param operation the operation's name, such as {@code update}
   * @param apiVersion the API version of the path, such as {@code 2026-09} or {@code v3}
   * @param attempt the attempt's number, from 1
   * @param statusCode the answer's status, or 0 when no answer came (connection failure, timeout)
   * @param duration from sending to the end of the answer (or the failure)
   */
  default void attemptEnded(String operation, String apiVersion, int attempt, int statusCode, Duration duration) {}

  /**
   * A retry is scheduled.
   *
   * @param operation the operation's name
   * @param attempt the attempt that failed, from 1
   * @param delay how long the client waits before the next attempt
   * @param reason a short reason: a status such as {@code 503}, or {@code connection}
   */
  default void retryScheduled(String operation, int attempt, Duration delay, String reason) {}

  /**
   * A call waited for a rate-limit permit (only called when it did wait).
   *
   * @param waited how long
   */
  default void permitWaited(Duration waited) {}

  /**
   * HubSpot answered 429.
   *
   * @param policyName its {@code policyName}, or {@code UNKNOWN} when it named none
   */
  default void rateLimited(String policyName) {}

  /**
   * The limit in force changed (HubSpot's headers lowered or raised it), or was set at start.
   *
   * @param requests requests allowed per window
   * @param window the window
   */
  default void limitInForce(int requests, Duration window) {}

  /**
   * A shared limiter stopped using its shared store and fell back to a local one, or went back.
   *
   * @param limiter the limiter's name, such as {@code redis}
   * @param fallingBack true when falling back, false when the shared store is back
   */
  default void limiterFallback(String limiter, boolean fallingBack) {}
}
