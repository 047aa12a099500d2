package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.DataSensitivity;
import dev.eventpatch.hubspot.marketingevents.EventType;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.PropertyMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The update every contender sends: every field set, and a given number of custom properties. */
public final class Fixtures {
  /** The path's external event id. */
  public static final String EVENT_ID = "webinar-2026-12-01";
  /** The query's external account id. */
  public static final String ACCOUNT_ID = "acme-events-4821";
  /** A made-up private-app token: the local servers do not check it. */
  public static final String TOKEN = "benchmark-token-not-a-real-one";

  private static final PropertyMetadata METADATA =
      PropertyMetadata.builder()
          .timestamp(1764412917903L)
          .sourceId("acme-sync")
          .sourceLabel("Acme sync job")
          .source("INTEGRATION")
          .dataSensitivity(DataSensitivity.NONE)
          .build();

  private Fixtures() {}

  /**
   * @param customProperties how many custom properties to set: a mix of every kind, every fifth
   *     one with metadata
   * @return the update
   */
  public static MarketingEventUpdate update(int customProperties) {
    MarketingEventUpdate.Builder b =
        MarketingEventUpdate.builder()
            .eventName("Winter product webinar")
            .eventType(EventType.WEBINAR)
            .eventOrganizer("Acme Events")
            .eventUrl("https://events.acme.example/webinars/winter-2026")
            .eventDescription("A tour of what ships this winter, with questions at the end.")
            .startDateTime(Instant.parse("2026-12-01T16:00:00Z"))
            .endDateTime(Instant.parse("2026-12-01T17:30:45.250Z"))
            .eventCancelled(false)
            .eventCompleted(false);
    for (int i = 0; i < customProperties; i++) {
      CustomProperty p;
      switch (i % 6) {
        case 0:
          p = CustomProperty.number("seats_available_" + i, 120 + i);
          break;
        case 1:
          p = CustomProperty.text("session_title_" + i, "Session " + i + ": \"what ships\" this winter");
          break;
        case 2:
          p = CustomProperty.bool("recorded_" + i, i % 4 == 0);
          break;
        case 3:
          p = CustomProperty.date("launch_date_" + i, LocalDate.of(2026, 12, 1));
          break;
        case 4:
          p = CustomProperty.dateTime("doors_open_" + i, Instant.parse("2026-12-01T15:30:00Z"));
          break;
        default:
          p = CustomProperty.multiValue("tracks_" + i, List.of("product", "engineering"));
          break;
      }
      if (i % 5 == 4) {
        p = p.withMetadata(METADATA);
      }
      b.customProperty(p);
    }
    return b.build();
  }
}
