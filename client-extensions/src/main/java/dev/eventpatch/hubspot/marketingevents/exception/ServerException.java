package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 5xx: HubSpot, or a gateway in front of it, failed. Retried by the default policy; thrown once retries are spent. */
public class ServerException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered
   * @param body what the error body said
   */
  public ServerException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
