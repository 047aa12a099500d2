package dev.eventpatch.hubspot.marketingevents.contract.generated;

import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_ACCOUNT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.contract.junit.Prism;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMode;
import dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi;
import dev.eventpatch.hubspot.marketingevents.contract.support.SlViolations;
import dev.eventpatch.hubspot.marketingevents.contract.support.SpecVersion;
import dev.eventpatch.hubspot.marketingevents.generated.model.HubSpotError;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.generated.model.PropertyValue;
import dev.eventpatch.hubspot.marketingevents.generated.model.RateLimitError;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import retrofit2.Response;

/**
 * Suite 1: the generated client against a Prism mock of the spec. What the generated code puts
 * on the wire is accepted without a single violation, and what Prism answers from the spec
 * (its examples, or random data that fits the schemas) parses into the generated models; at
 * every API version the spec describes, each through its own generated method.
 */
@ExtendWith(PrismExtension.class)
class GeneratedClientIT {

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void fullUpdateWithEveryFieldIsAcceptedAndItsResponseParses(SpecVersion version, PrismMock prism)
      throws IOException {
    MarketingEventUpdateRequestParams update = fullUpdate();
    assertEveryFieldIsSet(update);
    assertEveryFieldIsSet(update.getCustomProperties().get(0));
    GeneratedApi client = GeneratedApi.against(prism);

    Response<MarketingEventPublicDefaultResponse> response = send(version, client, update);

    assertAcceptedWithoutViolations(response, prism);
    MarketingEventPublicDefaultResponse event = response.body();
    assertRequiredFieldsPresent(event);
    // A static Prism answers the spec's 200 example, whatever was sent.
    assertThat(event.getId()).isEqualTo("58237132332");
    assertThat(event.getUpdatedAt().toInstant())
        .isEqualTo(Instant.parse("2026-11-29T10:41:57.903Z"));
    assertThat(event.getCustomProperties())
        .extracting(PropertyValue::getName)
        .containsExactly("seats_available", "launch_date", "tracks");
    JsonObject sent = JsonParser.parseString(client.lastRequestBody()).getAsJsonObject();
    assertThat(sent.keySet())
        .hasSize(declaredFields(MarketingEventUpdateRequestParams.class).size());
    assertThat(sent.getAsJsonArray("customProperties").get(0).getAsJsonObject().keySet())
        .hasSize(declaredFields(PropertyValue.class).size());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void minimalUpdateSendsOnlyTheNameAndEmptyCustomPropertiesAndIsAccepted(
      SpecVersion version, PrismMock prism) throws IOException {
    MarketingEventUpdateRequestParams update =
        new MarketingEventUpdateRequestParams()
            .eventName("Winter product webinar (rescheduled)")
            .customProperties(new ArrayList<>());
    GeneratedApi client = GeneratedApi.against(prism);

    Response<MarketingEventPublicDefaultResponse> response = send(version, client, update);

    assertThat(JsonParser.parseString(client.lastRequestBody()))
        .isEqualTo(
            JsonParser.parseString(
                "{\"eventName\":\"Winter product webinar (rescheduled)\","
                    + "\"customProperties\":[]}"));
    assertAcceptedWithoutViolations(response, prism);
    assertRequiredFieldsPresent(response.body());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void anUpdateWithAValueOfEveryPropertyTypeIsAccepted(SpecVersion version, PrismMock prism)
      throws IOException {
    GeneratedApi client = GeneratedApi.against(prism);

    Response<MarketingEventPublicDefaultResponse> response =
        send(version, client, everyPropertyTypeUpdate());

    assertAcceptedWithoutViolations(response, prism);
    assertThat(
            JsonParser.parseString(client.lastRequestBody())
                .getAsJsonObject()
                .getAsJsonArray("customProperties"))
        .hasSize(everyPropertyTypeUpdate().getCustomProperties().size());
  }

  /** Random data differs on every call; a few calls cover optional fields present and absent. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void dynamicResponsesThatFitTheSchemaParse(
      SpecVersion version, @Prism(PrismMode.DYNAMIC) PrismMock prism) throws IOException {
    GeneratedApi client = GeneratedApi.against(prism);

    for (int call = 0; call < 5; call++) {
      Response<MarketingEventPublicDefaultResponse> response =
          send(version, client, fullUpdate());

      assertAcceptedWithoutViolations(response, prism);
      assertRequiredFieldsPresent(response.body());
      response
          .body()
          .getCustomProperties()
          .forEach(
              value -> {
                assertThat(value.getName()).isNotNull();
                assertThat(value.getValue()).isNotNull();
              });
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "400, VALIDATION_ERROR",
    "401, INVALID_AUTHENTICATION",
    "403, MISSING_SCOPES",
    "404, OBJECT_NOT_FOUND",
    "500, INTERNAL_ERROR",
  })
  void errorExamplesParseIntoTheErrorModel(int status, String category, PrismMock prism)
      throws IOException {
    for (SpecVersion version : SpecVersion.values()) {
      GeneratedApi client = GeneratedApi.against(prism, Map.of("Prefer", "code=" + status));

      Response<MarketingEventPublicDefaultResponse> response =
          send(version, client, fullUpdate());

      assertThat(response.code()).as("status at %s", version).isEqualTo(status);
      assertThat(response.headers().get(SlViolations.HEADER)).isNull();
      HubSpotError error =
          client.gson().fromJson(response.errorBody().string(), HubSpotError.class);
      assertThat(error.getCategory()).isEqualTo(category);
      assertThat(error.getCorrelationId()).isNotNull();
      assertThat(error.getMessage()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rateLimitExampleParsesWithItsPolicyAndRetryAfter(SpecVersion version, PrismMock prism)
      throws IOException {
    GeneratedApi client = GeneratedApi.against(prism, Map.of("Prefer", "code=429"));

    Response<MarketingEventPublicDefaultResponse> response = send(version, client, fullUpdate());

    assertThat(response.code()).isEqualTo(429);
    assertThat(response.headers().get("Retry-After")).isEqualTo("1");
    RateLimitError error =
        client.gson().fromJson(response.errorBody().string(), RateLimitError.class);
    assertThat(error.getPolicyName()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(error.getErrorType()).isEqualTo("RATE_LIMIT");
    assertThat(error.getCorrelationId()).isNotNull();
  }

  /** Every field of the request, every field of a property value, all valid. */
  static MarketingEventUpdateRequestParams fullUpdate() {
    return new MarketingEventUpdateRequestParams()
        .eventName("Winter product webinar")
        .eventType("WEBINAR")
        .eventOrganizer("Acme Events")
        .eventUrl("https://events.acme.example/webinars/winter-2026")
        .eventDescription("A tour of what ships this winter, with questions at the end.")
        .startDateTime(OffsetDateTime.parse("2026-12-01T16:00:00Z"))
        .endDateTime(OffsetDateTime.parse("2026-12-01T17:30:00Z"))
        .eventCancelled(false)
        .eventCompleted(false)
        .addCustomPropertiesItem(
            new PropertyValue()
                .name("launch_date")
                .value("1764547200000")
                .timestamp(1764583200000L)
                .sourceId("acme-sync")
                .sourceLabel("Acme sync job")
                .source("INTEGRATION")
                .sourceUpstreamDeployable("marketing-events-sync")
                .selectedByUser(false)
                .selectedByUserTimestamp(0L)
                // Prism, being JavaScript, rejects int64 values above 2^53 - 1.
                .sourceVid(List.of(4_503_599_627_370_496L))
                .sourceMetadata("eyJqb2IiOiJzeW5jIn0=")
                .requestId("6b1c9e0a-2f4d-4e8b-a3c7-51d0e9f2b684")
                .updatedByUserId(4417209)
                .persistenceTimestamp(1764583200000L)
                .useTimestampAsPersistenceTimestamp(true)
                .isEncrypted(false)
                .isLargeValue(false)
                .dataSensitivity(PropertyValue.DataSensitivityEnum.STANDARD)
                .unit("days"))
        .addCustomPropertiesItem(new PropertyValue().name("seats_available").value("120"))
        .addCustomPropertiesItem(new PropertyValue().name("tracks").value("product;engineering"));
  }

  /**
   * One value of each property type, formatted as HubSpot expects: text, number, boolean, date
   * (midnight UTC in epoch milliseconds), date-time (epoch milliseconds) and multiple checkboxes.
   */
  static MarketingEventUpdateRequestParams everyPropertyTypeUpdate() {
    return new MarketingEventUpdateRequestParams()
        .addCustomPropertiesItem(new PropertyValue().name("host_name").value("Ada Lovelace"))
        .addCustomPropertiesItem(new PropertyValue().name("seats_available").value("120.5"))
        .addCustomPropertiesItem(new PropertyValue().name("recorded").value("true"))
        .addCustomPropertiesItem(new PropertyValue().name("launch_date").value("1796083200000"))
        .addCustomPropertiesItem(new PropertyValue().name("doors_open").value("1796119200000"))
        .addCustomPropertiesItem(
            new PropertyValue().name("tracks").value("product;engineering;design"));
  }

  private static Response<MarketingEventPublicDefaultResponse> send(
      SpecVersion version, GeneratedApi client, MarketingEventUpdateRequestParams update)
      throws IOException {
    return version.update(client.api(), EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update).execute();
  }

  private static void assertAcceptedWithoutViolations(Response<?> response, PrismMock prism) {
    assertThat(response.headers().get(SlViolations.HEADER))
        .as("Prism's violations of the spec (%s)", prism)
        .isNull();
    assertThat(response.code()).as("status from %s", prism).isEqualTo(200);
  }

  private static void assertRequiredFieldsPresent(MarketingEventPublicDefaultResponse event) {
    assertThat(event).isNotNull();
    assertThat(event.getId()).isNotNull();
    assertThat(event.getCreatedAt()).isNotNull();
    assertThat(event.getUpdatedAt()).isNotNull();
    assertThat(event.getEventName()).isNotNull();
    assertThat(event.getEventOrganizer()).isNotNull();
    assertThat(event.getCustomProperties()).isNotNull();
  }

  /**
   * Fails when the generated model has a field this suite leaves unset: a field added to the
   * spec must be added to {@link #fullUpdate()} too.
   */
  private static void assertEveryFieldIsSet(Object model) {
    for (Field field : declaredFields(model.getClass())) {
      field.setAccessible(true);
      try {
        assertThat(field.get(model))
            .as("%s.%s is set in the full update", model.getClass().getSimpleName(),
                field.getName())
            .isNotNull();
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static List<Field> declaredFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fields.add(field);
      }
    }
    return fields;
  }
}
