package dev.eventpatch.hubspot.marketingevents.exception;

import dev.eventpatch.hubspot.marketingevents.PropertyReport;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;

/**
 * In {@link dev.eventpatch.hubspot.marketingevents.PropertyCheck#STRICT} mode: HubSpot accepted
 * the update but did not apply some custom properties as sent, most often because they are not
 * defined on the account's MarketingEvent object. The rest of the update was applied; {@link
 * #response()} holds the event as HubSpot returned it.
 */
public final class UnappliedPropertiesException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  private final transient UpdateResponse response;

  UnappliedPropertiesException(UpdateResponse response) {
    super(describe(response.propertyReport()), null);
    this.response = response;
  }

  private static String describe(PropertyReport report) {
    return "HubSpot did not apply these custom properties as sent (are they defined on the"
        + " account's MarketingEvent object?): " + report.discrepancies();
  }

  /** @return the answer, with the event and the full report */
  public UpdateResponse response() {
    return response;
  }

  /** @return the report naming each property not applied as sent */
  public PropertyReport report() {
    return response.propertyReport();
  }
}
