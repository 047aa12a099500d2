package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * No complete answer came back: the connection was refused or reset, or the network failed.
 * The update may or may not have been applied; repeating it is safe, since it sets fields.
 */
public class ApiConnectionException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param cause the I/O failure
   */
  public ApiConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
