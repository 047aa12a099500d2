package dev.eventpatch.hubspot.marketingevents.spi;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides when a request may be sent, and learns from HubSpot's answers. One limiter serves one
 * client, from any number of threads at once; the client {@linkplain #close() closes} it when the
 * client is closed.
 *
 * <p>The client asks {@link #acquire} before every attempt and acts on the {@link
 * RateLimitDecision}: it sends, or waits and asks again, or fails the call without sending. It
 * then reports the attempt's outcome with exactly one of {@link #onAnswer}, {@link
 * #onRateLimited} or {@link #onNoAnswer}. Implementations never block for long (a remote store
 * must bound its calls by {@code timeLeft} and a timeout of its own), never sleep on the caller's
 * behalf, and never throw the client's exceptions: the client builds those.
 *
 * <p>The default is {@link #inProcess(RateLimit)}; {@code marketing-events-ratelimit-redis}
 * shares one budget between every process of an app.
 */
public interface RateLimiter extends AutoCloseable {

  /**
   * Decides whether one request may go out now.
   *
   * @param timeLeft what is left of the call's deadline; a limiter that calls a remote store
   *     bounds the call by it
   * @return the decision; never null
   */
  RateLimitDecision acquire(Duration timeLeft);

  /**
   * The request of a permit got an answer other than 429.
   *
   * @param permit what {@link #acquire} granted
   * @param statusCode the answer's status
   * @param headers what the answer's rate-limit headers said; often empty
   */
  void onAnswer(Permit permit, int statusCode, RateLimitStatus headers);

  /**
   * The request of a permit was answered 429.
   *
   * @param permit what {@link #acquire} granted
   * @param policyName HubSpot's {@code policyName} ({@code TEN_SECONDLY_ROLLING}, {@code
   *     SECONDLY}, {@code DAILY}), empty when the answer named none
   * @param retryAfter the answer's {@code Retry-After}, empty when absent
   * @param correlationId the answer's correlation id, empty when absent
   * @param headers what the answer's rate-limit headers said; often empty
   */
  void onRateLimited(
      Permit permit,
      Optional<String> policyName,
      Optional<Duration> retryAfter,
      Optional<String> correlationId,
      RateLimitStatus headers);

  /**
   * The request of a permit got no answer: the connection failed, it timed out, or the call was
   * cancelled. HubSpot may or may not have counted it.
   *
   * @param permit what {@link #acquire} granted
   */
  void onNoAnswer(Permit permit);

  /**
   * The limit in force now, for metrics: the configured one, or what HubSpot's headers lowered
   * it to. Empty when the limiter has none (no limit at all).
   *
   * @return the limit in force
   */
  default Optional<RateLimit> limitInForce() {
    return Optional.empty();
  }

  /** Releases what the limiter holds (connections, threads). Idempotent; never throws. */
  @Override
  default void close() {}

  /**
   * The in-process limiter the client uses by default: a rolling window shared by every thread of
   * one client, following {@code limit}'s rules for HubSpot's headers.
   *
   * @param limit the limit; {@link RateLimit#none()} gives a limiter that always grants
   * @return a new limiter, for one client
   */
  static RateLimiter inProcess(RateLimit limit) {
    return dev.eventpatch.hubspot.marketingevents.internal.Limiters.inProcess(limit);
  }
}
