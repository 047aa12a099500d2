package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.internal.UpdateRoute;

/**
 * The version of HubSpot's API the client calls. HubSpot publishes a dated version every March
 * and September, supported for 18 months; the numbered {@code v3} path is legacy. Each version
 * serves the same update at its own path; the client sends the same request to any of them.
 *
 * <p>The default is the newest dated version generally available when this release was cut.
 */
public enum ApiVersion {
  /** The legacy path {@code /marketing/v3/marketing-events/events/{externalEventId}}. */
  V3("v3", (api, eventId, accountId, body) -> api.updateEventByExternalIds(eventId, accountId, body));

  /** The version a client calls unless told otherwise. */
  public static final ApiVersion DEFAULT = V3;

  private final String label;
  private final transient UpdateRoute update;

  ApiVersion(String label, UpdateRoute update) {
    this.label = label;
    this.update = update;
  }

  /** The generated method that sends an update at this version's path. */
  UpdateRoute updateRoute() {
    return update;
  }

  /** @return the version as HubSpot writes it, such as {@code 2026-09} or {@code v3} */
  @Override
  public String toString() {
    return label;
  }
}
