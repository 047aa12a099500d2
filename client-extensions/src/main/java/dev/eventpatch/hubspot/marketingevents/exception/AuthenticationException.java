package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * HubSpot answered 401: the access token is missing, expired or invalid. Refresh it through your
 * OAuth flow (by expiry: HubSpot says a 401 is not a reliable refresh signal), or check the
 * private app's token.
 */
public final class AuthenticationException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
