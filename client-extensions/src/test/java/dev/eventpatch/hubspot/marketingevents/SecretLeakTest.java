package dev.eventpatch.hubspot.marketingevents;

import static dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.FaultRun.Fault;
import dev.eventpatch.hubspot.marketingevents.LoadTest.Outcome;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.CountingSleeper;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The access token leaks nowhere. Runs the suite's scenarios again with the recognisable token
 * {@link ReliabilityFixtures#TOKEN} and every client log line switched on (DEBUG included): the
 * whole fault matrix, refusals of bad input, a concurrent load with faults through the sync and
 * async paths, and the client's own failure modes around tokens. Then scans every captured log
 * line, every exception (message, causes, suppressed, stack trace), the {@code toString()} of
 * every object the client handed back, and the pact files when a contract-test run left any.
 */
@Tag("reliability")
class SecretLeakTest {
  /** Where the contract tests write pact files, from this module's directory. */
  private static final Path PACTS = Path.of("..", "contract-tests", "target", "pacts");

  @Test
  void theTokenAppearsInNoLogLineExceptionToStringOrPactFile() throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> logLines;
    int scenarios = 0;
    try (LogCapture logs = LogCapture.install()) {
      for (Map.Entry<String, Fault> fault : FaultMatrixTest.FAULTS.entrySet()) {
        FaultRun run = FaultRun.run(fault.getValue());
        run.observed().forEach(o -> texts.add(describe(o)));
        scenarios++;
      }
      texts.addAll(refusalsOfBadInput());
      scenarios++;
      texts.addAll(loadWithFaults());
      scenarios++;
      texts.addAll(tokenMishaps());
      scenarios++;
      logLines = List.copyOf(logs.lines());
    }

    assertThat(logLines).as("the client logged its requests, redacted").anySatisfy(line ->
        assertThat(line).contains("--> PATCH").contains("Authorization: <redacted>"));
    assertThat(logLines).as("the client logged its retries").anySatisfy(line ->
        assertThat(line).contains("retrying after"));
    assertNoToken("log line", logLines);
    assertNoToken("exception or toString()", texts);
    String pacts = scanPacts();
    System.out.printf("Secrets: %d scenarios; token found in none of %d log lines and %d exceptions and"
        + " toString()s; pact files: %s%n", scenarios, logLines.size(), texts.size(), pacts);
  }

  /** Refused inputs: the refusals' messages. */
  private static List<String> refusalsOfBadInput() throws IOException {
    List<String> texts = new ArrayList<>();
    try (MarketingEventsClient client = MarketingEventsClient.builder()
        .accessToken(TOKEN)
        .baseUrl(ReliabilityFixtures.refusingUrl())
        .build()) {
      MarketingEventUpdate update = MarketingEventUpdate.builder().eventName("n").build();
      List<Supplier<Object>> refused = List.of(
          () -> client.update(" ", "acct", update),
          () -> client.update("..", "acct", update),
          () -> client.update("evt\ud800", "acct", update),
          () -> client.update("evt", "", update),
          () -> client.update("evt", "acct", MarketingEventUpdate.builder().eventName("x\udc00").build()),
          () -> client.update("evt", "acct", MarketingEventUpdate.builder()
              .customProperty(CustomProperty.raw("name", "\ud83d")).build()),
          () -> CustomProperty.number("seats", Double.NaN),
          () -> CustomProperty.multiValue("tracks", List.of("a;b")),
          () -> CustomProperty.text("\u0000", "v"),
          () -> MarketingEventUpdate.builder().startDateTime(java.time.Instant.parse("+10000-01-01T00:00:00Z")),
          () -> RequestOptions.builder().header("Authorization", "Bearer " + TOKEN));
      for (Supplier<Object> attempt : refused) {
        Throwable thrown = catchThrowable(attempt::get);
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        texts.add(describe(thrown));
      }
      texts.add(client.toString());
    }
    return texts;
  }

  /** 500 updates from 8 threads, sync and async, with 10% transient faults. */
  private static List<String> loadWithFaults() throws Exception {
    List<String> texts = new ArrayList<>();
    try (MockWebServer server = ReliabilityFixtures.newServer()) {
      server.setDispatcher(new LoadTest.LoadDispatcher(10));
      server.start();
      try (MarketingEventsClient client = MarketingEventsClient.builder()
          .accessToken(TOKEN)
          .baseUrl(server.url("/").toString())
          .rateLimit(RateLimit.none())
          .timing(new CountingSleeper())
          .build()) {
        Outcome[] outcomes = LoadTest.run(client, 500, 8);
        for (Outcome outcome : outcomes) {
          texts.add(outcome.failure() != null ? describe(outcome.failure()) : describe(outcome.response()));
        }
        texts.add(client.toString());
      }
      RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(first.getHeaders().get("Authorization")).as("the token did go on the wire")
          .isEqualTo("Bearer " + TOKEN);
    }
    return texts;
  }

  /** Tokens gone wrong: a provider that fails, one that answers nothing, a token HTTP forbids. */
  private static List<String> tokenMishaps() throws IOException {
    List<String> texts = new ArrayList<>();
    String url = ReliabilityFixtures.refusingUrl();
    MarketingEventUpdate update = MarketingEventUpdate.builder().eventName("n").build();
    List<MarketingEventsClient.Builder> builders = List.of(
        MarketingEventsClient.builder().accessTokenProvider(() -> {
          throw new IllegalStateException("token store unavailable");
        }),
        MarketingEventsClient.builder().accessTokenProvider(() -> " "),
        // A character HTTP forbids in a header, from a provider: refused at call time.
        MarketingEventsClient.builder().accessTokenProvider(() -> TOKEN + "\u00e9"));
    // The same as a fixed token: refused by build(), which must not quote the value.
    for (String bad : List.of(TOKEN + "\u00e9", TOKEN + "\r\nX-Injected: 1")) {
      Throwable refused = catchThrowable(() -> MarketingEventsClient.builder().accessToken(bad).baseUrl(url).build());
      assertThat(refused).isInstanceOf(IllegalArgumentException.class);
      texts.add(describe(refused));
    }
    for (MarketingEventsClient.Builder builder : builders) {
      try (MarketingEventsClient client = builder.baseUrl(url).retryPolicy(RetryPolicy.none()).build()) {
        Throwable thrown = catchThrowable(() -> client.update("evt", "acct", update));
        assertThat(thrown).isInstanceOfAny(dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException.class, IllegalArgumentException.class);
        texts.add(describe(thrown));
        texts.add(client.toString());
      }
    }
    // Settings that fail at build time, with the token already set.
    Throwable insecure = catchThrowable(() -> MarketingEventsClient.builder()
        .accessToken(TOKEN).baseUrl("http://api.example.test").build());
    assertThat(insecure).isInstanceOf(IllegalArgumentException.class);
    texts.add(describe(insecure));
    texts.add(RetryPolicy.defaults().toString());
    texts.add(RateLimit.adaptive().toString());
    texts.add(RequestOptions.builder().header("X-Gateway-Key", TOKEN).attemptTimeout(Duration.ofSeconds(1)).build().toString());
    return texts;
  }

  private static String describe(Object object) {
    if (object instanceof Throwable throwable) {
      return ReliabilityFixtures.describe(throwable);
    }
    if (object instanceof UpdateResponse response) {
      return response + " " + response.headers() + " " + response.event() + " " + response.rateLimit();
    }
    return String.valueOf(object);
  }

  private static void assertNoToken(String what, List<String> texts) {
    for (String text : texts) {
      // The distinctive middle too, so that a truncated or partly masked token is caught.
      assertThat(text).as("a %s", what).doesNotContain(TOKEN).doesNotContain("RELIABILITY-0000");
    }
  }

  /** @return what was scanned: the pact files, or why there were none */
  private static String scanPacts() throws IOException {
    if (!Files.isDirectory(PACTS)) {
      return "none to scan (" + PACTS + " does not exist: the contract tests run after this module)";
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(PACTS)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertThat(content).as("pact file %s", file).doesNotContain(TOKEN);
    }
    return "scanned " + files.size() + " file(s) in " + PACTS;
  }
}
