package dev.eventpatch.hubspot.marketingevents.contract.mock;

import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_ACCOUNT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi;
import dev.eventpatch.hubspot.marketingevents.contract.support.SlViolations;
import dev.eventpatch.hubspot.marketingevents.contract.support.SlViolations.Violation;
import dev.eventpatch.hubspot.marketingevents.contract.support.SpecVersion;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.generated.model.PropertyValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Suite 4: the mock really validates. Requests that the spec forbids, built through the
 * generated client (which checks nothing) or as raw HTTP, are rejected by Prism with the
 * violation named; so a green contract suite means the spec accepted the request, not that the
 * mock accepts anything.
 *
 * <p>Prism answers a request violation with the spec's 422 response, else its 400; this spec
 * declares only 400, so that is the status, with the spec's 400 example as the body.
 *
 * <p>Every check runs at every API version the spec describes, on that version's path. A field
 * that only some versions know ({@code maskedSubstrings} of a property value, at {@code v3} and
 * {@code 2026-03}) is checked against its declared shape where the version has it; where it does
 * not, the spec says nothing about it and, like any field a schema does not declare (the spec's
 * objects are open), it is not checked.
 */
@ExtendWith(PrismExtension.class)
class MockValidatesIT {

  private static final String VALID_BODY =
      "{\"eventName\":\"Winter product webinar\",\"customProperties\":[]}";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String WELL_FORMED_MASK = "{\"substrings\":[{\"start\":1,\"end\":3}]}";
  private static final String MALFORMED_MASK = "\"1-3\"";

  private final OkHttpClient http = new OkHttpClient();

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void aValidRawRequestIsAccepted(SpecVersion version, PrismMock prism) throws IOException {
    try (Response response = send(prism, withQuery(version), JSON, VALID_BODY, true)) {
      assertThat(response.header(SlViolations.HEADER)).isNull();
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsAMissingExternalAccountId(SpecVersion version, PrismMock prism) throws IOException {
    retrofit2.Response<?> response =
        version
            .update(GeneratedApi.against(prism).api(), EXTERNAL_EVENT_ID, null, minimalUpdate())
            .execute();

    assertThat(response.code()).isEqualTo(400);
    assertThat(onlyViolation(response.headers().get(SlViolations.HEADER)))
        .satisfies(
            violation -> {
              assertThat(violation.location()).containsExactly("request", "query");
              assertThat(violation.code()).isEqualTo("required");
              assertThat(violation.message()).containsIgnoringCase("'externalAccountId'");
            });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsAnAbsentCustomPropertiesList(SpecVersion version, PrismMock prism)
      throws IOException {
    MarketingEventUpdateRequestParams update =
        new MarketingEventUpdateRequestParams().eventName("Winter product webinar");

    retrofit2.Response<?> response =
        version
            .update(GeneratedApi.against(prism).api(), EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update)
            .execute();

    assertThat(response.code()).isEqualTo(400);
    assertThat(onlyViolation(response.headers().get(SlViolations.HEADER)))
        .satisfies(
            violation -> {
              assertThat(violation.location()).containsExactly("request", "body");
              assertThat(violation.code()).isEqualTo("required");
              assertThat(violation.message()).contains("'customProperties'");
            });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsACustomPropertyWithoutAValue(SpecVersion version, PrismMock prism)
      throws IOException {
    MarketingEventUpdateRequestParams update =
        minimalUpdate().addCustomPropertiesItem(new PropertyValue().name("seats_available"));

    retrofit2.Response<?> response =
        version
            .update(GeneratedApi.against(prism).api(), EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update)
            .execute();

    assertThat(response.code()).isEqualTo(400);
    assertThat(onlyViolation(response.headers().get(SlViolations.HEADER)))
        .satisfies(
            violation -> {
              assertThat(violation.location())
                  .containsExactly("request", "body", "customProperties", "0");
              assertThat(violation.code()).isEqualTo("required");
              assertThat(violation.message()).contains("'value'");
            });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsSourceMetadataThatIsNotBase64(SpecVersion version, PrismMock prism)
      throws IOException {
    MarketingEventUpdateRequestParams update =
        minimalUpdate()
            .addCustomPropertiesItem(
                new PropertyValue()
                    .name("launch_date")
                    .value("1764547200000")
                    .sourceMetadata("{not base64}"));

    retrofit2.Response<?> response =
        version
            .update(GeneratedApi.against(prism).api(), EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update)
            .execute();

    assertThat(response.code()).isEqualTo(400);
    assertThat(onlyViolation(response.headers().get(SlViolations.HEADER)))
        .satisfies(
            violation -> {
              assertThat(violation.location()).endsWith("sourceMetadata");
              assertThat(violation.code()).isEqualTo("pattern");
            });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsABooleanSentAsText(SpecVersion version, PrismMock prism) throws IOException {
    String body =
        "{\"eventName\":\"Winter product webinar\",\"eventCancelled\":\"yes\","
            + "\"customProperties\":[]}";

    try (Response response = send(prism, withQuery(version), JSON, body, true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.location())
                    .containsExactly("request", "body", "eventCancelled");
                assertThat(violation.code()).isEqualTo("type");
                assertThat(violation.message()).contains("must be boolean");
              });
      assertThat(
              JsonParser.parseString(response.body().string())
                  .getAsJsonObject()
                  .get("category")
                  .getAsString())
          .as("the spec's 400 example")
          .isEqualTo("VALIDATION_ERROR");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsAMalformedDateTime(SpecVersion version, PrismMock prism) throws IOException {
    String body =
        "{\"eventName\":\"Winter product webinar\",\"startDateTime\":\"2026-12-01 16:00\","
            + "\"customProperties\":[]}";

    try (Response response = send(prism, withQuery(version), JSON, body, true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.location())
                    .containsExactly("request", "body", "startDateTime");
                assertThat(violation.code()).isEqualTo("format");
                assertThat(violation.message()).contains("date-time");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsADataSensitivityOutsideTheEnumeration(SpecVersion version, PrismMock prism)
      throws IOException {
    String body =
        "{\"eventName\":\"Winter product webinar\",\"customProperties\":"
            + "[{\"name\":\"seats_available\",\"value\":\"120\",\"dataSensitivity\":\"secret\"}]}";

    try (Response response = send(prism, withQuery(version), JSON, body, true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.location()).endsWith("dataSensitivity");
                assertThat(violation.code()).isEqualTo("enum");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void rejectsABodyThatIsNotJson(SpecVersion version, PrismMock prism) throws IOException {
    try (Response response =
        send(prism, withQuery(version), MediaType.get("text/plain"), "eventName=Winter", true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.code()).isEqualTo("415");
                assertThat(violation.message()).contains("application/json");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void answersARequestWithoutATokenWith401(SpecVersion version, PrismMock prism)
      throws IOException {
    try (Response response = send(prism, withQuery(version), JSON, VALID_BODY, false)) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(violation -> assertThat(violation.code()).isEqualTo("401"));
      assertThat(
              JsonParser.parseString(response.body().string())
                  .getAsJsonObject()
                  .get("category")
                  .getAsString())
          .isEqualTo("INVALID_AUTHENTICATION");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = SpecVersion.class, names = {"V3", "V2026_03"})
  void acceptsWellFormedMasksWhereTheVersionHasThem(SpecVersion version, PrismMock prism)
      throws IOException {
    try (Response response =
        send(prism, withQuery(version), JSON, withMask(WELL_FORMED_MASK), true)) {
      assertThat(response.header(SlViolations.HEADER)).isNull();
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = SpecVersion.class, names = {"V3", "V2026_03"})
  void rejectsMalformedMasksWhereTheVersionHasThem(SpecVersion version, PrismMock prism)
      throws IOException {
    try (Response response =
        send(prism, withQuery(version), JSON, withMask(MALFORMED_MASK), true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.location()).endsWith("maskedSubstrings");
                assertThat(violation.code()).isEqualTo("type");
              });
    }
  }

  /**
   * At 2026-09 a property value has no masks: the field is one the version does not declare,
   * so even a malformed one is not checked, where the same body fails at v3 and 2026-03.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = SpecVersion.class, names = {"V2026_09"})
  void leavesMasksUncheckedWhereTheVersionHasNone(SpecVersion version, PrismMock prism)
      throws IOException {
    assertThat(version.masksPropertyValues()).isFalse();

    try (Response response =
        send(prism, withQuery(version), JSON, withMask(MALFORMED_MASK), true)) {
      assertThat(response.header(SlViolations.HEADER)).isNull();
      assertThat(response.code()).isEqualTo(200);
    }
  }

  /** Each version's 200 example fits that version: masks only where the version has them. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(SpecVersion.class)
  void answersWithMasksOnlyAtVersionsThatHaveThem(SpecVersion version, PrismMock prism)
      throws IOException {
    try (Response response = send(prism, withQuery(version), JSON, VALID_BODY, true)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string().contains("\"maskedSubstrings\""))
          .isEqualTo(version.masksPropertyValues());
    }
  }

  private static String withMask(String mask) {
    return "{\"customProperties\":[{\"name\":\"host_email\",\"value\":\"ada@example.com\","
        + "\"maskedSubstrings\":" + mask + "}]}";
  }

  private static MarketingEventUpdateRequestParams minimalUpdate() {
    return new MarketingEventUpdateRequestParams()
        .eventName("Winter product webinar")
        .customProperties(new ArrayList<>());
  }

  private static String withQuery(SpecVersion version) {
    return version.path(EXTERNAL_EVENT_ID) + "?externalAccountId=" + EXTERNAL_ACCOUNT_ID;
  }

  /** A PATCH that bypasses every client-side check. */
  private Response send(
      PrismMock prism, String pathAndQuery, MediaType type, String body, boolean withToken)
      throws IOException {
    Request.Builder request =
        new Request.Builder()
            .url(prism.baseUrl() + pathAndQuery)
            .patch(RequestBody.create(body, type));
    if (withToken) {
      request.header("Authorization", "Bearer " + GeneratedApi.TOKEN);
    }
    return http.newCall(request.build()).execute();
  }

  private static Violation onlyViolation(String header) {
    List<Violation> violations = SlViolations.parse(header);
    assertThat(violations).as("violations in the %s header", SlViolations.HEADER).hasSize(1);
    return violations.get(0);
  }
}
