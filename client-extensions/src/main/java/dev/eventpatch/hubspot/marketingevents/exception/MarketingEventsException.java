package dev.eventpatch.hubspot.marketingevents.exception;

/** Base of every exception the client throws for a failed call. Unchecked. */
public class MarketingEventsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong; never contains the access token
   * @param cause the underlying failure, or {@code null}
   */
  public MarketingEventsException(String message, Throwable cause) {
    super(message, cause);
  }
}
