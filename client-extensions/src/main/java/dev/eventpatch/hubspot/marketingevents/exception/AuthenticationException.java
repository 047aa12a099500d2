package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 401: the access token is missing, expired or invalid. Refresh it through your OAuth flow, or check the private app's token. */
public class AuthenticationException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered
   * @param body what the error body said
   */
  public AuthenticationException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
