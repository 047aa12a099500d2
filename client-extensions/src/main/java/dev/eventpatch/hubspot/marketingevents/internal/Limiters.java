package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;

/** Builds the in-process limiters behind {@link RateLimiter#inProcess}. */
public final class Limiters {
  private Limiters() {}

  /**
   * @param limit the limit
   * @return a new limiter for one client
   */
  public static RateLimiter inProcess(RateLimit limit) {
    // Replaced by the in-process limiter of the "correctness under stress" work, on its branch.
    throw new UnsupportedOperationException("not yet built: " + limit);
  }
}
