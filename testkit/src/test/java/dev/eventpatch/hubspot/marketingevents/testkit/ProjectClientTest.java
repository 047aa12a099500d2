package dev.eventpatch.hubspot.marketingevents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.exception.PermissionException;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project's own client, pointed at the fake, works unchanged. */
class ProjectClientTest {
  private HubSpotFake fake;
  private MarketingEventsClient client;

  @BeforeEach
  void start() {
    fake = HubSpotFake.start();
    fake.givenEvent("acct", "evt");
    client = MarketingEventsClient.builder().accessToken(Http.TOKEN).baseUrl(fake.baseUrl()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void updatesAnEventWithTypedPropertiesAndTheSpecAcceptsWhatTheClientSends() {
    fake.defineProperty("seats", PropertyKind.NUMBER);
    fake.defineProperty("launch_date", PropertyKind.DATE);
    fake.defineProperty("starts", PropertyKind.DATETIME);

    MarketingEvent event = client.update("evt", "acct", MarketingEventUpdate.builder()
        .eventName("Renamed")
        .customProperty(CustomProperty.number("seats", 120))
        .customProperty(CustomProperty.date("launch_date", LocalDate.of(2026, 12, 1)))
        .customProperty(CustomProperty.dateTime("starts", Instant.parse("2026-12-01T16:00:00Z")))
        .build());

    assertThat(event.eventName()).isEqualTo("Renamed");
    assertThat(fake.property("acct", "evt", "seats")).contains("120");
    assertThat(fake.property("acct", "evt", "starts")).contains("2026-12-01T16:00:00Z");
    assertThat(fake.requests()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(200);
      // The client's default version, which the pinned spec declares without masked values.
      assertThat(r.apiVersion()).contains("2026-09");
    });
  }

  @Test
  void aDroppedPropertyShowsInTheClientsReport() {
    UpdateResponse response = client.updateWithResponse("evt", "acct", MarketingEventUpdate.builder()
        .customProperty(CustomProperty.text("not_defined", "x")).build(), RequestOptions.none());

    assertThat(response.propertyReport().missing()).containsExactly("not_defined");
  }

  @Test
  void theClientMapsTheFakesErrorsToItsExceptions() {
    fake.defineProperty("launch_date", PropertyKind.DATE);

    assertThatThrownBy(() -> client.update("unknown", "acct", MarketingEventUpdate.builder().eventName("x").build()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.update("evt", "acct", MarketingEventUpdate.builder()
            .customProperty(CustomProperty.text("launch_date", "1430438400001")).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("midnight UTC");
    fake.tokenWithoutScope(Http.TOKEN);
    assertThatThrownBy(() -> client.update("evt", "acct", MarketingEventUpdate.builder().eventName("x").build()))
        .isInstanceOf(PermissionException.class);
  }
}
