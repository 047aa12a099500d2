package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * A timeout ran out before HubSpot answered: the connect timeout, the read timeout, an attempt's
 * timeout or the whole call's deadline; the message says which. The update may have been applied
 * all the same: HubSpot may have received it before the answer was lost.
 */
public final class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  ApiTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
