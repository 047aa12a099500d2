package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;

/** Builds the in-process limiters behind {@link RateLimiter#inProcess}. */
public final class Limiters {
  private static final ClientListener SILENT = new ClientListener() {};

  private Limiters() {}

  /**
   * @param limit the limit
   * @return a new limiter for one client
   */
  public static RateLimiter inProcess(RateLimit limit) {
    return inProcess(limit, SILENT);
  }

  /**
   * @param limit the limit
   * @param listener hears the limit in force at start and whenever HubSpot's headers change it
   * @return a new limiter for one client, on the JVM's monotonic clock
   */
  public static RateLimiter inProcess(RateLimit limit, ClientListener listener) {
    return new InProcessRateLimiter(limit, listener, Ticker.SYSTEM);
  }

  /**
   * @param limit the limit
   * @param listener hears the limit in force
   * @param nanoTime the monotonic clock: the client's, so that tests on virtual time move both
   * @return a new limiter for one client
   */
  public static RateLimiter inProcess(RateLimit limit, ClientListener listener, java.util.function.LongSupplier nanoTime) {
    return new InProcessRateLimiter(limit, listener, nanoTime::getAsLong);
  }
}
