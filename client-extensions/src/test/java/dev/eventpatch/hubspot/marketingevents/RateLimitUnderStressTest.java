package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitWaitTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's rate limiting under stress, end to end through the client against a loopback
 * server, on virtual time: what a ceiling means, what a DAILY 429 does to other callers, how
 * other 429s pause everyone, and that nothing depends on the wall clock.
 */
class RateLimitUnderStressTest {
  private static final String EVENT = "webinar-2026-12-01";
  private static final String ACCOUNT = "acme-events-4821";

  private final SteppedWallClockTime time = new SteppedWallClockTime();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final List<MarketingEventsClient> clients = new ArrayList<>();
  private MockWebServer server;

  /** Virtual time whose wall clock can also be stepped on its own, as NTP or an operator does. */
  static final class SteppedWallClockTime extends VirtualTime {
    private volatile Duration step = Duration.ZERO;

    void stepWallClock(Duration by) {
      step = step.plus(by);
    }

    @Override
    public Clock wallClock() {
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return SteppedWallClockTime.this.instant().plus(step);
        }
      };
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = ReliabilityFixtures.newServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(MarketingEventsClient::close);
    server.close();
  }

  /** Answers every request with {@code answer}, stamping its arrival on virtual time. */
  private void answerEveryRequest(MockResponse answer) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            arrivals.add(time.nanoTime());
            return answer;
          }
        });
  }

  private MarketingEventsClient client(UnaryOperator<MarketingEventsClient.Builder> settings) {
    MarketingEventsClient client =
        settings.apply(
                MarketingEventsClient.builder()
                    .accessToken("test-token-not-real")
                    .baseUrl(server.url("/").toString())
                    .propertyCheck(PropertyCheck.OFF)
                    .timing(time)
                    .jitter(() -> 0.5))
            .build();
    clients.add(client);
    return client;
  }

  private static MarketingEventUpdate update() {
    return MarketingEventUpdate.builder().eventName("Winter product webinar").build();
  }

  private static MockResponse okWithLimitHeaders(int max, int remaining) {
    return Responses.event().newBuilder()
        .setHeader("X-HubSpot-RateLimit-Max", Integer.toString(max))
        .setHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(remaining))
        .setHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
        .build();
  }

  /** @return the most arrivals in any window of the given length, counted by the server */
  private int mostArrivalsInAnyWindow(Duration window) {
    List<Long> sorted = new ArrayList<>(arrivals);
    sorted.sort(null);
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(j) >= window.toNanos()) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  @Test
  void anExplicitCeilingOf20Per10sHoldsWhenHeadersSayMax190() {
    answerEveryRequest(okWithLimitHeaders(190, 189));
    MarketingEventsClient client = client(b -> b.rateLimit(RateLimit.adaptiveUpTo(20, Duration.ofSeconds(10))));

    for (int i = 0; i < 70; i++) {
      client.update(EVENT, ACCOUNT, update());
    }

    assertThat(arrivals).hasSize(70);
    assertThat(mostArrivalsInAnyWindow(Duration.ofSeconds(10))).isEqualTo(20);
  }

  @Test
  void theDefaultAdaptiveLimitFollowsHeadersUpBeyondWhereItStarted() {
    answerEveryRequest(okWithLimitHeaders(190, 189));
    MarketingEventsClient client = client(b -> b); // RateLimit.adaptive(): starts at 100 per 10 s

    for (int i = 0; i < 150; i++) {
      client.update(EVENT, ACCOUNT, update());
    }

    // 100 per 10 s would have made the 101st call wait for the window; HubSpot said 190. Past
    // half of 190 the limiter paces (19 per second), so the waits are short ones.
    assertThat(time.waits()).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    assertThat(mostArrivalsInAnyWindow(Duration.ofSeconds(10))).isEqualTo(150);
  }

  @Test
  void adaptingNeverStallsWhenRemainingKeepsSayingZero() {
    // Other processes of the app use the whole window, as far as every answer says.
    answerEveryRequest(okWithLimitHeaders(100, 0));
    MarketingEventsClient client = client(b -> b);

    for (int i = 0; i < 5; i++) {
      client.update(EVENT, ACCOUNT, update());
    }

    assertThat(arrivals).hasSize(5);
    // Each "Remaining: 0" ages out a window after it was seen: no wait is longer than the window.
    assertThat(time.waits()).hasSize(4).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void afterADaily429WithRetryAfter3600TheNextCallOnAnotherThreadFailsAtOnceWithoutSending() throws Exception {
    server.enqueue(Responses.rateLimited("DAILY", "3600"));
    MarketingEventsClient client = client(b -> b);
    RateLimitException first = (RateLimitException) catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));
    assertThat(first.isDailyLimit()).isTrue();
    assertThat(first.requestSent()).isTrue();

    Throwable next = CompletableFuture.supplyAsync(() -> catchThrowable(() -> client.update(EVENT, ACCOUNT, update())))
        .get();

    assertThat(next).isInstanceOf(RateLimitException.class).isNotSameAs(first);
    RateLimitException e = (RateLimitException) next;
    assertThat(e.isDailyLimit()).isTrue();
    assertThat(e.requestSent()).isFalse();
    assertThat(e.correlationId()).isEqualTo(first.correlationId()).isPresent();
    assertThat(e.policyName()).hasValue("DAILY");
    assertThat(e.getMessage()).contains("nothing was sent");
    assertThat(server.getRequestCount()).as("the second call never reached the server").isEqualTo(1);
    assertThat(time.waits()).as("the client did not wait").isEmpty();
  }

  @Test
  void everyCallFailsFastUntilTheDailyResetThenTheClientSendsAgain() throws Exception {
    server.enqueue(Responses.rateLimited("DAILY", "3600"));
    server.enqueue(Responses.event());
    MarketingEventsClient client = client(b -> b);
    catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));

    List<RateLimitException> failures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      time.advance(Duration.ofMinutes(19));
      failures.add((RateLimitException) catchThrowable(() -> client.update(EVENT, ACCOUNT, update())));
    }
    assertThat(failures).doesNotContainNull().doesNotHaveDuplicates()
        .allSatisfy(e -> assertThat(e.requestSent()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);

    time.advance(Duration.ofMinutes(3)); // 60 minutes after the 429
    assertThat(client.update(EVENT, ACCOUNT, update()).eventName()).isEqualTo("Winter product webinar");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aDaily429WithoutRetryAfterFailsFastForTheConfiguredCoolDown() throws Exception {
    server.enqueue(Responses.rateLimited("DAILY", null));
    server.enqueue(Responses.event());
    MarketingEventsClient client =
        client(b -> b.rateLimit(RateLimit.adaptive().withDailyLimitCoolDown(Duration.ofMinutes(2))));
    catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));

    time.advance(Duration.ofSeconds(119));
    RateLimitException e = (RateLimitException) catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));
    assertThat(e.requestSent()).isFalse();
    time.advance(Duration.ofSeconds(1));
    client.update(EVENT, ACCOUNT, update());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TEN_SECONDLY_ROLLING", "SECONDLY", "(none)"})
  void aNonDaily429PausesEveryOtherCallerForItsRetryAfter(String policy) throws Exception {
    server.enqueue(policy.equals("(none)")
        ? Responses.json(429, "{\"status\":\"error\",\"message\":\"Too many\",\"errorType\":\"RATE_LIMIT\"}")
            .newBuilder().addHeader("Retry-After", "4").build()
        : Responses.rateLimited(policy, "4"));
    server.enqueue(Responses.event());
    MarketingEventsClient client = client(b -> b.retryPolicy(RetryPolicy.none()));
    assertThat(catchThrowable(() -> client.update(EVENT, ACCOUNT, update()))).isInstanceOf(RateLimitException.class);

    // Another caller, which never met the 429, is held back for it before sending.
    CompletableFuture.runAsync(() -> client.update(EVENT, ACCOUNT, update())).get();

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(4));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aNonDaily429WithoutRetryAfterPausesOtherCallersUntilTheWindowMakesRoom() throws Exception {
    server.enqueue(okWithLimitHeaders(100, 99));
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", null));
    server.enqueue(Responses.event());
    MarketingEventsClient client = client(b -> b.retryPolicy(RetryPolicy.none()));
    client.update(EVENT, ACCOUNT, update());
    time.advance(Duration.ofSeconds(3));
    catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));

    client.update(EVENT, ACCOUNT, update());

    // Until our oldest request in the window (answered 3 s before the 429) leaves it.
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retriesOfCallsThatMetA429AreSpreadByBackoffOnTopOfRetryAfter() {
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", "3"));
    server.enqueue(Responses.event());
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", "3"));
    server.enqueue(Responses.event());
    double[] draws = {0.1, 0.9};
    int[] next = {0};
    MarketingEventsClient client = client(b -> b.jitter(() -> draws[next[0]++ % 2]));

    client.update(EVENT, ACCOUNT, update());
    client.update(EVENT, ACCOUNT, update());

    // Retry-After 3 s, then a full-jitter share of the first backoff ceiling (500 ms) on top: two
    // calls held by the same pause come back at different times.
    assertThat(time.waits()).containsExactly(Duration.ofMillis(3050), Duration.ofMillis(3450));
  }

  @Test
  void steppingTheWallClockNeitherReleasesNorStallsTheLimiter() {
    answerEveryRequest(Responses.event());
    MarketingEventsClient client = client(b -> b.rateLimit(RateLimit.fixed(2, Duration.ofSeconds(10))));
    client.update(EVENT, ACCOUNT, update());
    client.update(EVENT, ACCOUNT, update());

    time.stepWallClock(Duration.ofDays(1)); // a day forward: a wall-clock limiter would release
    client.update(EVENT, ACCOUNT, update());
    time.stepWallClock(Duration.ofDays(-2)); // a day back: a wall-clock limiter would stall
    client.update(EVENT, ACCOUNT, update());

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(10));
    assertThat(arrivals).hasSize(4);
  }

  @Test
  void waitingForAPermitEndsAtTheDeadlineWithRateLimitWaitTimeoutException() {
    answerEveryRequest(Responses.event());
    MarketingEventsClient client =
        client(b -> b.rateLimit(RateLimit.fixed(1, Duration.ofMinutes(1))).callTimeout(Duration.ofSeconds(5)));
    client.update(EVENT, ACCOUNT, update());

    Throwable thrown = catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));

    assertThat(thrown).isInstanceOf(RateLimitWaitTimeoutException.class).isNotInstanceOf(HubSpotApiException.class);
    assertThat(arrivals).hasSize(1);
    assertThat(time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRetryThatCannotGetAPermitBeforeTheDeadlineFailsWithHubSpotsLastAnswer() {
    answerEveryRequest(new MockResponse.Builder().code(503)
        .setHeader("Content-Type", "application/json")
        .body("{\"status\":\"error\",\"message\":\"Service unavailable\",\"correlationId\":\"corr-503\","
            + "\"category\":\"INTERNAL_ERROR\"}")
        .build());
    MarketingEventsClient client =
        client(b -> b.rateLimit(RateLimit.fixed(1, Duration.ofMinutes(1))).callTimeout(Duration.ofSeconds(5)));

    Throwable thrown = catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));

    // HubSpot's 503 is what happened to the update; the limiter's refusal to retry in time is
    // why it was not sent again, kept beside it.
    assertThat(thrown).isInstanceOf(ServerException.class);
    assertThat(((ServerException) thrown).correlationId()).hasValue("corr-503");
    assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(RateLimitWaitTimeoutException.class);
    assertThat(arrivals).hasSize(1);
    assertThat(time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void a429WhoseBodyIsTooLargeStillPausesOtherCallers() {
    String big = "{\"status\":\"error\",\"message\":\"" + "x".repeat(4096) + "\"}";
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
        .setHeader("Retry-After", "2").body(big).build());
    server.enqueue(Responses.event());
    MarketingEventsClient client = client(b -> b.maxResponseBytes(1024));

    Throwable first = catchThrowable(() -> client.update(EVENT, ACCOUNT, update()));
    client.update(EVENT, ACCOUNT, update());

    assertThat(first).isInstanceOf(DecodingException.class);
    // Its Retry-After is a header, read although the body is not: every caller is held for it.
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
  }
}
