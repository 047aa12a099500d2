package dev.eventpatch.hubspot.marketingevents.exception;

import dev.eventpatch.hubspot.marketingevents.internal.Errors;

/**
 * The base of every exception the client throws for a call that failed; unchecked. The
 * subclasses are closed: a {@code catch} of each, or a check with {@code instanceof}, covers every
 * case. None can be built outside the client, so that what a caller catches always comes from a
 * real call.
 */
public abstract sealed class MarketingEventsException extends RuntimeException
    permits HubSpotApiException,
        ApiConnectionException,
        DecodingException,
        PropertyValueFormatException,
        UnappliedPropertiesException,
        RateLimitWaitTimeoutException,
        AccessTokenException {
  private static final long serialVersionUID = 1L;

  static {
    // Hands the package-private constructors to the client's internals, and to nobody else.
    Errors.install(new Factory());
  }

  MarketingEventsException(String message, Throwable cause) {
    super(message, cause);
  }
}
