package dev.eventpatch.hubspot.marketingevents.testkit;

import static dev.eventpatch.hubspot.marketingevents.testkit.Http.TOKEN;
import static dev.eventpatch.hubspot.marketingevents.testkit.Http.V3;
import static dev.eventpatch.hubspot.marketingevents.testkit.Http.json;
import static dev.eventpatch.hubspot.marketingevents.testkit.Http.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotFakeTest {
  private static final String ACCOUNT = "acme-events-4821";
  private static final String EVENT = "webinar-2026-12-01";
  private static final String PATH = V3 + EVENT + "?externalAccountId=" + ACCOUNT;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private HubSpotFake fake;

  @BeforeEach
  void start() {
    fake = HubSpotFake.builder().clock(clock).start();
    fake.givenEvent(ACCOUNT, EVENT, Map.of("eventName", "Winter webinar", "eventOrganizer", "Acme", "eventType", "WEBINAR"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  // ---- spec ----

  @Test
  void servesTheVersionsThePinnedSpecDeclaresAndNamesItsVersion() {
    assertThat(fake.apiVersions()).containsExactly("v3", "2026-03", "2026-09");
    assertThat(fake.specVersion()).isNotEqualTo("unknown").isNotBlank();
    assertThat(fake.baseUrl()).startsWith("http://127.0.0.1:").doesNotEndWith("/");
  }

  @Test
  void rejectsABodyThatBreaksTheSpecNamingTheViolation() {
    // A string where the spec says boolean, and no customProperties, which the spec requires.
    HttpResponse<String> r = patch(fake, PATH, "{\"eventCancelled\":\"yes\"}");

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = json(r);
    assertThat(body.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("message").asText()).startsWith("Invalid input: ");
    assertThat(body.path("errors").toString()).contains("eventCancelled").contains("customProperties");
    assertThat(body.path("correlationId").asText()).isEqualTo(r.headers().firstValue("X-HubSpot-Correlation-Id").orElseThrow());
    assertThat(fake.event(ACCOUNT, EVENT).orElseThrow()).doesNotContainKey("eventCancelled");
    assertAnswerKeepsToTheSpec(r);
  }

  @Test
  void checksEachDatedVersionAgainstItsOwnBodyNamingTheViolation() {
    String query = "?externalAccountId=" + ACCOUNT;
    String march = "/marketing/marketing-events/2026-03/events/" + EVENT + query;
    String september = "/marketing/marketing-events/2026-09/events/" + EVENT + query;
    String masked = "{\"customProperties\":[{\"name\":\"note\",\"value\":\"abc\","
        + "\"maskedSubstrings\":{\"substrings\":[{\"start\":%s,\"end\":1}]}}]}";

    // 2026-03 extends the shared body (allOf) with masks: a body fitting the merged schema passes,
    // and a mask that breaks the extension is refused by name.
    HttpResponse<String> accepted = patch(fake, march, String.format(masked, "0"));
    HttpResponse<String> badMask = patch(fake, march, String.format(masked, "\"zero\""));
    HttpResponse<String> badAtSeptember = patch(fake, september, "{\"eventCancelled\":\"yes\",\"customProperties\":[]}");
    HttpResponse<String> goodAtSeptember = patch(fake, september, "{\"eventName\":\"b\",\"customProperties\":[]}");

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(badMask.statusCode()).isEqualTo(400);
    assertThat(json(badMask).path("errors").toString()).contains("start");
    assertThat(badAtSeptember.statusCode()).isEqualTo(400);
    assertThat(json(badAtSeptember).path("errors").toString()).contains("eventCancelled");
    assertThat(goodAtSeptember.statusCode()).isEqualTo(200);
    assertThat(fake.event(ACCOUNT, EVENT).orElseThrow()).containsEntry("eventName", "b").doesNotContainKey("eventCancelled");
    assertThat(fake.requests()).extracting(req -> req.apiVersion().orElseThrow())
        .containsExactly("2026-03", "2026-03", "2026-09", "2026-09");
  }

  @Test
  void rejectsARequestWithoutTheRequiredQueryParameter() {
    HttpResponse<String> r = patch(fake, V3 + EVENT, "{\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("message").asText()).contains("externalAccountId");
  }

  @Test
  void rejectsABodyThatIsNotJson() {
    HttpResponse<String> r = patch(fake, PATH, "eventName=x");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("errors").get(0).path("code").asText()).startsWith("validation.request.body");
  }

  @Test
  void servesEveryVersionOfASpecWithDatedPaths() {
    try (HubSpotFake dated = HubSpotFake.builder().spec(TestSpecs.twoVersions()).start()) {
      dated.givenEvent(ACCOUNT, EVENT);

      assertThat(dated.apiVersions()).containsExactly("v3", "2026-03");
      HttpResponse<String> legacy = patch(dated, PATH, "{\"eventName\":\"a\",\"customProperties\":[]}");
      HttpResponse<String> current = patch(dated,
          "/marketing/marketing-events/2026-03/events/" + EVENT + "?externalAccountId=" + ACCOUNT,
          "{\"eventName\":\"b\",\"customProperties\":[]}");

      assertThat(legacy.statusCode()).isEqualTo(200);
      assertThat(current.statusCode()).isEqualTo(200);
      assertThat(json(current).path("eventName").asText()).isEqualTo("b");
      assertThat(dated.requests()).extracting(req -> req.apiVersion().orElseThrow()).containsExactly("v3", "2026-03");
      assertThat(dated.specVersion()).isEqualTo("given");
    }
  }

  @Test
  void answers404ForAPathTheSpecDoesNotDeclare() {
    HttpResponse<String> r = patch(fake, "/marketing/v4/marketing-events/events/" + EVENT + "?externalAccountId=a", "{}");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(fake.requests().get(0).apiVersion()).isEmpty();
  }

  @Test
  void answers405ForAnotherMethodOnTheUpdatePath() {
    HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + PATH))
        .header("Authorization", "Bearer " + TOKEN).GET().build());

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("PATCH");
  }

  // ---- tokens ----

  @Test
  void answers401WithoutABearerToken() {
    HttpResponse<String> none = Http.send(fake, PATH, "{\"customProperties\":[]}", null);
    HttpResponse<String> basic = Http.send(fake, PATH, "{\"customProperties\":[]}", "Basic dXNlcjpwdw==");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(json(none).path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    assertAnswerKeepsToTheSpec(none);
  }

  @Test
  void answers403ForATokenRegisteredAsLackingTheScope() {
    fake.tokenWithoutScope("no-scope-token");

    HttpResponse<String> r = Http.send(fake, PATH, "{\"customProperties\":[]}", "Bearer no-scope-token");

    assertThat(r.statusCode()).isEqualTo(403);
    JsonNode body = json(r);
    assertThat(body.path("category").asText()).isEqualTo("MISSING_SCOPES");
    assertThat(body.path("errors").toString()).contains("crm.objects.marketing_events.write");
    assertThat(patch(fake, PATH, "{\"customProperties\":[]}").statusCode()).isEqualTo(200);
  }

  // ---- state ----

  @Test
  void answers404ForAnUnknownEventNamingBothIds() {
    HttpResponse<String> r = patch(fake, V3 + "other-event?externalAccountId=" + ACCOUNT, "{\"customProperties\":[]}");
    HttpResponse<String> otherAccount = patch(fake, V3 + EVENT + "?externalAccountId=other", "{\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(otherAccount.statusCode()).isEqualTo(404);
    JsonNode body = json(r);
    assertThat(body.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(body.path("context").path("externalEventId").get(0).asText()).isEqualTo("other-event");
    assertThat(body.path("context").path("externalAccountId").get(0).asText()).isEqualTo(ACCOUNT);
    assertAnswerKeepsToTheSpec(r);
  }

  @Test
  void patchChangesOnlyTheFieldsItSendsAndMovesUpdatedAtOn() {
    String before = (String) fake.event(ACCOUNT, EVENT).orElseThrow().get("updatedAt");
    clock.advance(Duration.ofMinutes(5));

    HttpResponse<String> r = patch(fake, PATH, "{\"eventDescription\":\"Now with Q&A\",\"eventCancelled\":true,\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("eventDescription").asText()).isEqualTo("Now with Q&A");
    assertThat(body.path("eventCancelled").asBoolean()).isTrue();
    assertThat(body.path("eventName").asText()).isEqualTo("Winter webinar");
    assertThat(body.path("eventType").asText()).isEqualTo("WEBINAR");
    assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-30T09:00:00Z");
    assertThat(body.path("updatedAt").asText()).isEqualTo("2026-11-30T09:05:00Z").isNotEqualTo(before);
    assertThat(fake.event(ACCOUNT, EVENT).orElseThrow()).containsEntry("eventDescription", "Now with Q&A");
    assertAnswerKeepsToTheSpec(r);
  }

  @Test
  void updatedAtMovesOnEvenWhenTheClockStandsStill() {
    String first = json(patch(fake, PATH, "{\"eventName\":\"a\",\"customProperties\":[]}")).path("updatedAt").asText();
    String second = json(patch(fake, PATH, "{\"eventName\":\"b\",\"customProperties\":[]}")).path("updatedAt").asText();

    assertThat(Instant.parse(second)).isAfter(Instant.parse(first));
  }

  @Test
  void givenEventRefusesAFieldAnEventDoesNotHave() {
    assertThatThrownBy(() -> fake.givenEvent(ACCOUNT, "e", Map.of("eventColour", "red")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventColour");
    assertThatThrownBy(() -> fake.givenEvent(ACCOUNT, "e", Map.of("eventCancelled", "yes")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- custom properties ----

  @Test
  void dropsUndefinedPropertiesSilentlyAndKeepsDefinedOnes() {
    fake.defineProperty("seats", PropertyKind.NUMBER);

    HttpResponse<String> r = patch(fake, PATH,
        "{\"customProperties\":[{\"name\":\"seats\",\"value\":\"120\"},{\"name\":\"not_defined\",\"value\":\"x\"}]}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("customProperties").findValuesAsText("name")).containsExactly("seats");
    assertThat(fake.property(ACCOUNT, EVENT, "seats")).contains("120");
    assertThat(fake.property(ACCOUNT, EVENT, "not_defined")).isEmpty();
    assertAnswerKeepsToTheSpec(r);
  }

  @Test
  void aPatchLeavesPropertiesItDoesNotSendAsTheyWere() {
    fake.defineProperty("seats", PropertyKind.NUMBER);
    fake.defineProperty("tracks", PropertyKind.ENUMERATION);
    patch(fake, PATH, "{\"customProperties\":[{\"name\":\"seats\",\"value\":\"120\"}]}");

    HttpResponse<String> r = patch(fake, PATH, "{\"customProperties\":[{\"name\":\"tracks\",\"value\":\"a;b\"}]}");

    assertThat(json(r).path("customProperties").findValuesAsText("value")).containsExactly("120", "a;b");
  }

  @Test
  void refusesADateThatIsNotMidnightUtcAndChangesNothing() {
    fake.defineProperty("launch_date", PropertyKind.DATE);

    HttpResponse<String> r = patch(fake, PATH,
        "{\"eventName\":\"renamed\",\"customProperties\":[{\"name\":\"launch_date\",\"value\":\"1430438400001\"}]}");

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = json(r);
    assertThat(body.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("message").asText()).contains("launch_date").contains("midnight UTC");
    assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("INVALID_DATE");
    assertThat(fake.event(ACCOUNT, EVENT).orElseThrow()).containsEntry("eventName", "Winter webinar");
    assertThat(patch(fake, PATH, "{\"customProperties\":[{\"name\":\"launch_date\",\"value\":\"1430438400000\"}]}")
        .statusCode()).isEqualTo(200);
    assertThat(fake.property(ACCOUNT, EVENT, "launch_date")).contains("1430438400000");
    assertAnswerKeepsToTheSpec(r);
  }

  @Test
  void returnsADateTimeSentAsEpochMillisAsIso8601() {
    fake.defineProperty("starts", PropertyKind.DATETIME);
    fake.defineProperty("confirmed", PropertyKind.BOOLEAN);

    HttpResponse<String> r = patch(fake, PATH, "{\"customProperties\":["
        + "{\"name\":\"starts\",\"value\":\"1796140800000\"},{\"name\":\"confirmed\",\"value\":\"TRUE\"}]}");

    assertThat(json(r).path("customProperties").findValuesAsText("value")).containsExactly("2026-12-01T16:00:00Z", "true");
  }

  @Test
  void refusesNumbersAndBooleansThatAreNotOfTheirType() {
    fake.defineProperty("seats", PropertyKind.NUMBER);
    fake.defineProperty("confirmed", PropertyKind.BOOLEAN);

    HttpResponse<String> r = patch(fake, PATH, "{\"customProperties\":["
        + "{\"name\":\"seats\",\"value\":\"many\"},{\"name\":\"confirmed\",\"value\":\"yes\"}]}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("errors").findValuesAsText("code")).containsExactly("INVALID_DECIMAL", "INVALID_BOOLEAN");
  }

  // ---- faults ----

  @Test
  void playsQueuedFaultsInOrderThenAnswersNormally() {
    fake.enqueue(Fault.rateLimited(Duration.ofSeconds(2)), Fault.serverError(503));

    HttpResponse<String> first = patch(fake, PATH, "{\"customProperties\":[]}");
    HttpResponse<String> second = patch(fake, PATH, "{\"customProperties\":[]}");
    HttpResponse<String> third = patch(fake, PATH, "{\"customProperties\":[]}");

    assertThat(first.statusCode()).isEqualTo(429);
    JsonNode limited = json(first);
    assertThat(limited.path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(limited.path("errorType").asText()).isEqualTo("RATE_LIMIT");
    assertThat(first.headers().firstValue("Retry-After")).contains("2");
    assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("0");
    assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Max")).isPresent();
    assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")).contains("10000");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(json(second).path("category").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(third.statusCode()).isEqualTo(200);
    assertAnswerKeepsToTheSpec(first);
  }

  @Test
  void playsTheDailyLimitWithoutRetryAfter() {
    fake.enqueue(Fault.dailyLimit());

    HttpResponse<String> r = patch(fake, PATH, "{\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(json(r).path("policyName").asText()).isEqualTo("DAILY");
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("0");
  }

  @Test
  void playsAGatewaysHtmlPage() {
    fake.enqueue(Fault.gatewayPage(502));

    HttpResponse<String> r = patch(fake, PATH, "{\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(r.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void aFaultRuleFailsOnlyTheRequestsItMatchesUntilReset() {
    fake.givenEvent(ACCOUNT, "other");
    fake.faultWhen(req -> req.externalEventId().filter("other"::equals).isPresent(), Fault.serverError(500));

    assertThat(patch(fake, V3 + "other?externalAccountId=" + ACCOUNT, "{\"customProperties\":[]}").statusCode()).isEqualTo(500);
    assertThat(patch(fake, PATH, "{\"customProperties\":[]}").statusCode()).isEqualTo(200);
    assertThat(patch(fake, V3 + "other?externalAccountId=" + ACCOUNT, "{\"customProperties\":[]}").statusCode()).isEqualTo(500);

    fake.reset();
    fake.givenEvent(ACCOUNT, "other");
    assertThat(patch(fake, V3 + "other?externalAccountId=" + ACCOUNT, "{\"customProperties\":[]}").statusCode()).isEqualTo(200);
  }

  @Test
  void aDelayedAnswerIsTheNormalAnswerLater() {
    fake.enqueue(Fault.delay(Duration.ofMillis(20)));

    HttpResponse<String> r = patch(fake, PATH, "{\"eventName\":\"late\",\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("eventName").asText()).isEqualTo("late");
  }

  @Test
  void aSlowAnswerTripsTheCallersTimeout() {
    // The delay is far beyond the timeout, so the outcome does not depend on the machine's speed.
    fake.enqueue(Fault.delay(Duration.ofSeconds(30)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + PATH))
        .timeout(Duration.ofMillis(200))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"customProperties\":[]}"))
        .build();

    assertThatThrownBy(() -> Http.send(request)).hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aDisconnectCutsTheAnswerShortAndChangesNothing() {
    fake.enqueue(Fault.disconnect());

    assertThatThrownBy(() -> patch(fake, PATH, "{\"eventName\":\"never\",\"customProperties\":[]}"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(fake.event(ACCOUNT, EVENT).orElseThrow()).containsEntry("eventName", "Winter webinar");
    assertThat(patch(fake, PATH, "{\"customProperties\":[]}").statusCode()).isEqualTo(200);
  }

  // ---- recording ----

  @Test
  void recordsEveryRequestWithTheTokenMasked() {
    patch(fake, PATH + "&extra=1", "{\"eventName\":\"x\",\"customProperties\":[]}");
    Http.send(fake, PATH, "{\"customProperties\":[]}", null);

    List<RecordedRequest> requests = fake.requests();
    assertThat(requests).hasSize(2);
    RecordedRequest first = requests.get(0);
    assertThat(first.method()).isEqualTo("PATCH");
    assertThat(first.path()).isEqualTo(V3 + EVENT);
    assertThat(first.queryParameter("externalAccountId")).contains(ACCOUNT);
    assertThat(first.query()).containsEntry("extra", List.of("1"));
    assertThat(first.header("Authorization")).contains("Bearer ****");
    assertThat(first.headers().toString()).doesNotContain(TOKEN);
    assertThat(first.body().orElseThrow()).containsEntry("eventName", "x").containsEntry("customProperties", List.of());
    assertThat(first.apiVersion()).contains("v3");
    assertThat(first.externalEventId()).contains(EVENT);
    assertThat(first.status()).isEqualTo(200);
    assertThat(requests.get(1).status()).isEqualTo(401);
    assertThat(requests.get(1).header("Authorization")).isEmpty();
    assertThat(fake.journal()).hasSize(2).noneMatch(line -> line.contains(TOKEN));
  }

  @Test
  void decodesAnEventIdThatNeedsEscaping() {
    fake.givenEvent(ACCOUNT, "spring launch/2027");

    HttpResponse<String> r = patch(fake, V3 + "spring%20launch%2F2027?externalAccountId=" + ACCOUNT, "{\"customProperties\":[]}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(fake.requests().get(0).externalEventId()).contains("spring launch/2027");
  }

  // The fake's own answers must keep to the spec it enforces.
  static void assertAnswerKeepsToTheSpec(HttpResponse<String> r) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.statusCode()).withBody(r.body());
    r.headers().map().forEach(b::withHeader);
    ValidationReport report = SpecValidator.INSTANCE.validateResponse(
        "/marketing/v3/marketing-events/events/x", Request.Method.PATCH, b.build());
    assertThat(report.getMessages()).filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR).isEmpty();
  }

  private static final class SpecValidator {
    static final OpenApiInteractionValidator INSTANCE = load();

    private static OpenApiInteractionValidator load() {
      try (InputStream in = HubSpotFake.class.getResourceAsStream(PinnedSpec.RESOURCE)) {
        // The model the fake validates requests with: the validator cannot read the spec's
        // allOf extensions as they stand (see PinnedSpec.model).
        return OpenApiInteractionValidator.createFor(
            PinnedSpec.model(new String(in.readAllBytes(), StandardCharsets.UTF_8))).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
