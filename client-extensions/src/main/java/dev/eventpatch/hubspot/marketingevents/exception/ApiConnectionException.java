package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * No answer came back from HubSpot: the connection could not be opened, or it failed while the
 * request or answer travelled. The update may have been applied all the same, when the request
 * reached HubSpot before the answer was lost.
 */
public sealed class ApiConnectionException extends MarketingEventsException permits ApiTimeoutException {
  private static final long serialVersionUID = 1L;

  ApiConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
