package dev.eventpatch.hubspot.marketingevents.exception;

import java.time.Duration;

/**
 * The client's own rate limiter held the call until its deadline: nothing was sent, and HubSpot
 * never answered. Raise the call's deadline, lower the load, or share the app's budget between
 * processes (a shared limiter) so that each gets its turn.
 */
public final class RateLimitWaitTimeoutException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  private final Duration waited;

  RateLimitWaitTimeoutException(Duration waited, Duration deadline) {
    super("the client-side rate limit held the call for " + waited.toMillis() + " ms, up to its deadline of "
        + deadline.toMillis() + " ms; nothing was sent", null);
    this.waited = waited;
  }

  /** @return how long the call waited for a permit before giving up */
  public Duration waited() {
    return waited;
  }
}
