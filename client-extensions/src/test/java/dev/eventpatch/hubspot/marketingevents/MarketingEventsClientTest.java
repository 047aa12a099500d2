package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarketingEventsClientTest {
  private static final String TOKEN = "pat-test-CLIENT-0000-not-a-real-token";

  @StartStop private final MockWebServer server = new MockWebServer();

  private MarketingEventsClient client;

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private MarketingEventsClient.Builder builder() {
    return MarketingEventsClient.builder()
        .accessToken(TOKEN)
        .baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none())
        .rateLimit(RateLimit.none());
  }

  private MarketingEventsClient client() {
    client = builder().build();
    return client;
  }

  private JsonObject sentBody() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    return JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
  }

  @Test
  void sendsAPatchToTheEventPathWithTheAccountInTheQuery() throws Exception {
    server.enqueue(Responses.event());

    MarketingEvent event =
        client().update("webinar-1", "acct-42", MarketingEventUpdate.builder().eventName("Renamed").build());

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/marketing/marketing-events/2026-09/events/webinar-1");
    assertThat(request.getUrl().queryParameter("externalAccountId")).isEqualTo("acct-42");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("hubspot-marketing-events-java/");
    assertThat(event.id()).isEqualTo("58237132332");
    assertThat(event.eventName()).isEqualTo("Winter product webinar");
  }

  @Test
  void sendsOnlyWhatWasSetPlusTheRequiredEmptyCustomProperties() throws Exception {
    server.enqueue(Responses.event());

    client().update("e", "a", MarketingEventUpdate.builder().eventName("Renamed").build());

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
        .isEqualTo("{\"customProperties\":[],\"eventName\":\"Renamed\"}");
  }

  @Test
  void sendsEveryFieldOfAFullUpdate() throws Exception {
    server.enqueue(Responses.event());

    client()
        .update(
            "e",
            "a",
            MarketingEventUpdate.builder()
                .eventName("Winter product webinar")
                .eventType(EventType.WEBINAR)
                .eventOrganizer("Acme Events")
                .eventUrl("https://events.acme.example/w/1")
                .eventDescription("A tour <of> what's new & more")
                .startDateTime(OffsetDateTime.parse("2026-12-01T18:00:00+02:00"))
                .endDateTime(Instant.parse("2026-12-01T17:30:00.250Z"))
                .eventCancelled(false)
                .eventCompleted(true)
                .build());

    JsonObject body = sentBody();
    assertThat(body.keySet())
        .containsExactlyInAnyOrder(
            "eventName", "eventType", "eventOrganizer", "eventUrl", "eventDescription", "startDateTime",
            "endDateTime", "eventCancelled", "eventCompleted", "customProperties");
    assertThat(body.get("startDateTime").getAsString()).isEqualTo("2026-12-01T16:00:00Z");
    assertThat(body.get("endDateTime").getAsString()).isEqualTo("2026-12-01T17:30:00.25Z");
    assertThat(body.get("eventDescription").getAsString()).isEqualTo("A tour <of> what's new & more");
    assertThat(body.get("eventCancelled").getAsBoolean()).isFalse();
    assertThat(body.get("eventCompleted").getAsBoolean()).isTrue();
  }

  @Test
  void sendsEachCustomPropertyTypeInHubSpotsFormat() throws Exception {
    server.enqueue(Responses.event());

    client()
        .update(
            "e",
            "a",
            MarketingEventUpdate.builder()
                .customProperty(CustomProperty.text("headline", "Hello; world"))
                .customProperty(CustomProperty.number("seats", 120))
                .customProperty(CustomProperty.number("price", new BigDecimal("1E+3")))
                .customProperty(CustomProperty.number("ratio", 0.000001))
                .customProperty(CustomProperty.bool("paid", true))
                .customProperty(CustomProperty.date("launch", LocalDate.of(2015, 5, 1)))
                .customProperty(CustomProperty.dateTime("opens", Instant.parse("2026-12-01T09:00:00.123Z")))
                .customProperty(CustomProperty.multiValue("tracks", List.of("a", "b", "c")))
                .customProperty(CustomProperty.clear("promo"))
                .customProperty(CustomProperty.raw("legacy", "as-is"))
                .build());

    assertThat(sentBody().get("customProperties").toString())
        .isEqualTo(
            "[{\"name\":\"headline\",\"value\":\"Hello; world\"},"
                + "{\"name\":\"seats\",\"value\":\"120\"},"
                + "{\"name\":\"price\",\"value\":\"1000\"},"
                + "{\"name\":\"ratio\",\"value\":\"0.000001\"},"
                + "{\"name\":\"paid\",\"value\":\"true\"},"
                + "{\"name\":\"launch\",\"value\":\"1430438400000\"},"
                + "{\"name\":\"opens\",\"value\":\"1796115600123\"},"
                + "{\"name\":\"tracks\",\"value\":\"a;b;c\"},"
                + "{\"name\":\"promo\",\"value\":\"\"},"
                + "{\"name\":\"legacy\",\"value\":\"as-is\"}]");
  }

  @Test
  void sendsPropertyMetadataWhenGiven() throws Exception {
    server.enqueue(Responses.event());

    client()
        .update(
            "e",
            "a",
            MarketingEventUpdate.builder()
                .customProperty(
                    CustomProperty.number("seats", 5)
                        .withMetadata(
                            PropertyMetadata.builder()
                                .timestamp(1795948917903L)
                                .source("INTEGRATION")
                                .sourceId("acme-sync")
                                .sourceLabel("Acme sync")
                                .sourceVid(List.of(9007199254740993L))
                                .sourceMetadata(new byte[] {1, 2, 3})
                                .dataSensitivity(DataSensitivity.HIGH)
                                .updatedByUserId(7)
                                .build()))
                .build());

    JsonObject property = sentBody().getAsJsonArray("customProperties").get(0).getAsJsonObject();
    assertThat(property.get("timestamp").getAsLong()).isEqualTo(1795948917903L);
    assertThat(property.get("source").getAsString()).isEqualTo("INTEGRATION");
    assertThat(property.get("sourceVid").getAsJsonArray().get(0).getAsLong()).isEqualTo(9007199254740993L);
    assertThat(property.get("sourceMetadata").getAsString()).isEqualTo("AQID");
    assertThat(property.get("dataSensitivity").getAsString()).isEqualTo("high");
    assertThat(property.get("updatedByUserId").getAsInt()).isEqualTo(7);
    assertThat(property.has("isEncrypted")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a?b", "a#b", "100%", "with space", "é-ü-日本", "a+b", "x;y", "...", ".hidden"})
  void encodesIdsSoTheyArriveExactlyAndOnTheOnePath(String id) throws Exception {
    server.enqueue(Responses.event());

    client().update(id, id, MarketingEventUpdate.builder().eventName("x").build());

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().pathSegments())
        .containsExactly("marketing", "marketing-events", "2026-09", "events", id);
    assertThat(request.getUrl().queryParameter("externalAccountId")).isEqualTo(id);
    assertThat(request.getUrl().querySize()).isEqualTo(1);
  }

  @Test
  void rejectsBlankOrNullIdsBeforeSending() {
    MarketingEventUpdate update = MarketingEventUpdate.builder().eventName("x").build();
    MarketingEventsClient c = client();

    assertThatThrownBy(() -> c.update(" ", "a", update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("externalEventId must not be blank");
    assertThatThrownBy(() -> c.update("e", null, update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("externalAccountId must not be null");
    assertThatThrownBy(() -> c.update("..", "a", update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("externalEventId");
    assertThatThrownBy(() -> c.updateAsync("", "a", update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("externalEventId must not be blank");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void asksTheTokenProviderBeforeEveryRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    client =
        builder().accessTokenProvider(() -> "token-" + calls.incrementAndGet()).build();
    server.enqueue(Responses.event());
    server.enqueue(Responses.event());
    MarketingEventUpdate update = MarketingEventUpdate.builder().eventName("x").build();

    client.update("e", "a", update);
    client.update("e", "a", update);

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void failsBeforeSendingWhenTheTokenProviderGivesNothing() {
    client = builder().accessTokenProvider(() -> null).build();

    assertThatThrownBy(() -> client.update("e", "a", MarketingEventUpdate.builder().eventName("x").build()))
        .isInstanceOf(dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException.class)
        .hasMessageContaining("access token provider returned no token");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void buildFailsFastWithoutAToken() {
    assertThatThrownBy(() -> MarketingEventsClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("access token");
    assertThatThrownBy(() -> MarketingEventsClient.builder().accessToken("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accessToken must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.hubapi.com", "http://10.0.0.5:8080", "ftp://example.com", "not a url", "https://", "https://api.hubapi.com?x=1"})
  void rejectsUnsafeOrMalformedBaseUrls(String url) {
    assertThatThrownBy(() -> MarketingEventsClient.builder().accessToken(TOKEN).baseUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:4010/", "http://[::1]:4010", "https://api.hubapi.com/"})
  void acceptsHttpsAndLoopbackHttpBaseUrls(String url) {
    MarketingEventsClient.builder().accessToken(TOKEN).baseUrl(url).build().close();
  }

  @Test
  void baseUrlWithAPathPrefixKeepsIt() throws Exception {
    client = builder().baseUrl(server.url("/proxy/hubspot").toString()).build();
    server.enqueue(Responses.event());

    client.update("e", "a", MarketingEventUpdate.builder().eventName("x").build());

    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/proxy/hubspot/marketing/marketing-events/2026-09/events/e");
  }

  @Test
  void toStringNeverShowsTheToken() {
    assertThat(client().toString()).doesNotContain(TOKEN).contains("baseUrl");
  }

  @Test
  void updateWithResponseGivesStatusHeadersRateLimitAndCorrelationId() {
    server.enqueue(
        Responses.event().newBuilder()
            .addHeader("X-HubSpot-RateLimit-Max", "190")
            .addHeader("X-HubSpot-RateLimit-Remaining", "187")
            .addHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
            .addHeader("X-HubSpot-RateLimit-Daily", "500000")
            .addHeader("X-HubSpot-RateLimit-Daily-Remaining", "499000")
            .addHeader("X-HubSpot-Correlation-Id", "c0ffee00-0000-4000-8000-000000000001")
            .build());

    UpdateResponse response =
        client().updateWithResponse("e", "a", MarketingEventUpdate.builder().eventName("x").build(),
            RequestOptions.none());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(response.correlationId()).contains("c0ffee00-0000-4000-8000-000000000001");
    assertThat(response.header("x-hubspot-ratelimit-max")).contains("190");
    assertThat(response.rateLimit().max()).hasValue(190);
    assertThat(response.rateLimit().remaining()).hasValue(187);
    assertThat(response.rateLimit().interval()).contains(Duration.ofSeconds(10));
    assertThat(response.rateLimit().dailyRemaining()).hasValue(499000);
    assertThat(response.rateLimit().secondly()).isEmpty();
    assertThat(response.body()).isEqualTo(Responses.EVENT_JSON);
  }

  @Test
  void perRequestHeadersAreSentAndTheAuthorizationHeaderCannotBeOverridden() throws Exception {
    server.enqueue(Responses.event());

    client()
        .updateWithResponse("e", "a", MarketingEventUpdate.builder().eventName("x").build(),
            RequestOptions.builder().header("Prefer", "code=200").header("X-Trace", "t-1").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Prefer")).isEqualTo("code=200");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t-1");
    assertThatThrownBy(() -> RequestOptions.builder().header("authorization", "Bearer other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization");
  }

  @Test
  void userAgentSuffixIsAppended() throws Exception {
    client = builder().userAgentSuffix("acme-sync/2.3").build();
    server.enqueue(Responses.event());

    client.update("e", "a", MarketingEventUpdate.builder().eventName("x").build());

    assertThat(server.takeRequest().getHeaders().get("User-Agent")).endsWith(" acme-sync/2.3");
  }

  @Test
  void readsTheReturnedEventWithTypedCustomProperties() {
    server.enqueue(
        Responses.eventWithProperties(
            "[{\"name\":\"seats\",\"value\":\"120\",\"source\":\"A_SOURCE_FROM_2030\","
                + "\"dataSensitivity\":\"secret-new-class\",\"timestamp\":1795948917903},"
                + "{\"name\":\"launch\",\"value\":\"2015-05-01\"},"
                + "{\"name\":\"opens\",\"value\":\"2026-12-01T09:00:00.123Z\"},"
                + "{\"name\":\"tracks\",\"value\":\"a;b\"},"
                + "{\"name\":\"broken\",\"value\":\"twelve\"}]"));

    MarketingEvent event = client().update("e", "a", MarketingEventUpdate.builder().eventName("x").build());

    CustomProperties properties = event.customProperties();
    assertThat(properties.getLong("seats")).contains(120L);
    assertThat(properties.getDate("launch")).contains(LocalDate.of(2015, 5, 1));
    assertThat(properties.getDateTime("opens")).contains(Instant.parse("2026-12-01T09:00:00.123Z"));
    assertThat(properties.getMultiValue("tracks")).containsExactly("a", "b");
    assertThat(properties.getText("absent")).isEmpty();
    StoredProperty seats = properties.get("seats").orElseThrow();
    assertThat(seats.metadata().source()).contains("A_SOURCE_FROM_2030");
    assertThat(seats.metadata().dataSensitivity()).contains(DataSensitivity.UNKNOWN);
    assertThat(seats.metadata().timestamp()).hasValue(1795948917903L);
    assertThatThrownBy(() -> properties.getLong("broken"))
        .hasMessageContaining("broken")
        .hasMessageContaining("twelve");
    assertThat(event.eventType()).contains("WEBINAR");
    assertThat(event.startDateTime()).contains(OffsetDateTime.parse("2026-12-01T16:00:00Z"));
    assertThat(event.eventDescription()).isEmpty();
  }

  @Test
  void asyncUpdateCompletesWithTheEventOnTheClientsOwnThread() throws Exception {
    server.enqueue(Responses.event());

    CompletableFuture<MarketingEvent> future =
        client().updateAsync("e", "a", MarketingEventUpdate.builder().eventName("x").build());

    assertThat(future.get(10, TimeUnit.SECONDS).id()).isEqualTo("58237132332");
  }

  @Test
  void asyncUpdateCompletesExceptionallyWithTheTypedException() {
    server.enqueue(Responses.error(404, "OBJECT_NOT_FOUND"));

    CompletableFuture<MarketingEvent> future =
        client().updateAsync("e", "a", MarketingEventUpdate.builder().eventName("x").build());

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(dev.eventpatch.hubspot.marketingevents.exception.NotFoundException.class);
  }

  @Test
  void aClosedClientRefusesCalls() {
    MarketingEventsClient c = client();
    c.close();
    c.close();

    assertThatThrownBy(() -> c.update("e", "a", MarketingEventUpdate.builder().eventName("x").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(c.updateAsync("e", "a", MarketingEventUpdate.builder().eventName("x").build()))
        .isCompletedExceptionally();
  }

  @Test
  void closeReleasesThePoolsConnections() {
    server.enqueue(Responses.event());
    MarketingEventsClient c = client();
    c.update("e", "a", MarketingEventUpdate.builder().eventName("x").build());
    assertThat(c.openConnections()).isEqualTo(1);

    c.close();

    assertThat(c.openConnections()).isZero();
  }

  @Test
  void aPerRequestAttemptTimeoutBoundsTheAttempt() {
    server.enqueue(Responses.event().newBuilder().headersDelay(2, TimeUnit.SECONDS).build());

    assertThatThrownBy(
            () ->
                client()
                    .updateWithResponse("e", "a", MarketingEventUpdate.builder().eventName("x").build(),
                        RequestOptions.builder().attemptTimeout(Duration.ofMillis(200)).build()))
        .isInstanceOf(dev.eventpatch.hubspot.marketingevents.exception.ApiTimeoutException.class)
        .hasMessageContaining("attemptTimeout of 200 ms");
  }

  @Test
  void aTokenAHeaderCannotCarryIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> MarketingEventsClient.builder().accessToken("secret-part\r\nX-Injected: 1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accessToken")
        .hasMessageNotContaining("secret-part");

    client = builder().accessTokenProvider(() -> "tökén-secret").build();
    assertThatThrownBy(() -> client.update("e", "a", MarketingEventUpdate.builder().eventName("x").build()))
        .isInstanceOf(dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException.class)
        .hasMessageContaining("nothing was sent")
        .hasMessageNotContaining("secret");
    assertThat(server.getRequestCount()).isZero();
  }
}
