package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 400 or 422: the request broke a rule of the API, such as an end before the start. Fix the request; retrying it unchanged fails again. */
public class ValidationException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered
   * @param body what the error body said
   */
  public ValidationException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
