package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot (or a gateway in front of it) answered with a 5xx status. Retried by the default {@link dev.eventpatch.hubspot.marketingevents.RetryPolicy}; this exception means the retries ran out. The update may or may not have been applied. */
public final class ServerException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  ServerException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
