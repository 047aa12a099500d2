package dev.eventpatch.hubspot.marketingevents;

import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.errorJson;
import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.eventJson;
import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.json;
import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.ok;
import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.rateLimitJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.FaultRun.Fault;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.RawServer;
import dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.AuthenticationException;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import dev.eventpatch.hubspot.marketingevents.exception.PermissionException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: one scenario per fault a server or network in front of HubSpot can produce,
 * each asserting the outcome (success after retries, or the right typed exception carrying the
 * status and HubSpot's fields), the number of attempts the server saw, and the waits on virtual
 * time. Socket timeouts run on real time, so they are short.
 *
 * <p>Unless a scenario says otherwise the client retries up to 3 attempts with a constant jitter
 * draw of one half, so its waits are exactly 250 ms, then 500 ms, then 1000 ms.
 */
@Tag("reliability")
class FaultMatrixTest {
  /** Every scenario by its description; {@link SecretLeakTest} runs them all again. */
  static final Map<String, Fault> FAULTS = new LinkedHashMap<>();

  private static final Duration MS_250 = Duration.ofMillis(250);
  private static final Duration MS_500 = Duration.ofMillis(500);

  static {
    FAULTS.put("429 with Retry-After in seconds: waits that long once, then succeeds", FaultMatrixTest::retryAfterSeconds);
    FAULTS.put("429 with Retry-After as an HTTP date: waits until then, then succeeds", FaultMatrixTest::retryAfterHttpDate);
    FAULTS.put("429 without Retry-After: backs off, then succeeds", FaultMatrixTest::retryAfterAbsent);
    FAULTS.put("429 every time: retried until the next wait would overrun the call's 5 s deadline, carrying the"
        + " policy and Retry-After", FaultMatrixTest::rateLimitedEveryTime);
    FAULTS.put("429 three times in a row, then 200: succeeds, the 429s not using up the 3 attempts",
        FaultMatrixTest::rateLimitedThreeTimesThenSuccess);
    FAULTS.put("503, 429, 503, 503: gives up after 3 failed attempts, the 429 not counted",
        FaultMatrixTest::rateLimitedBetweenServerErrors);
    FAULTS.put("429 every time with RetryPolicy.none(): one request, not retried", FaultMatrixTest::rateLimitedNoRetries);
    FAULTS.put("429 with a Retry-After beyond the longest wait: gives up at once, carrying it", FaultMatrixTest::retryAfterTooLong);
    FAULTS.put("429 with the DAILY policy: never retried, even with a short Retry-After", FaultMatrixTest::dailyLimit);
    for (int status : new int[] {500, 502, 503, 504}) {
      FAULTS.put(status + " then 200: retried once with the same request, succeeds", serverErrorThenSuccess(status));
    }
    FAULTS.put("503 every time: gives up after the configured 4 attempts", FaultMatrixTest::unavailableUntilAttemptsRunOut);
    FAULTS.put("503 every time: gives up when the next wait would overrun the call's 3 s deadline", FaultMatrixTest::unavailableUntilDeadline);
    FAULTS.put("400: ValidationException with HubSpot's fields, never retried",
        clientError(400, "VALIDATION_ERROR", ValidationException.class));
    FAULTS.put("401: AuthenticationException with HubSpot's fields, never retried",
        clientError(401, "INVALID_AUTHENTICATION", AuthenticationException.class));
    FAULTS.put("403: PermissionException with HubSpot's fields, never retried",
        clientError(403, "MISSING_SCOPES", PermissionException.class));
    FAULTS.put("404: NotFoundException with HubSpot's fields, never retried",
        clientError(404, "OBJECT_NOT_FOUND", NotFoundException.class));
    FAULTS.put("connection refused: ApiConnectionException after 3 attempts", FaultMatrixTest::connectionRefused);
    FAULTS.put("connection reset in the middle of the answer, then 200: succeeds", FaultMatrixTest::resetThenSuccess);
    FAULTS.put("connection reset in the middle of every answer: ApiConnectionException after 3 attempts",
        FaultMatrixTest::resetEveryTime);
    FAULTS.put("read timeout, then 200: succeeds", FaultMatrixTest::readTimeoutThenSuccess);
    FAULTS.put("read timeout every time: ApiTimeoutException after 3 attempts", FaultMatrixTest::readTimeoutEveryTime);
    FAULTS.put("body trickling slower than the read timeout: ApiTimeoutException", FaultMatrixTest::trickleSlowerThanReadTimeout);
    FAULTS.put("body trickling within the read timeout but past the call timeout: ApiTimeoutException",
        FaultMatrixTest::tricklePastCallTimeout);
    FAULTS.put("200 with truncated JSON: DecodingException, not retried", FaultMatrixTest::truncatedJson);
    FAULTS.put("502 with a gateway's HTML page every time: ServerException without HubSpot fields",
        FaultMatrixTest::htmlGatewayPage);
    FAULTS.put("502 with a gateway's HTML page, then 200: succeeds", FaultMatrixTest::htmlGatewayPageThenSuccess);
    FAULTS.put("200 with an empty body: DecodingException, not retried", FaultMatrixTest::emptyBody);
    FAULTS.put("200 with a non-JSON content type: DecodingException, not retried", FaultMatrixTest::nonJsonContentType);
    FAULTS.put("200 whose JSON is an array: DecodingException, not retried", FaultMatrixTest::jsonArray);
    FAULTS.put("408 then 200: retried once with the same request, succeeds", serverErrorThenSuccess(408));
    FAULTS.put("DAILY 429 with Retry-After 3600: the next call fails at once without sending, carrying the 429's"
        + " correlation id", FaultMatrixTest::dailyLimitThenFailFast);
    FAULTS.put("TEN_SECONDLY_ROLLING 429 with Retry-After: another caller is held for it before sending",
        FaultMatrixTest::rollingLimitPausesOtherCallers);
    FAULTS.put("keep-alive connection closed by the server while idle: resent once on a fresh connection, not an"
        + " attempt, even with RetryPolicy.none()", FaultMatrixTest::staleKeepAliveConnection);
    FAULTS.put("answer body over maxResponseBytes: DecodingException, not retried", FaultMatrixTest::bodyTooLarge);
    FAULTS.put("access token provider throws: AccessTokenException naming its type, nothing sent",
        FaultMatrixTest::tokenProviderFails);
    FAULTS.put("server silent past the call's deadline: ApiTimeoutException at the deadline, no retry after it",
        FaultMatrixTest::silentPastDeadline);
    FAULTS.put("client closed during the call: IllegalStateException of a closed client, not retried",
        FaultMatrixTest::closedDuringTheCall);
    for (String field : List.of("id", "createdAt", "updatedAt", "eventName", "eventOrganizer", "customProperties")) {
      FAULTS.put("200 whose JSON lacks required " + field + ": DecodingException naming it", lacking(field));
    }
  }

  static Stream<Arguments> faults() {
    return FAULTS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void fault(String description, Fault fault) throws Exception {
    FaultRun.run(fault);
  }

  // ---- 429 ----

  static void retryAfterSeconds(FaultRun run) throws Exception {
    run.server(
        json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).setHeader("Retry-After", "3").build(),
        ok("Winter product webinar"));
    // The default, adaptive limiter is on here: it holds every thread back for the Retry-After,
    // and the retry must not wait a second time for it.
    UpdateResponse response = run.succeeds(run.client(b -> b.rateLimit(RateLimit.adaptive())));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(run.requests()).isEqualTo(2);
    // Retry-After plus half the first backoff ceiling, which spreads the calls the pause held.
    assertThat(run.time.waits()).containsExactly(Duration.ofMillis(3250));
  }

  static void retryAfterHttpDate(FaultRun run) throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ReliabilityFixtures.START.plusSeconds(7).atZone(ZoneOffset.UTC));
    run.server(
        json(429, rateLimitJson("SECONDLY", "corr-429")).setHeader("Retry-After", date).build(),
        ok("Winter product webinar"));
    UpdateResponse response = run.succeeds(run.client(b -> b));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(run.requests()).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(Duration.ofMillis(7250));
  }

  static void retryAfterAbsent(FaultRun run) throws Exception {
    run.server(json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).build(), ok("Winter product webinar"));
    UpdateResponse response = run.succeeds(run.client(b -> b));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(run.requests()).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(MS_250);
  }

  static void rateLimitedEveryTime(FaultRun run) throws Exception {
    run.always(json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).setHeader("Retry-After", "1").build());
    RateLimitException e =
        run.fails(RateLimitException.class, run.client(b -> b.callTimeout(Duration.ofSeconds(5))));
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.isDailyLimit()).isFalse();
    assertThat(e.policyName()).hasValue("TEN_SECONDLY_ROLLING");
    assertThat(e.errorType()).hasValue("RATE_LIMIT");
    assertThat(e.correlationId()).hasValue("corr-429");
    assertThat(e.requestId()).hasValue("req-corr-429");
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
    // Retry-After plus half of a backoff ceiling that doubles with every request: 1.25 s, 1.5 s,
    // 2 s end at 4.75 s; the next, 3 s, would end past the 5 s deadline.
    assertThat(run.requests()).isEqualTo(4);
    assertThat(run.time.waits())
        .containsExactly(Duration.ofMillis(1250), Duration.ofMillis(1500), Duration.ofMillis(2000));
  }

  static void rateLimitedThreeTimesThenSuccess(FaultRun run) throws Exception {
    for (int i = 1; i <= 3; i++) {
      run.server(json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429-" + i)).setHeader("Retry-After", "1").build());
    }
    run.server(ok("Winter product webinar"));
    // What several processes of one app, each with its own limiter, can draw for one call: it
    // is HubSpot saying "not now", not a failure of the update, and it must not lose it.
    UpdateResponse response = run.succeeds(run.client(b -> b));
    assertThat(response.attempts()).as("every request sent").isEqualTo(4);
    assertThat(run.requests()).isEqualTo(4);
    assertThat(run.time.waits())
        .containsExactly(Duration.ofMillis(1250), Duration.ofMillis(1500), Duration.ofMillis(2000));
  }

  static void rateLimitedBetweenServerErrors(FaultRun run) throws Exception {
    run.server(
        json(503, errorJson(503, "INTERNAL_ERROR", null, "corr-503-1", "Service unavailable")).build(),
        json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).setHeader("Retry-After", "1").build(),
        json(503, errorJson(503, "INTERNAL_ERROR", null, "corr-503-2", "Service unavailable")).build(),
        json(503, errorJson(503, "INTERNAL_ERROR", null, "corr-503-3", "Service unavailable")).build(),
        ok("never sent"));
    ServerException e = run.fails(ServerException.class, run.client(b -> b));
    assertThat(e.correlationId()).as("the last attempt's").hasValue("corr-503-3");
    assertThat(run.requests()).isEqualTo(4);
    assertThat(run.time.waits())
        .containsExactly(MS_250, Duration.ofMillis(1500), Duration.ofMillis(1000));
  }

  static void rateLimitedNoRetries(FaultRun run) throws Exception {
    run.always(json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).setHeader("Retry-After", "1").build());
    RateLimitException e =
        run.fails(RateLimitException.class, run.client(b -> b.retryPolicy(RetryPolicy.none())));
    assertThat(e.correlationId()).hasValue("corr-429");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static void retryAfterTooLong(FaultRun run) throws Exception {
    run.always(json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).setHeader("Retry-After", "120").build());
    RateLimitException e = run.fails(RateLimitException.class, run.client(b -> b));
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120));
    assertThat(e.policyName()).hasValue("TEN_SECONDLY_ROLLING");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static void dailyLimit(FaultRun run) throws Exception {
    run.always(json(429, rateLimitJson("DAILY", "corr-daily")).setHeader("Retry-After", "1").build());
    RateLimitException e = run.fails(RateLimitException.class, run.client(b -> b));
    assertThat(e.isDailyLimit()).isTrue();
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.policyName()).hasValue("DAILY");
    assertThat(e.errorType()).hasValue("RATE_LIMIT");
    assertThat(e.correlationId()).hasValue("corr-daily");
    assertThat(e.hubSpotMessage()).hasValue("You have reached your daily limit.");
    assertThat(e.getMessage()).contains("429", "DAILY", "corr-daily");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  // ---- 5xx ----

  static Fault serverErrorThenSuccess(int status) {
    return run -> {
      run.server(
          json(status, errorJson(status, "INTERNAL_ERROR", null, "corr-" + status, "Something went wrong")).build(),
          ok("Winter product webinar"));
      UpdateResponse response = run.succeeds(run.client(b -> b));
      assertThat(response.attempts()).isEqualTo(2);
      assertThat(response.event().eventName()).isEqualTo("Winter product webinar");
      assertThat(run.requests()).isEqualTo(2);
      assertThat(run.time.waits()).containsExactly(MS_250);
      RecordedRequest first = run.takeRequest();
      RecordedRequest retry = run.takeRequest();
      assertThat(retry.getTarget()).isEqualTo(first.getTarget());
      assertThat(retry.getBody()).isEqualTo(first.getBody());
    };
  }

  static void unavailableUntilAttemptsRunOut(FaultRun run) throws Exception {
    for (int i = 1; i <= 4; i++) {
      run.server(json(503, errorJson(503, "INTERNAL_ERROR", "UPSTREAM", "corr-503-" + i, "Service unavailable"))
          .build());
    }
    run.server(ok("never sent"));
    ServerException e = run.fails(ServerException.class,
        run.client(b -> b.retryPolicy(ReliabilityFixtures.exactRetries(4).build())));
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.category()).hasValue("INTERNAL_ERROR");
    assertThat(e.subCategory()).hasValue("UPSTREAM");
    assertThat(e.correlationId()).as("the last attempt's").hasValue("corr-503-4");
    assertThat(e.hubSpotMessage()).hasValue("Service unavailable");
    assertThat(run.requests()).isEqualTo(4);
    assertThat(run.time.waits()).containsExactly(MS_250, MS_500, Duration.ofMillis(1000));
  }

  static void unavailableUntilDeadline(FaultRun run) throws Exception {
    run.always(json(503, errorJson(503, "INTERNAL_ERROR", null, "corr-503", "Service unavailable")).build());
    RetryPolicy policy = ReliabilityFixtures.exactRetries(10)
        .baseDelay(Duration.ofSeconds(1))
        .build();
    ServerException e =
        run.fails(ServerException.class, run.client(b -> b.retryPolicy(policy).callTimeout(Duration.ofSeconds(3))));
    assertThat(e.statusCode()).isEqualTo(503);
    // Waits of 0.5 s and 1 s fit in 3 s; the next, 2 s, would end at 3.5 s: no third retry.
    assertThat(run.requests()).isEqualTo(3);
    assertThat(run.time.waits()).containsExactly(MS_500, Duration.ofSeconds(1));
    assertThat(run.time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(3));
  }

  // ---- 4xx ----

  static Fault clientError(int status, String category, Class<? extends HubSpotApiException> type) {
    return run -> {
      run.always(json(status, errorJson(status, category, "SUB_" + category, "corr-" + status, "Refused: " + category))
          .setHeader("X-HubSpot-Correlation-Id", "header-corr-" + status)
          .build());
      HubSpotApiException e = run.fails(type, run.client(b -> b));
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.category()).hasValue(category);
      assertThat(e.subCategory()).hasValue("SUB_" + category);
      assertThat(e.correlationId()).as("the body's, over the header's").hasValue("corr-" + status);
      assertThat(e.hubSpotMessage()).hasValue("Refused: " + category);
      assertThat(e.errors()).singleElement().satisfies(detail -> {
        assertThat(detail.message()).isEqualTo("Refused: " + category + " (detail of " + status + ")");
        assertThat(detail.code()).hasValue("E" + status);
        assertThat(detail.in()).hasValue("externalEventId");
      });
      assertThat(e.context()).containsEntry("externalEventId", List.of("webinar-2026-12-01"));
      assertThat(e.links()).containsKey("knowledge-base");
      assertThat(e.getMessage()).contains(String.valueOf(status), category, "corr-" + status).doesNotContain("{");
      assertThat(run.requests()).isEqualTo(1);
      assertThat(run.time.waits()).isEmpty();
    };
  }

  // ---- The network ----

  static void connectionRefused(FaultRun run) throws Exception {
    ApiConnectionException e =
        run.fails(ApiConnectionException.class, run.client(ReliabilityFixtures.refusingUrl(), b -> b));
    assertThat(e).isNotInstanceOf(ApiTimeoutException.class);
    assertThat(e).hasCauseInstanceOf(ConnectException.class);
    // Three attempts: two waits between them.
    assertThat(run.time.waits()).containsExactly(MS_250, MS_500);
  }

  static void resetThenSuccess(FaultRun run) throws Exception {
    String body = ReliabilityFixtures.okBody("Winter product webinar");
    RawServer raw = run.rawServer(RawServer.resetMidResponse(body), RawServer.answer(200, body));
    UpdateResponse response = run.succeeds(run.client(raw.url(), b -> b));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(response.event().eventName()).isEqualTo("Winter product webinar");
    assertThat(raw.connections()).isEqualTo(2);
    assertThat(raw.requestHeads()).allSatisfy(head ->
        assertThat(head).startsWith("PATCH " + ReliabilityFixtures.PATH_PREFIX + "webinar-2026-12-01?"));
    assertThat(run.time.waits()).containsExactly(MS_250);
  }

  static void resetEveryTime(FaultRun run) throws Exception {
    RawServer raw = run.rawServer(RawServer.resetMidResponse(eventJson("hs-1", "Winter product webinar")));
    ApiConnectionException e = run.fails(ApiConnectionException.class, run.client(raw.url(), b -> b));
    assertThat(e).isNotInstanceOf(ApiTimeoutException.class);
    assertThat(e).hasCauseInstanceOf(IOException.class);
    assertThat(raw.connections()).isEqualTo(3);
    assertThat(run.time.waits()).containsExactly(MS_250, MS_500);
  }

  static void readTimeoutThenSuccess(FaultRun run) throws Exception {
    run.server(
        json(200, eventJson("hs-1", "late")).headersDelay(1, TimeUnit.SECONDS).build(),
        ok("Winter product webinar"));
    UpdateResponse response = run.succeeds(run.client(b -> b.readTimeout(Duration.ofMillis(200))));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(response.event().eventName()).isEqualTo("Winter product webinar");
    assertThat(run.requestsOnceRead(2)).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(MS_250);
  }

  static void readTimeoutEveryTime(FaultRun run) throws Exception {
    run.always(json(200, eventJson("hs-1", "late")).headersDelay(1, TimeUnit.SECONDS).build());
    ApiTimeoutException e =
        run.fails(ApiTimeoutException.class, run.client(b -> b.readTimeout(Duration.ofMillis(200))));
    assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(run.requestsOnceRead(3)).isEqualTo(3);
    assertThat(run.time.waits()).containsExactly(MS_250, MS_500);
  }

  static void trickleSlowerThanReadTimeout(FaultRun run) throws Exception {
    RawServer raw = run.rawServer(
        RawServer.trickle(eventJson("hs-1", "Winter product webinar"), Duration.ofMillis(400)));
    ApiTimeoutException e = run.fails(ApiTimeoutException.class, run.client(raw.url(), b -> b
        .readTimeout(Duration.ofMillis(150))
        .retryPolicy(ReliabilityFixtures.exactRetries(2).build())));
    assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(raw.connections()).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(MS_250);
  }

  static void tricklePastCallTimeout(FaultRun run) throws Exception {
    RawServer raw = run.rawServer(
        RawServer.trickle(eventJson("hs-1", "Winter product webinar"), Duration.ofMillis(20)));
    ApiTimeoutException e = run.fails(ApiTimeoutException.class, run.client(raw.url(), b -> b
        .readTimeout(Duration.ofSeconds(1))
        .attemptTimeout(Duration.ofMillis(300))
        .retryPolicy(ReliabilityFixtures.exactRetries(2).build())));
    assertThat(e).hasCauseInstanceOf(InterruptedIOException.class);
    assertThat(raw.connections()).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(MS_250);
  }

  // ---- Faults of the 1.0 pipeline: limits, stale connections, tokens, deadlines, close ----

  static void dailyLimitThenFailFast(FaultRun run) throws Exception {
    run.server(
        json(429, rateLimitJson("DAILY", "corr-daily")).setHeader("Retry-After", "3600").build(),
        ok("never sent"));
    MarketingEventsClient client = run.client(b -> b.rateLimit(RateLimit.adaptive()));
    RateLimitException first = run.fails(RateLimitException.class, client);
    assertThat(first.requestSent()).isTrue();
    RateLimitException next = run.fails(RateLimitException.class, client);
    assertThat(next.requestSent()).isFalse();
    assertThat(next.isDailyLimit()).isTrue();
    assertThat(next.correlationId()).hasValue("corr-daily");
    assertThat(next.policyName()).hasValue("DAILY");
    assertThat(next.getMessage()).contains("nothing was sent");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static void rollingLimitPausesOtherCallers(FaultRun run) throws Exception {
    run.server(
        json(429, rateLimitJson("TEN_SECONDLY_ROLLING", "corr-429")).setHeader("Retry-After", "2").build(),
        ok("Winter product webinar"));
    MarketingEventsClient client =
        run.client(b -> b.rateLimit(RateLimit.adaptive()).retryPolicy(RetryPolicy.none()));
    run.fails(RateLimitException.class, client);
    run.succeeds(client);
    assertThat(run.requests()).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(Duration.ofSeconds(2));
  }

  static void staleKeepAliveConnection(FaultRun run) throws Exception {
    RawServer raw = run.rawServer(RawServer.keepAliveThenCloseWhenIdle(
        200, ReliabilityFixtures.okBody("Winter product webinar"), Duration.ofMillis(50)));
    MarketingEventsClient client = run.client(raw.url(), b -> b.retryPolicy(RetryPolicy.none()));
    run.succeeds(client);
    while (raw.closedConnections() < 1) {
      Thread.sleep(10); // until the server has dropped the idle connection the pool still holds
    }
    UpdateResponse response = run.succeeds(client);
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(raw.connections()).isEqualTo(2);
    assertThat(run.time.waits()).isEmpty();
  }

  static void bodyTooLarge(FaultRun run) throws Exception {
    run.always(json(200, eventJson("hs-1", "x".repeat(4096))).setHeader("X-HubSpot-Correlation-Id", "corr-big").build());
    DecodingException e = run.fails(DecodingException.class, run.client(b -> b.maxResponseBytes(2048)));
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.correlationId()).hasValue("corr-big");
    assertThat(e.getMessage()).contains("2048");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static void tokenProviderFails(FaultRun run) throws Exception {
    run.always(ok("never sent"));
    AccessTokenException e = run.fails(AccessTokenException.class, run.client(b -> b.accessTokenProvider(() -> {
      throw new java.io.UncheckedIOException(new IOException("the token endpoint is down"));
    })));
    assertThat(e.getMessage()).contains("java.io.UncheckedIOException", "nothing was sent");
    assertThat(run.requests()).isZero();
    assertThat(run.time.waits()).isEmpty();
  }

  static void silentPastDeadline(FaultRun run) throws Exception {
    run.always(json(200, eventJson("hs-1", "late")).headersDelay(5, TimeUnit.SECONDS).build());
    ApiTimeoutException e = run.fails(ApiTimeoutException.class, run.client(b -> b
        .timing(dev.eventpatch.hubspot.marketingevents.internal.Timing.SYSTEM)
        .callTimeout(Duration.ofMillis(300))));
    assertThat(e.getMessage()).contains("callTimeout 300 ms");
    assertThat(run.requestsOnceRead(1)).isEqualTo(1);
  }

  static void closedDuringTheCall(FaultRun run) throws Exception {
    run.always(json(200, eventJson("hs-1", "late")).headersDelay(30, TimeUnit.SECONDS).build());
    MarketingEventsClient client = run.client(b -> b);
    java.util.concurrent.CompletableFuture<MarketingEvent> call =
        client.updateAsync("webinar-2026-12-01", "acme-events-4821", FaultRun.update("Winter product webinar"));
    run.takeRequest();
    client.close();
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> call.get(20, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(java.util.concurrent.ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(failure.getCause()).hasMessage("client is closed");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  // ---- Bodies that are not what they should be ----

  static void truncatedJson(FaultRun run) throws Exception {
    String whole = eventJson("hs-1", "Winter product webinar");
    run.always(json(200, whole.substring(0, whole.length() / 2))
        .setHeader("X-HubSpot-Correlation-Id", "corr-truncated").build());
    DecodingException e = run.fails(DecodingException.class, run.client(b -> b));
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.correlationId()).hasValue("corr-truncated");
    assertThat(e.getMessage()).contains("not the expected JSON");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  private static MockResponse htmlPage() {
    return new MockResponse.Builder()
        .code(502)
        .setHeader("Content-Type", "text/html")
        .body("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>")
        .build();
  }

  static void htmlGatewayPage(FaultRun run) throws Exception {
    run.always(htmlPage());
    ServerException e = run.fails(ServerException.class, run.client(b -> b));
    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.category()).isEmpty();
    assertThat(e.hubSpotMessage()).isEmpty();
    assertThat(e.correlationId()).isEmpty();
    assertThat(e.errors()).isEmpty();
    assertThat(e.getMessage()).contains("502").doesNotContain("<html", "Bad Gateway");
    assertThat(run.requests()).isEqualTo(3);
    assertThat(run.time.waits()).containsExactly(MS_250, MS_500);
  }

  static void htmlGatewayPageThenSuccess(FaultRun run) throws Exception {
    run.server(htmlPage(), ok("Winter product webinar"));
    UpdateResponse response = run.succeeds(run.client(b -> b));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(run.requests()).isEqualTo(2);
    assertThat(run.time.waits()).containsExactly(MS_250);
  }

  static void emptyBody(FaultRun run) throws Exception {
    run.always(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").build());
    DecodingException e = run.fails(DecodingException.class, run.client(b -> b));
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("empty body");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static void nonJsonContentType(FaultRun run) throws Exception {
    run.always(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("OK").build());
    DecodingException e = run.fails(DecodingException.class, run.client(b -> b));
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("text/plain");
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static void jsonArray(FaultRun run) throws Exception {
    run.always(json(200, "[" + eventJson("hs-1", "Winter product webinar") + "]").build());
    DecodingException e = run.fails(DecodingException.class, run.client(b -> b));
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(run.requests()).isEqualTo(1);
    assertThat(run.time.waits()).isEmpty();
  }

  static Fault lacking(String field) {
    return run -> {
      JsonObject body = JsonParser.parseString(ReliabilityFixtures.okBody("Winter product webinar")).getAsJsonObject();
      body.remove(field);
      run.always(json(200, body.toString()).build());
      DecodingException e = run.fails(DecodingException.class, run.client(b -> b));
      assertThat(e.statusCode()).isEqualTo(200);
      assertThat(e.getMessage()).contains(field);
      assertThat(run.requests()).isEqualTo(1);
      assertThat(run.time.waits()).isEmpty();
    };
  }
}
