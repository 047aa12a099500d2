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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Suite 4: the mock really validates. Requests that the spec forbids, built through the
 * generated client (which checks nothing) or as raw HTTP, are rejected by Prism with the
 * violation named; so a green contract suite means the spec accepted the request, not that the
 * mock accepts anything.
 *
 * <p>Prism answers a request violation with the spec's 422 response, else its 400; this spec
 * declares only 400, so that is the status, with the spec's 400 example as the body.
 */
@ExtendWith(PrismExtension.class)
class MockValidatesIT {

  private static final String PATH = "marketing/v3/marketing-events/events/" + EXTERNAL_EVENT_ID;
  private static final String VALID_BODY =
      "{\"eventName\":\"Winter product webinar\",\"customProperties\":[]}";
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();

  @Test
  void aValidRawRequestIsAccepted(PrismMock prism) throws IOException {
    try (Response response = send(prism, withQuery(), JSON, VALID_BODY, true)) {
      assertThat(response.header(SlViolations.HEADER)).isNull();
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @Test
  void rejectsAMissingExternalAccountId(PrismMock prism) throws IOException {
    retrofit2.Response<?> response =
        GeneratedApi.against(prism)
            .api()
            .updateEventByExternalIds(EXTERNAL_EVENT_ID, null, minimalUpdate())
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

  @Test
  void rejectsAnAbsentCustomPropertiesList(PrismMock prism) throws IOException {
    MarketingEventUpdateRequestParams update =
        new MarketingEventUpdateRequestParams().eventName("Winter product webinar");

    retrofit2.Response<?> response =
        GeneratedApi.against(prism)
            .api()
            .updateEventByExternalIds(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update)
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

  @Test
  void rejectsACustomPropertyWithoutAValue(PrismMock prism) throws IOException {
    MarketingEventUpdateRequestParams update =
        minimalUpdate().addCustomPropertiesItem(new PropertyValue().name("seats_available"));

    retrofit2.Response<?> response =
        GeneratedApi.against(prism)
            .api()
            .updateEventByExternalIds(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update)
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

  @Test
  void rejectsSourceMetadataThatIsNotBase64(PrismMock prism) throws IOException {
    MarketingEventUpdateRequestParams update =
        minimalUpdate()
            .addCustomPropertiesItem(
                new PropertyValue()
                    .name("launch_date")
                    .value("1764547200000")
                    .sourceMetadata("{not base64}"));

    retrofit2.Response<?> response =
        GeneratedApi.against(prism)
            .api()
            .updateEventByExternalIds(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update)
            .execute();

    assertThat(response.code()).isEqualTo(400);
    assertThat(onlyViolation(response.headers().get(SlViolations.HEADER)))
        .satisfies(
            violation -> {
              assertThat(violation.location()).endsWith("sourceMetadata");
              assertThat(violation.code()).isEqualTo("pattern");
            });
  }

  @Test
  void rejectsABooleanSentAsText(PrismMock prism) throws IOException {
    String body =
        "{\"eventName\":\"Winter product webinar\",\"eventCancelled\":\"yes\","
            + "\"customProperties\":[]}";

    try (Response response = send(prism, withQuery(), JSON, body, true)) {
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

  @Test
  void rejectsAMalformedDateTime(PrismMock prism) throws IOException {
    String body =
        "{\"eventName\":\"Winter product webinar\",\"startDateTime\":\"2026-12-01 16:00\","
            + "\"customProperties\":[]}";

    try (Response response = send(prism, withQuery(), JSON, body, true)) {
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

  @Test
  void rejectsADataSensitivityOutsideTheEnumeration(PrismMock prism) throws IOException {
    String body =
        "{\"eventName\":\"Winter product webinar\",\"customProperties\":"
            + "[{\"name\":\"seats_available\",\"value\":\"120\",\"dataSensitivity\":\"secret\"}]}";

    try (Response response = send(prism, withQuery(), JSON, body, true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.location()).endsWith("dataSensitivity");
                assertThat(violation.code()).isEqualTo("enum");
              });
    }
  }

  @Test
  void rejectsABodyThatIsNotJson(PrismMock prism) throws IOException {
    try (Response response =
        send(prism, withQuery(), MediaType.get("text/plain"), "eventName=Winter", true)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(onlyViolation(response.header(SlViolations.HEADER)))
          .satisfies(
              violation -> {
                assertThat(violation.code()).isEqualTo("415");
                assertThat(violation.message()).contains("application/json");
              });
    }
  }

  @Test
  void answersARequestWithoutATokenWith401(PrismMock prism) throws IOException {
    try (Response response = send(prism, withQuery(), JSON, VALID_BODY, false)) {
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

  private static MarketingEventUpdateRequestParams minimalUpdate() {
    return new MarketingEventUpdateRequestParams()
        .eventName("Winter product webinar")
        .customProperties(new ArrayList<>());
  }

  private static String withQuery() {
    return PATH + "?externalAccountId=" + EXTERNAL_ACCOUNT_ID;
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
