package dev.eventpatch.hubspot.marketingevents.contract.extensions;

import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_ACCOUNT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.support.ExtensionsClients;
import dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi;
import dev.eventpatch.hubspot.marketingevents.contract.support.SlViolations;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Suite 2, accepted requests: whatever the extensions client sends for any update it can build
 * (every field, the least it can send, each type of custom property, full metadata) is accepted
 * by a Prism mock of the spec, started with {@code --errors}, without a single violation.
 *
 * <p>"Accepted" is a 200 with no {@code sl-violations} header: with {@code --errors} Prism
 * answers any request that breaks the spec with 400 and lists what it broke in that header. The
 * answer itself is the spec's canned example whatever was sent, so these tests check that it
 * parses, not that it reflects the update.
 */
@ExtendWith(PrismExtension.class)
class ExtensionsClientIT {

  @Test
  void fullUpdateWithEveryFieldIsAcceptedWithoutViolations(PrismMock prism) {
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response = send(client, ExtensionsClients.fullUpdate());

      assertAcceptedWithoutViolations(response, prism);
      // The static Prism answers the spec's 200 example.
      assertThat(response.event().id()).isEqualTo("58237132332");
      assertThat(response.event().updatedAt().toInstant())
          .isEqualTo(Instant.parse("2026-11-29T10:41:57.903Z"));
      assertThat(response.event().customProperties().getLong("seats_available")).contains(120L);
      assertThat(response.event().customProperties().getMultiValue("tracks"))
          .containsExactly("product", "engineering");
      assertThat(response.correlationId()).isPresent();
    }
  }

  @Test
  void minimalUpdateIsAcceptedWithoutViolations(PrismMock prism) {
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response = send(client, ExtensionsClients.minimalUpdate());

      assertAcceptedWithoutViolations(response, prism);
      assertThat(response.event().eventName()).isNotBlank();
    }
  }

  @Test
  void emptyUpdateAllowedExplicitlyIsAcceptedWithoutViolations(PrismMock prism) {
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response = send(client, MarketingEventUpdate.builder().allowEmpty().build());

      assertAcceptedWithoutViolations(response, prism);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneCustomPropertyOfEachType")
  void customPropertyOfEachTypeIsAcceptedWithoutViolations(
      String type, CustomProperty property, PrismMock prism) {
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response =
          send(client, MarketingEventUpdate.builder().customProperty(property).build());

      assertAcceptedWithoutViolations(response, prism);
    }
  }

  @Test
  void everyTypeTogetherWithFullMetadataOnEachIsAcceptedWithoutViolations(PrismMock prism) {
    MarketingEventUpdate.Builder update = MarketingEventUpdate.builder();
    ExtensionsClients.oneOfEachType()
        .forEach(p -> update.customProperty(p.withMetadata(ExtensionsClients.fullMetadata())));
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response = send(client, update.build());

      assertAcceptedWithoutViolations(response, prism);
    }
  }

  @Test
  void asynchronousUpdateIsAcceptedWithoutViolations(PrismMock prism) throws Exception {
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response;
      try {
        response =
            client
                .updateWithResponseAsync(
                    EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.fullUpdate(),
                    RequestOptions.none())
                .get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ValidationException) {
          throw rejectedByPrism((ValidationException) e.getCause());
        }
        throw e;
      }

      assertAcceptedWithoutViolations(response, prism);
    }
  }

  @Test
  void idThatNeedsPercentEncodingIsAcceptedWithoutViolations(PrismMock prism) {
    try (MarketingEventsClient client = client(prism)) {
      UpdateResponse response;
      try {
        response =
            client.updateWithResponse(
                "webinar 2026/12?01#ü", "acme events%4821", ExtensionsClients.minimalUpdate(),
                RequestOptions.none());
      } catch (ValidationException rejected) {
        throw rejectedByPrism(rejected);
      }

      assertAcceptedWithoutViolations(response, prism);
    }
  }

  static Stream<Arguments> oneCustomPropertyOfEachType() {
    return Stream.concat(
        ExtensionsClients.oneOfEachType().stream()
            .map(p -> Arguments.of(describe(p), p)),
        Stream.of(
            Arguments.of(
                "date with full metadata",
                CustomProperty.date("launch_date", java.time.LocalDate.of(2026, 12, 1))
                    .withMetadata(ExtensionsClients.fullMetadata()))));
  }

  private static String describe(CustomProperty property) {
    return property.type() + " " + property.name() + "=\"" + property.value() + "\"";
  }

  private static MarketingEventsClient client(PrismMock prism) {
    return ExtensionsClients.against(prism.baseUrl(), GeneratedApi.TOKEN);
  }

  private static UpdateResponse send(MarketingEventsClient client, MarketingEventUpdate update) {
    try {
      return client.updateWithResponse(
          EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update, RequestOptions.none());
    } catch (ValidationException rejected) {
      throw rejectedByPrism(rejected);
    }
  }

  /**
   * With {@code --errors} Prism answers a request that breaks the spec with its canned 400
   * example, whose message says nothing of the real cause; that is in Prism's log.
   */
  static AssertionError rejectedByPrism(ValidationException rejected) {
    return new AssertionError(
        "Prism rejected the request the client sent. Its violations are the lines '[VALIDATOR]"
            + " ✖ error' of Prism's log, printed in the build output under '--- <this test>"
            + " failed; last lines of PrismMock...' (full log: target/prism/static-examples.log)."
            + " The client's exception holds only Prism's canned 400 example: "
            + rejected.getMessage(),
        rejected);
  }

  static void assertAcceptedWithoutViolations(UpdateResponse response, PrismMock prism) {
    assertThat(response.header(SlViolations.HEADER))
        .as("Prism's violations of the spec (%s)", prism)
        .isEmpty();
    assertThat(response.statusCode()).as("status from %s", prism).isEqualTo(200);
  }
}
