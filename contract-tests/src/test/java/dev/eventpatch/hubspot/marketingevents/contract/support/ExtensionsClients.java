package dev.eventpatch.hubspot.marketingevents.contract.support;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.DataSensitivity;
import dev.eventpatch.hubspot.marketingevents.EventType;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.PropertyCheck;
import dev.eventpatch.hubspot.marketingevents.PropertyMetadata;
import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RetryPolicy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The extensions client (the one users call) set up for a mock, and the updates the suites
 * send with it: one of every kind, and one custom property of every type.
 */
public final class ExtensionsClients {

  private ExtensionsClients() {}

  /**
   * A client of the mock at {@code baseUrl}: no retries and no client-side rate limit, so that
   * error examples come back at once and hundreds of calls are not paced; no comparison of the
   * custom properties sent with those returned, since a mock never returns what was sent.
   */
  public static MarketingEventsClient against(String baseUrl, String token) {
    return builder(baseUrl, token).build();
  }

  /**
   * @param baseUrl the mock's root
   * @param token the token to send
   * @return the builder {@link #against} builds from, for a test that changes one setting
   */
  public static MarketingEventsClient.Builder builder(String baseUrl, String token) {
    return MarketingEventsClient.builder()
        .baseUrl(baseUrl)
        .accessToken(token)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(RateLimit.none())
        .propertyCheck(PropertyCheck.OFF)
        .callTimeout(Duration.ofSeconds(30));
  }

  /** Every field of an update set, and custom properties with and without metadata. */
  public static MarketingEventUpdate fullUpdate() {
    return MarketingEventUpdate.builder()
        .eventName("Winter product webinar")
        .eventType(EventType.WEBINAR)
        .eventOrganizer("Acme Events")
        .eventUrl("https://events.acme.example/webinars/winter-2026")
        .eventDescription("A tour of what ships this winter, with questions at the end.")
        .startDateTime(Instant.parse("2026-12-01T16:00:00Z"))
        .endDateTime(Instant.parse("2026-12-01T17:30:00Z"))
        .eventCancelled(false)
        .eventCompleted(true)
        .customProperty(CustomProperty.number("seats_available", 120))
        .customProperty(
            CustomProperty.date("launch_date", LocalDate.of(2026, 12, 1))
                .withMetadata(fullMetadata()))
        .customProperty(CustomProperty.multiValue("tracks", List.of("product", "engineering")))
        .build();
  }

  /** The smallest update: a new name; {@code customProperties} goes out empty. */
  public static MarketingEventUpdate minimalUpdate() {
    return MarketingEventUpdate.builder().eventName("Winter product webinar (rescheduled)").build();
  }

  /** Every field of a property value's metadata, all valid for the spec. */
  public static PropertyMetadata fullMetadata() {
    return PropertyMetadata.builder()
        .timestamp(1_796_119_200_000L)
        .sourceId("acme-sync")
        .sourceLabel("Acme sync job")
        .source("INTEGRATION")
        .sourceUpstreamDeployable("marketing-events-sync")
        .selectedByUser(false)
        .selectedByUserTimestamp(0L)
        // Prism, being JavaScript, rejects int64 values above 2^53 - 1.
        .sourceVid(List.of(4_503_599_627_370_496L))
        .sourceMetadata("{\"job\":\"sync\"}".getBytes(StandardCharsets.UTF_8))
        .requestId("6b1c9e0a-2f4d-4e8b-a3c7-51d0e9f2b684")
        .updatedByUserId(4_417_209)
        .persistenceTimestamp(1_796_119_200_000L)
        .useTimestampAsPersistenceTimestamp(true)
        .encrypted(false)
        .largeValue(false)
        .dataSensitivity(DataSensitivity.STANDARD)
        .unit("days")
        .build();
  }

  /** One custom property of every type the client offers, each with a telling name. */
  public static List<CustomProperty> oneOfEachType() {
    return List.of(
        CustomProperty.text("venue_name", "Acme Events Berlin"),
        CustomProperty.number("seats_available", 120L),
        CustomProperty.number("ticket_price", new BigDecimal("19.99")),
        CustomProperty.number("conversion_rate", 0.25d),
        CustomProperty.bool("recording_available", true),
        CustomProperty.date("launch_date", LocalDate.of(2026, 12, 1)),
        CustomProperty.dateTime("doors_open", Instant.parse("2026-12-01T15:30:00Z")),
        CustomProperty.multiValue("tracks", List.of("product", "engineering", "design")),
        CustomProperty.clear("promo_code"),
        CustomProperty.raw("legacy_code", "LEGACY-7"));
  }
}
