package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 400 (or 422): the request broke a rule of HubSpot's, such as a custom property's format. The message and {@link #errors()} say which. Retrying the same request will fail again. */
public final class ValidationException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  ValidationException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
