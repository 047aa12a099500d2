package dev.eventpatch.hubspot.marketingevents.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RateLimiter} decided for one request: send it now, wait, or do not send it at
 * all because HubSpot's daily limit is reached. The client acts on the decision: it sends, waits
 * (never past the call's deadline) and asks again, or fails the call without sending.
 */
public sealed interface RateLimitDecision {

  /**
   * @param permit the permit to report back
   * @return send now
   */
  static RateLimitDecision granted(Permit permit) {
    return new Granted(permit);
  }

  /**
   * @param duration how long to wait before asking again; positive
   * @return wait, then ask again
   */
  static RateLimitDecision waitFor(Duration duration) {
    return new Wait(duration);
  }

  /**
   * @param retryAfter how long until the daily limit resets, as far as the limiter knows
   * @param correlationId the correlation id of the 429 that reported the limit, if known
   * @param policyName the 429's policy name, normally {@code DAILY}
   * @return do not send: the call fails at once with a daily-limit exception
   */
  static RateLimitDecision dailyLimitReached(Duration retryAfter, String correlationId, String policyName) {
    return new DailyLimitReached(retryAfter, Optional.ofNullable(correlationId), policyName);
  }

  /**
   * Send now.
   *
   * @param permit hand it back once the request has its outcome
   */
  record Granted(Permit permit) implements RateLimitDecision {
    /** Checks the permit. */
    public Granted {
      Objects.requireNonNull(permit, "permit == null");
    }
  }

  /**
   * Wait, then ask again.
   *
   * @param duration how long; positive
   */
  record Wait(Duration duration) implements RateLimitDecision {
    /** Checks the duration. */
    public Wait {
      Objects.requireNonNull(duration, "duration == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("a wait must be positive, got " + duration);
      }
    }
  }

  /**
   * HubSpot's daily limit is reached: nothing is sent until it resets.
   *
   * @param retryAfter how long until the reset, as far as the limiter knows
   * @param correlationId the correlation id of the 429 that reported it, if known
   * @param policyName the 429's policy name, normally {@code DAILY}
   */
  record DailyLimitReached(Duration retryAfter, Optional<String> correlationId, String policyName)
      implements RateLimitDecision {
    /** Checks the fields. */
    public DailyLimitReached {
      Objects.requireNonNull(retryAfter, "retryAfter == null");
      Objects.requireNonNull(correlationId, "correlationId == null");
      Objects.requireNonNull(policyName, "policyName == null");
    }
  }
}
