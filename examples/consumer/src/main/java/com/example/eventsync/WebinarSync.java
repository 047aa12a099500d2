package com.example.eventsync;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pushes the team's webinars to HubSpot's marketing events: name, seats left and launch date.
 *
 * <p>A webinar HubSpot does not know is reported and skipped; properties HubSpot dropped are
 * reported; a daily rate limit stops the run (the exception goes to the scheduler, which tries
 * again tomorrow); the client's own retries absorb the burst limit.
 */
public final class WebinarSync {
  static final String SEATS = "seats_left";
  static final String LAUNCH_DATE = "launch_date";

  private final MarketingEventsClient client;
  private final String externalAccountId;

  public WebinarSync(MarketingEventsClient client, String externalAccountId) {
    this.client = Objects.requireNonNull(client, "client == null");
    this.externalAccountId = Objects.requireNonNull(externalAccountId, "externalAccountId == null");
  }

  /**
   * @param webinars the webinars to push, in order
   * @return what was done
   * @throws dev.eventpatch.hubspot.marketingevents.exception.RateLimitException when HubSpot's
   *     daily limit is reached: the rest of the run would fail the same way
   */
  public SyncReport syncAll(List<Webinar> webinars) {
    List<String> updated = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Map<String, List<String>> dropped = new LinkedHashMap<>();
    for (Webinar w : webinars) {
      MarketingEventUpdate update = MarketingEventUpdate.builder()
          .eventName(w.title())
          .customProperty(CustomProperty.number(SEATS, w.seatsLeft()))
          .customProperty(CustomProperty.date(LAUNCH_DATE, w.launchDate()))
          .build();
      try {
        UpdateResponse response = client.updateWithResponse(w.id(), externalAccountId, update, RequestOptions.none());
        updated.add(w.id());
        List<String> missing = response.propertyReport().missing();
        if (!missing.isEmpty()) {
          dropped.put(w.id(), missing);
        }
      } catch (NotFoundException e) {
        unknown.add(w.id());
      }
    }
    return new SyncReport(updated, unknown, dropped);
  }
}
