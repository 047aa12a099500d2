package dev.eventpatch.hubspot.marketingevents;

/** What the client does when HubSpot did not apply custom properties as sent. */
public enum PropertyCheck {
  /**
   * Logs a warning naming them and returns normally; {@link UpdateResponse#propertyReport()}
   * lists them. The default.
   */
  REPORT,
  /**
   * Throws {@link dev.eventpatch.hubspot.marketingevents.exception.UnappliedPropertiesException}
   * naming them. The other fields of the update were applied all the same.
   */
  STRICT,
  /** Neither compares nor logs; for callers who send properties they know HubSpot rewrites. */
  OFF
}
