package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.exception.ApiTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One deadline per call (callTimeout) over permit waits, backoffs and attempts; attemptTimeout apart. */
class DeadlineTest {
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final VirtualTime time = new VirtualTime();
  private final List<MarketingEventsClient> clients = new ArrayList<>();
  private MockWebServer server;

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

  private MarketingEventsClient client(UnaryOperator<MarketingEventsClient.Builder> settings) {
    MarketingEventsClient client =
        settings.apply(
                MarketingEventsClient.builder()
                    .accessToken("test-token-not-real")
                    .baseUrl(server.url("/").toString())
                    .propertyCheck(PropertyCheck.OFF)
                    .timing(time))
            .build();
    clients.add(client);
    return client;
  }

  private static MarketingEventUpdate update() {
    return MarketingEventUpdate.builder().eventName("Winter product webinar").build();
  }

  private void always(MockResponse answer) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer;
          }
        });
  }

  @Test
  void oneDeadlineCoversThePermitWaitEveryBackoffAndEveryAttempt() {
    always(Responses.error(503, "INTERNAL_ERROR"));
    MarketingEventsClient client =
        client(b -> b.rateLimit(RateLimit.fixed(2, Duration.ofSeconds(10)))
            .retryPolicy(RetryPolicy.builder().maxAttempts(10).build())
            .jitter(() -> 0.5)
            .callTimeout(Duration.ofSeconds(12)));
    catchThrowable(() -> client.update("e", "a", update())); // takes both permits of the window
    long before = time.nanoTime();
    int sentBefore = server.getRequestCount();
    List<Duration> waitsBefore = time.waits();

    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    Duration elapsed = Duration.ofNanos(time.nanoTime() - before);
    List<Duration> waits = time.waits().subList(waitsBefore.size(), time.waits().size());
    assertThat(thrown).isInstanceOf(MarketingEventsException.class);
    // It waited for a permit and backed off, and all of it fitted in the one deadline.
    assertThat(waits).anySatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(5)));
    assertThat(waits).contains(Duration.ofMillis(250));
    assertThat(server.getRequestCount() - sentBefore).isGreaterThanOrEqualTo(2);
    assertThat(elapsed).isLessThanOrEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void aPerCallCallTimeoutOverridesTheClientsDeadline() {
    always(Responses.error(503, "INTERNAL_ERROR"));
    MarketingEventsClient client =
        client(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofSeconds(1)).build())
            .jitter(() -> 0.5));

    Throwable thrown = catchThrowable(() -> client.updateWithResponse("e", "a", update(),
        RequestOptions.builder().callTimeout(Duration.ofSeconds(3)).build()));

    assertThat(thrown).isInstanceOf(ServerException.class);
    // 0.5 s and 1 s fit in 3 s; the next wait, 2 s, would not: the client's 60 s never applied.
    assertThat(time.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anAttemptIsCutToWhatIsLeftOfTheDeadlineNotGivenItsWholeAttemptTimeout() {
    // The answer would come after 3 s, well within the attempt and read timeouts of 30 s: only
    // the call's 300 ms deadline can end the attempt, and without it the call would succeed.
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return Responses.event().newBuilder().headersDelay(3, TimeUnit.SECONDS).build();
          }
        });
    MarketingEventsClient client =
        client(b -> b.timing(dev.eventpatch.hubspot.marketingevents.internal.Timing.SYSTEM)
            .retryPolicy(RetryPolicy.none())
            .attemptTimeout(Duration.ofSeconds(30))
            .readTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofMillis(300)));

    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    assertThat(thrown).isInstanceOf(ApiTimeoutException.class);
    assertThat(thrown.getMessage()).contains("callTimeout 300 ms");
  }

  @Test
  void aDefaultCallStartsNoAttemptAfterItsDeadlineWhenEveryAttemptIsSlowAndFails() {
    // Every attempt takes 29 s on the client's clock (just under the default attemptTimeout of
    // 30 s) and ends in a 503; the longest jitter draw makes every backoff its ceiling. Virtual
    // time cannot cut the last attempt at the deadline (the real-time test above shows that cut):
    // what is checked here is that no attempt starts after it and the waits fit in it.
    List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            starts.add(time.nanoTime());
            time.advance(Duration.ofSeconds(29));
            return Responses.error(503, "INTERNAL_ERROR");
          }
        });
    MarketingEventsClient client = client(b -> b.jitter(() -> 0.999_999));
    long deadline = time.nanoTime() + DEFAULT_CALL_TIMEOUT.toNanos();

    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    assertThat(thrown).isInstanceOf(ServerException.class);
    assertThat(starts).hasSize(3).allSatisfy(start -> assertThat(start).isLessThan(deadline));
    // The backoffs: 500 ms and 1 s, the ceilings of the first two waits.
    assertThat(time.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void aDefaultCallEndsWithinTheDocumentedWorstCaseWhenHubSpotKeepsAskingToWait() {
    always(Responses.rateLimited("TEN_SECONDLY_ROLLING", "20"));
    MarketingEventsClient client = client(b -> b.jitter(() -> 0.999_999));
    long before = time.nanoTime();

    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    assertThat(thrown).isInstanceOf(MarketingEventsException.class);
    assertThat(Duration.ofNanos(time.nanoTime() - before)).isLessThanOrEqualTo(DEFAULT_CALL_TIMEOUT);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
