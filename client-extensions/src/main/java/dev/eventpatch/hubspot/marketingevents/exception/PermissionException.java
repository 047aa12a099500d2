package dev.eventpatch.hubspot.marketingevents.exception;

/** HubSpot answered 403: the token lacks the scope {@code crm.objects.marketing_events.write}, or the event belongs to another app (only events created by the same app can be updated). */
public final class PermissionException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  PermissionException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }
}
