package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 409: the event was changed concurrently or is in a state that forbids the change. */
public class ConflictException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered
   * @param body what the error body said
   */
  public ConflictException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
