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
  V3("v3", (api, eventId, accountId, body) -> api.updateEventByExternalIds(eventId, accountId, body)),
  /** March 2026: {@code /marketing/marketing-events/2026-03/events/{externalEventId}}. */
  V2026_03("2026-03", (api, eventId, accountId, body) -> api.updateEventByExternalIds202603(eventId, accountId, body)),
  /** September 2026, the current version: {@code /marketing/marketing-events/2026-09/events/{externalEventId}}. */
  V2026_09("2026-09", (api, eventId, accountId, body) -> api.updateEventByExternalIds202609(eventId, accountId, body));

  /** The version a client calls unless told otherwise: the newest generally available one. */
  public static final ApiVersion DEFAULT = V2026_09;

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

  /**
   * @param label a version as HubSpot writes it, such as {@code 2026-09} or {@code v3}
   * @return the version
   * @throws IllegalArgumentException if the client does not know it, naming the ones it knows
   */
  public static ApiVersion of(String label) {
    for (ApiVersion version : values()) {
      if (version.label.equalsIgnoreCase(label.strip())) {
        return version;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ApiVersion version : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(version.label);
    }
    throw new IllegalArgumentException("unknown API version '" + label + "'; this client knows " + known);
  }

  /** @return the version as HubSpot writes it, such as {@code 2026-09} or {@code v3} */
  @Override
  public String toString() {
    return label;
  }
}
