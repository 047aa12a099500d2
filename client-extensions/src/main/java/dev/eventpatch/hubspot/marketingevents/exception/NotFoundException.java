package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 404: no event with these external ids exists for this app, or the path is wrong. */
public final class NotFoundException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
