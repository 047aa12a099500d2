package dev.eventpatch.hubspot.marketingevents.contract.extensions;

import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_ACCOUNT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.StoredProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.contract.junit.Prism;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMode;
import dev.eventpatch.hubspot.marketingevents.contract.support.ExtensionsClients;
import dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi;
import dev.eventpatch.hubspot.marketingevents.contract.support.SlViolations;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Suite 3, forward compatibility: a Prism started with {@code -d} answers random data that fits
 * the spec's schemas (optional fields present or not, arbitrary strings, dates and numbers,
 * every enumeration value), and each of those answers must parse through the extensions client.
 * What HubSpot may legitimately send, the client must read.
 *
 * <p>The number of calls is fixed, so the suite's time is bounded (a few seconds); failures are
 * collected and reported together, each with the body that did not parse.
 */
@ExtendWith(PrismExtension.class)
class ForwardCompatibilityIT {

  /** At least 200 random answers, as the contract-tests issue asks. */
  static final int CALLS = 250;

  static final int ERROR_CALLS_PER_STATUS = 25;

  @Test
  void randomAnswersThatFitTheSchemaAllParse(@Prism(PrismMode.DYNAMIC) PrismMock prism) {
    List<MarketingEventUpdate> updates = updates();
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    int withCustomProperties = 0;
    try (MarketingEventsClient client =
        ExtensionsClients.against(prism.baseUrl(), GeneratedApi.TOKEN)) {
      for (int i = 0; i < CALLS; i++) {
        MarketingEventUpdate update = updates.get(i % updates.size());
        UpdateResponse response;
        try {
          response =
              client.updateWithResponse(
                  EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update, RequestOptions.none());
        } catch (MarketingEventsException e) {
          failures.add("call " + i + ": " + e);
          continue;
        }
        if (response.statusCode() != 200 || response.header(SlViolations.HEADER).isPresent()) {
          failures.add(
              "call " + i + ": status " + response.statusCode() + ", violations "
                  + response.header(SlViolations.HEADER).orElse("none"));
          continue;
        }
        String problem = readEverything(response);
        if (problem != null) {
          failures.add("call " + i + ": " + problem + " in " + response.body());
          continue;
        }
        parsed++;
        if (response.event().customProperties().size() > 0) {
          withCustomProperties++;
        }
      }
    }

    assertThat(failures).as("random answers the client could not read (%s)", prism).isEmpty();
    assertThat(parsed).as("answers parsed of the %d sent", CALLS).isEqualTo(CALLS);
    // Random data that never had a custom property would prove little about reading them.
    assertThat(withCustomProperties).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 401, 403, 404, 429, 500})
  void randomErrorAnswersBecomeTypedExceptionsCarryingTheirIds(
      int status, @Prism(PrismMode.DYNAMIC) PrismMock prism) {
    RequestOptions prefer = RequestOptions.builder().header("Prefer", "code=" + status).build();
    List<String> failures = new ArrayList<>();
    int typed = 0;
    try (MarketingEventsClient client =
        ExtensionsClients.against(prism.baseUrl(), GeneratedApi.TOKEN)) {
      for (int i = 0; i < ERROR_CALLS_PER_STATUS; i++) {
        try {
          client.updateWithResponse(
              EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.minimalUpdate(), prefer);
          failures.add("call " + i + ": no exception");
        } catch (HubSpotApiException e) {
          if (e.statusCode() != status) {
            failures.add("call " + i + ": status " + e.statusCode());
          } else if (e.correlationId().isEmpty()) {
            failures.add("call " + i + ": no correlationId in " + e);
          } else if (status == 429
              ? !(e instanceof RateLimitException) || e.errorType().isEmpty()
              : e.category().isEmpty() || e.hubSpotMessage().isEmpty()) {
            failures.add("call " + i + ": required fields missing in " + e);
          } else {
            typed++;
          }
        } catch (MarketingEventsException e) {
          failures.add("call " + i + ": " + e);
        }
      }
    }

    assertThat(failures).as("random %d answers (%s)", status, prism).isEmpty();
    assertThat(typed).isEqualTo(ERROR_CALLS_PER_STATUS);
  }

  /** Reads every field through the public API, as a caller would; null when all went well. */
  private static String readEverything(UpdateResponse response) {
    MarketingEvent event = response.event();
    try {
      assertThat(event.id()).isNotNull();
      assertThat(event.createdAt()).isNotNull();
      assertThat(event.updatedAt()).isNotNull();
      assertThat(event.eventName()).isNotNull();
      assertThat(event.eventOrganizer()).isNotNull();
      event.objectId();
      event.eventType();
      event.eventUrl();
      event.eventDescription();
      event.startDateTime();
      event.endDateTime();
      event.eventCancelled();
      event.eventCompleted();
      for (StoredProperty property : event.customProperties().all()) {
        assertThat(property.name()).isNotBlank();
        assertThat(property.value()).isNotNull();
        property.metadata().toString();
        property.metadata().dataSensitivity();
        property.metadata().sourceVid();
      }
      response.rateLimit();
      response.propertyReport();
      JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
      assertThat(body.get("id").getAsString()).isEqualTo(event.id());
      event.toString();
      return null;
    } catch (AssertionError | RuntimeException e) {
      return e.toString();
    }
  }

  private static List<MarketingEventUpdate> updates() {
    List<MarketingEventUpdate> updates = new ArrayList<>();
    updates.add(ExtensionsClients.fullUpdate());
    updates.add(ExtensionsClients.minimalUpdate());
    MarketingEventUpdate.Builder each = MarketingEventUpdate.builder();
    ExtensionsClients.oneOfEachType().forEach(each::customProperty);
    updates.add(each.build());
    return updates;
  }
}
