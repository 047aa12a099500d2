package com.example.eventsync;

import java.util.List;
import java.util.Map;

/** What one sync run did: webinars pushed, webinars HubSpot does not know, properties it dropped. */
public final class SyncReport {
  private final List<String> updated;
  private final List<String> unknownToHubSpot;
  private final Map<String, List<String>> droppedProperties;

  SyncReport(List<String> updated, List<String> unknownToHubSpot, Map<String, List<String>> droppedProperties) {
    this.updated = List.copyOf(updated);
    this.unknownToHubSpot = List.copyOf(unknownToHubSpot);
    this.droppedProperties = Map.copyOf(droppedProperties);
  }

  /** @return ids of the webinars whose event was updated */
  public List<String> updated() {
    return updated;
  }

  /** @return ids of the webinars HubSpot has no event for (to be created by the onboarding job) */
  public List<String> unknownToHubSpot() {
    return unknownToHubSpot;
  }

  /** @return per webinar id, the properties HubSpot did not apply (not defined in the portal) */
  public Map<String, List<String>> droppedProperties() {
    return droppedProperties;
  }
}
