package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 404: no event with these external ids exists for this app and account. HubSpot answers this too when the event was created by another app. */
public class NotFoundException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered
   * @param body what the error body said
   */
  public NotFoundException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
