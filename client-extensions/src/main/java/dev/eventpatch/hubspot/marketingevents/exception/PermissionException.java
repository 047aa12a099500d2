package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 403: the token lacks a required scope (`crm.objects.marketing_events.write`) or access to this event. */
public class PermissionException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered
   * @param body what the error body said
   */
  public PermissionException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
