package dev.eventpatch.hubspot.marketingevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class UpdateCommandTest {
  private static final String TOKEN = "pat-test-CLI-0000-not-a-real-token";
  private static final String EVENT =
      "{\"id\":\"58237132332\",\"createdAt\":\"2026-11-02T09:15:04.112Z\","
          + "\"updatedAt\":\"2026-11-29T10:41:57.903Z\",\"eventName\":\"Winter product webinar\","
          + "\"eventOrganizer\":\"Acme Events\",\"customProperties\":[{\"name\":\"seats\",\"value\":\"120\"}]}";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final Map<String, String> env = new HashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicBoolean mockStarted = new AtomicBoolean();
  private final AtomicBoolean mockClosed = new AtomicBoolean();

  private final EmbeddedMock.Starter fakeMock =
      e -> {
        mockStarted.set(true);
        return new EmbeddedMock.Running() {
          @Override
          public String baseUrl() {
            return server.url("/").toString();
          }

          @Override
          public void close() {
            mockClosed.set(true);
          }
        };
      };

  private int run(String... args) {
    return MarketingEventsCli.run(env::get, fakeMock, new PrintWriter(out), new PrintWriter(err), args);
  }

  private static MockResponse ok() {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-HubSpot-RateLimit-Max", "190")
        .addHeader("X-HubSpot-RateLimit-Remaining", "189")
        .addHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
        .addHeader("X-HubSpot-Correlation-Id", "c0ffee00-0000-4000-8000-000000000001")
        .body(EVENT)
        .build();
  }

  @Test
  void withNoTargetItRunsAgainstTheEmbeddedMockAndSaysSoFirst() throws Exception {
    server.enqueue(ok());

    int code = run("update", "--external-event-id", "webinar-1", "--external-account-id", "acct-1",
        "--name", "Winter product webinar", "--property", "seats:number=120", "--property", "missing:text=x");

    assertThat(code).isZero();
    assertThat(mockStarted).isTrue();
    assertThat(mockClosed).isTrue();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).startsWith("Target: embedded Prism mock");
    assertThat(out.toString())
        .contains("Updated event Winter product webinar (HubSpot id 58237132332): HTTP 200 after 1 attempt")
        .contains("Fields sent: eventName=Winter product webinar")
        .contains("Custom properties applied: seats=120")
        .contains("compares with the example's values")
        .contains("missing: missing from the answer")
        .contains("Rate limit: 189 of 190 requests left in a 10000 ms window")
        .contains("Correlation id: c0ffee00-0000-4000-8000-000000000001");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).endsWith("/events/webinar-1");
    assertThat(request.getBody().utf8()).contains("\"name\":\"seats\",\"value\":\"120\"");
  }

  @Test
  void withATokenAndABaseUrlItCallsThatTargetWithTheToken() throws Exception {
    env.put("HUBSPOT_ACCESS_TOKEN", TOKEN);
    env.put("HUBSPOT_BASE_URL", server.url("/").toString());
    server.enqueue(ok());

    int code = run("update", "--external-event-id", "e", "--external-account-id", "a", "--cancelled", "true");

    assertThat(code).isZero();
    assertThat(mockStarted).isFalse();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(out.toString()).startsWith("Target: " + server.url("/")).doesNotContain(TOKEN);
  }

  @Test
  void callsTheNewestDatedVersionByDefaultAndAnyKnownVersionWhenAsked() throws Exception {
    env.put("HUBSPOT_ACCESS_TOKEN", TOKEN);
    env.put("HUBSPOT_BASE_URL", server.url("/").toString());
    server.enqueue(ok());
    server.enqueue(ok());

    assertThat(run("update", "--external-event-id", "e", "--external-account-id", "a", "--name", "x")).isZero();
    assertThat(run("update", "--api-version", "v3", "--external-event-id", "e", "--external-account-id", "a",
        "--name", "x")).isZero();

    assertThat(server.takeRequest().getTarget()).startsWith("/marketing/marketing-events/2026-09/events/e?");
    assertThat(server.takeRequest().getTarget()).startsWith("/marketing/v3/marketing-events/events/e?");
    assertThat(out.toString()).contains("API version 2026-09").contains("API version v3");
  }

  @Test
  void anUnknownApiVersionExitsWith2NamingTheKnownOnes() {
    int code = run("update", "--api-version", "2019-01", "--external-event-id", "e", "--external-account-id", "a");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("2019-01").contains("2026-09").contains("v3");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void jsonPrintsTheAnswerAsHubSpotSentIt() {
    env.put("HUBSPOT_ACCESS_TOKEN", TOKEN);
    server.enqueue(ok());

    int code = run("update", "--base-url", server.url("/").toString(), "--external-event-id", "e",
        "--external-account-id", "a", "--name", "x", "--json");

    assertThat(code).isZero();
    assertThat(out.toString().strip()).isEqualTo(EVENT);
  }

  @Test
  void anApiErrorExitsWith3AndOneLineWithStatusCategoryMessageAndCorrelationId() {
    env.put("HUBSPOT_ACCESS_TOKEN", TOKEN);
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("Content-Type", "application/json")
            .body("{\"category\":\"OBJECT_NOT_FOUND\",\"correlationId\":\"5f8a1d3c-2b7e-4a90-9c64-e1b0d2f3a485\","
                + "\"message\":\"No marketing event found\"}")
            .build());

    int code = run("update", "--base-url", server.url("/").toString(), "--external-event-id", "e",
        "--external-account-id", "a", "--name", "x");

    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip())
        .isEqualTo("error: HTTP 404 OBJECT_NOT_FOUND: No marketing event found"
            + " (correlationId 5f8a1d3c-2b7e-4a90-9c64-e1b0d2f3a485)");
  }

  @Test
  void aNetworkFailureExitsWith4() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    env.put("HUBSPOT_ACCESS_TOKEN", TOKEN);

    int code = run("update", "--base-url", "http://127.0.0.1:" + port, "--external-event-id", "e",
        "--external-account-id", "a", "--name", "x");

    assertThat(code).isEqualTo(4);
    assertThat(err.toString()).startsWith("error: network:").doesNotContain(TOKEN);
  }

  @Test
  void aMissingRequiredOptionExitsWith2WithTheReason() {
    int code = run("update", "--external-event-id", "e", "--name", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--external-account-id").contains("--help");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void badInputExitsWith2BeforeAnythingIsSent() {
    assertThat(run("update", "--external-event-id", "e", "--external-account-id", "a", "--property", "seats:number=lots"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("seats").contains("not a number");

    assertThat(run("update", "--external-event-id", "e", "--external-account-id", "a",
        "--start", "2026-12-01T16:00:00Z", "--end", "2026-12-01T15:00:00Z")).isEqualTo(2);
    assertThat(err.toString()).contains("endDateTime");

    assertThat(run("update", "--external-event-id", "e", "--external-account-id", "a")).isEqualTo(2);
    assertThat(err.toString()).contains("sets nothing");

    assertThat(run("update", "--external-event-id", " ", "--external-account-id", "a", "--name", "x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("externalEventId must not be blank");

    assertThat(run("update", "--external-event-id", "e", "--external-account-id", "a", "--cancelled", "maybe"))
        .isEqualTo(2);

    assertThat(mockStarted).isFalse();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aBaseUrlWithoutATokenExitsWith2() {
    int code = run("update", "--base-url", server.url("/").toString(), "--external-event-id", "e",
        "--external-account-id", "a", "--name", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("HUBSPOT_ACCESS_TOKEN");
  }

  @Test
  void plainHttpToARemoteHostIsRefusedWith2() {
    env.put("HUBSPOT_ACCESS_TOKEN", TOKEN);

    int code = run("update", "--base-url", "http://api.hubapi.com", "--external-event-id", "e",
        "--external-account-id", "a", "--name", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("https").doesNotContain(TOKEN);
  }

  @Test
  void whenTheMockCannotStartItSaysWhatToRunAndExitsWith2() {
    EmbeddedMock.Starter broken = e -> {
      throw new EmbeddedMock.MockUnavailableException("Prism is not installed: run `mvn ...`");
    };

    int code = MarketingEventsCli.run(env::get, broken, new PrintWriter(out), new PrintWriter(err),
        "update", "--external-event-id", "e", "--external-account-id", "a", "--name", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: cannot start the embedded mock: Prism is not installed: run `mvn ...`");
  }

  @Test
  void helpListsEveryOptionAndTheExitCodes() {
    int code = run("update", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("--external-event-id", "--property", "--json", "--base-url", "--cancelled")
        .contains("Exit codes:")
        .contains("HUBSPOT_ACCESS_TOKEN");
  }

  @Test
  void findNodeModulesExplainsAWrongPrismHome() {
    env.put(EmbeddedMock.PRISM_HOME, "/nonexistent/prism/home");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedMock.findNodeModules(env::get))
        .hasMessageContaining("@stoplight/prism-cli")
        .hasMessageContaining("mvn -pl contract-tests");
  }
}
