package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * A connect, read or whole-call timeout ran out. The update may have been applied all the same:
 * HubSpot may have received it before the answer was lost.
 */
public class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which timeout ran out
   * @param cause the timeout
   */
  public ApiTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
