package dev.eventpatch.hubspot.marketingevents.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.generated.invoker.JSON;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.generated.model.PropertyValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the generated models do with JSON, through the Gson set-up the generator produces: the
 * facts the extensions module builds on, checked on every regeneration.
 */
class GsonRoundTripTest {

  private static final Set<String> DATE_TIME_FIELDS =
      Set.of("startDateTime", "endDateTime", "createdAt", "updatedAt");

  private final Gson gson = new JSON().getGson();

  @Test
  void pageExampleRequestSurvivesARoundTrip() throws IOException {
    String json = resource("page-example-request.json");

    MarketingEventUpdateRequestParams parsed =
        gson.fromJson(json, MarketingEventUpdateRequestParams.class);

    assertThat(parsed.getEventName()).isEqualTo("Winter product webinar");
    assertThat(parsed.getCustomProperties()).hasSize(1);
    assertThat(parsed.getCustomProperties().get(0).getDataSensitivity())
        .isEqualTo(PropertyValue.DataSensitivityEnum.NONE);
    assertEquivalent(gson.toJson(parsed), json);
  }

  @Test
  void pageExampleResponseSurvivesARoundTrip() throws IOException {
    String json = resource("page-example-response.json");

    MarketingEventPublicDefaultResponse parsed =
        gson.fromJson(json, MarketingEventPublicDefaultResponse.class);

    assertThat(parsed.getId()).isEqualTo("58237132332");
    assertThat(parsed.getUpdatedAt().toInstant())
        .isEqualTo(Instant.parse("2026-11-29T09:41:57.903Z"));
    assertEquivalent(gson.toJson(parsed), json);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-01T16:00:00Z,         2026-12-01T16:00:00Z",
    "2026-12-01T18:00:00+02:00,    2026-12-01T16:00:00Z",
    "2026-12-01T16:00:00.123Z,     2026-12-01T16:00:00.123Z",
    "2026-12-01T17:00:00.000001+01:00, 2026-12-01T16:00:00.000001Z",
  })
  void dateTimesKeepTheirInstant(String onTheWire, String instant) {
    String json = "{\"startDateTime\":\"" + onTheWire + "\",\"customProperties\":[]}";

    MarketingEventUpdateRequestParams parsed =
        gson.fromJson(json, MarketingEventUpdateRequestParams.class);
    MarketingEventUpdateRequestParams again =
        gson.fromJson(gson.toJson(parsed), MarketingEventUpdateRequestParams.class);

    assertThat(parsed.getStartDateTime().toInstant()).isEqualTo(Instant.parse(instant));
    assertThat(again.getStartDateTime().toInstant()).isEqualTo(Instant.parse(instant));
  }

  @Test
  void dateTimesAreWrittenWithSecondsAsRfc3339Requires() {
    // OffsetDateTime.toString() drops ":00" seconds, which the spec's date-time format forbids;
    // the generated adapter must keep them, or every whole-minute start time breaks the contract.
    MarketingEventUpdateRequestParams params =
        new MarketingEventUpdateRequestParams()
            .startDateTime(OffsetDateTime.parse("2026-12-01T16:00:00Z"))
            .endDateTime(OffsetDateTime.parse("2026-12-01T18:30:00+02:00"));

    assertThat(gson.toJson(params))
        .isEqualTo(
            "{\"startDateTime\":\"2026-12-01T16:00:00Z\","
                + "\"endDateTime\":\"2026-12-01T18:30:00+02:00\"}");
  }

  @Test
  void int64ValuesAbove2To53StayExact() {
    long above = (1L << 53) + 1;
    String json =
        "{\"name\":\"n\",\"value\":\"v\",\"timestamp\":"
            + Long.MAX_VALUE
            + ",\"sourceVid\":["
            + above
            + "]}";

    PropertyValue parsed = gson.fromJson(json, PropertyValue.class);

    assertThat(parsed.getTimestamp()).isEqualTo(Long.MAX_VALUE);
    assertThat(parsed.getSourceVid()).containsExactly(above);
    assertThat(gson.toJson(parsed)).contains(Long.toString(above)).contains(Long.toString(Long.MAX_VALUE));
  }

  @Test
  void fieldsNotSetAreAbsentFromTheJson() {
    MarketingEventUpdateRequestParams params =
        new MarketingEventUpdateRequestParams()
            .eventName("Renamed")
            .customProperties(List.of(new PropertyValue().name("seats_available").value("12")));

    JsonObject written = JsonParser.parseString(gson.toJson(params)).getAsJsonObject();

    assertThat(written.keySet()).containsExactlyInAnyOrder("eventName", "customProperties");
    assertThat(written.getAsJsonArray("customProperties").get(0).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("name", "value");
  }

  @Test
  void anEmptyCustomPropertiesListIsSentAsAnEmptyArray() {
    MarketingEventUpdateRequestParams params =
        new MarketingEventUpdateRequestParams().customProperties(List.of());

    assertThat(gson.toJson(params)).isEqualTo("{\"customProperties\":[]}");
  }

  @Test
  void unknownResponseFieldsAreIgnored() throws IOException {
    JsonObject json = JsonParser.parseString(resource("page-example-response.json")).getAsJsonObject();
    json.addProperty("brandNewField", "added by HubSpot later");
    json.getAsJsonArray("customProperties")
        .get(0)
        .getAsJsonObject()
        .add("maskedSubstrings", JsonParser.parseString("[{\"start\":0,\"end\":3}]"));

    MarketingEventPublicDefaultResponse parsed =
        gson.fromJson(json, MarketingEventPublicDefaultResponse.class);

    assertThat(parsed.getEventName()).isEqualTo("Winter product webinar");
    assertThat(parsed.getCustomProperties().get(0).getValue()).isEqualTo("120");
  }

  @Test
  void unknownSourceAndDataSensitivityValuesParse() {
    String json =
        "{\"name\":\"n\",\"value\":\"v\",\"source\":\"SOME_SOURCE_ADDED_IN_2027\","
            + "\"dataSensitivity\":\"restricted\"}";

    PropertyValue parsed = gson.fromJson(json, PropertyValue.class);

    assertThat(parsed.getSource()).isEqualTo("SOME_SOURCE_ADDED_IN_2027");
    assertThat(parsed.getDataSensitivity())
        .isEqualTo(PropertyValue.DataSensitivityEnum.UNKNOWN_DEFAULT_OPEN_API);
  }

  private static void assertEquivalent(String actual, String expected) {
    assertThat(normalized(JsonParser.parseString(actual)))
        .isEqualTo(normalized(JsonParser.parseString(expected)));
  }

  /** The JSON tree with date-times replaced by their instant: equal trees mean equal meaning. */
  private static JsonElement normalized(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        JsonElement value = entry.getValue();
        if (DATE_TIME_FIELDS.contains(entry.getKey())) {
          copy.addProperty(
              entry.getKey(), OffsetDateTime.parse(value.getAsString()).toInstant().toString());
        } else {
          copy.add(entry.getKey(), normalized(value));
        }
      }
      return copy;
    }
    if (element.isJsonArray()) {
      com.google.gson.JsonArray copy = new com.google.gson.JsonArray();
      element.getAsJsonArray().forEach(item -> copy.add(normalized(item)));
      return copy;
    }
    return element;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(GsonRoundTripTest.class.getResourceAsStream("/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
