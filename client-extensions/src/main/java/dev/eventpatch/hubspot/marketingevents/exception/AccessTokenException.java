package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * The {@link dev.eventpatch.hubspot.marketingevents.AccessTokenProvider} failed or gave no
 * usable token; nothing was sent. The message names the provider's exception type, never a
 * token; the provider's exception is the cause.
 */
public final class AccessTokenException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  AccessTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
