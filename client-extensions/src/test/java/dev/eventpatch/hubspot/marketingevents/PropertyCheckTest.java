package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.exception.UnappliedPropertiesException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom properties HubSpot drops or rewrites are reported, or fail the call in strict mode. */
class PropertyCheckTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private MarketingEventsClient client;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger("dev.eventpatch.hubspot.marketingevents");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @AfterEach
  void close() {
    log.removeHandler(capture);
    if (client != null) {
      client.close();
    }
  }

  private MarketingEventsClient client(PropertyCheck check) {
    log.addHandler(capture);
    client =
        MarketingEventsClient.builder()
            .accessToken("test-token-not-real")
            .baseUrl(server.url("/").toString())
            .rateLimit(RateLimit.none())
            .retryPolicy(RetryPolicy.none())
            .propertyCheck(check)
            .build();
    return client;
  }

  private static MarketingEventUpdate update() {
    return MarketingEventUpdate.builder()
        .customProperty(CustomProperty.number("seats", 120))
        .customProperty(CustomProperty.dateTime("opens", Instant.parse("2026-12-01T09:00:00Z")))
        .customProperty(CustomProperty.date("launch", LocalDate.of(2026, 12, 1)))
        .customProperty(CustomProperty.multiValue("tracks", List.of("a", "b")))
        .customProperty(CustomProperty.text("undefined_on_account", "lost"))
        .customProperty(CustomProperty.bool("paid", true))
        .build();
  }

  private static final String RETURNED =
      "[{\"name\":\"seats\",\"value\":\"120.0\"},"
          + "{\"name\":\"opens\",\"value\":\"2026-12-01T09:00:00.000Z\"},"
          + "{\"name\":\"launch\",\"value\":\"2026-12-01\"},"
          + "{\"name\":\"tracks\",\"value\":\"b;a\"},"
          + "{\"name\":\"paid\",\"value\":\"false\"}]";

  @Test
  void reportsMissingAndChangedPropertiesComparingValuesByType() {
    server.enqueue(Responses.eventWithProperties(RETURNED));

    UpdateResponse response =
        client(PropertyCheck.REPORT).updateWithResponse("e", "a", update(), RequestOptions.none());

    PropertyReport report = response.propertyReport();
    assertThat(report.allApplied()).isFalse();
    assertThat(report.missing()).containsExactly("undefined_on_account");
    assertThat(report.changed()).containsExactly("paid");
    assertThat(report.discrepancies().get(1).returnedValue()).contains("false");
  }

  @Test
  void reportModeLogsAWarningNamingThePropertiesAndReturnsNormally() {
    server.enqueue(Responses.eventWithProperties(RETURNED));

    MarketingEvent event = client(PropertyCheck.REPORT).update("e", "a", update());

    assertThat(event.id()).isNotBlank();
    assertThat(records)
        .anySatisfy(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.WARNING);
              assertThat(java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                  .contains("undefined_on_account")
                  .contains("paid");
            });
  }

  @Test
  void strictModeThrowsNamingThePropertiesAndCarriesTheEvent() {
    server.enqueue(Responses.eventWithProperties(RETURNED));

    assertThatThrownBy(() -> client(PropertyCheck.STRICT).update("e", "a", update()))
        .isInstanceOfSatisfying(
            UnappliedPropertiesException.class,
            e -> {
              assertThat(e.getMessage()).contains("undefined_on_account").contains("paid");
              assertThat(e.report().missing()).containsExactly("undefined_on_account");
              assertThat(e.response().event().id()).isEqualTo("58237132332");
            });
  }

  @Test
  void strictModePassesWhenEverythingCameBackAsSent() {
    server.enqueue(
        Responses.eventWithProperties(
            RETURNED.replace("]", ",{\"name\":\"undefined_on_account\",\"value\":\"lost\"}]")
                .replace("\"false\"", "\"true\"")));

    UpdateResponse response =
        client(PropertyCheck.STRICT).updateWithResponse("e", "a", update(), RequestOptions.none());

    assertThat(response.propertyReport().allApplied()).isTrue();
  }

  @Test
  void aClearedPropertyAbsentFromTheAnswerIsApplied() {
    server.enqueue(Responses.event());

    UpdateResponse response =
        client(PropertyCheck.STRICT)
            .updateWithResponse(
                "e", "a", MarketingEventUpdate.builder().customProperty(CustomProperty.clear("promo")).build(),
                RequestOptions.none());

    assertThat(response.propertyReport().allApplied()).isTrue();
  }

  @Test
  void offModeNeitherComparesNorLogs() {
    server.enqueue(Responses.event());

    UpdateResponse response =
        client(PropertyCheck.OFF).updateWithResponse("e", "a", update(), RequestOptions.none());

    assertThat(response.propertyReport().allApplied()).isTrue();
    assertThat(records).noneMatch(r -> r.getLevel() == Level.WARNING);
  }
}
