package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every future completes; cancel aborts the exchange or the permit wait and gives the permit
 * back; close cuts running calls with the closed-client exception and fails queued ones. Waits
 * on latches are bounds for a hung test, never timings asserted.
 */
class AsyncCancelCloseTest {
  /** Far longer than any latch below waits: a call that ends before it was cut short. */
  private static final MockResponse HANGING =
      Responses.event().newBuilder().headersDelay(60, TimeUnit.SECONDS).build();

  private final VirtualTime time = new VirtualTime();
  private final List<MarketingEventsClient> clients = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = ReliabilityFixtures.newServer();
    server.start();
  }

  @AfterEach
  void stop() {
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

  private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(20, TimeUnit.SECONDS);
      throw new AssertionError("the future succeeded");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future never completed", e);
    }
  }

  @Test
  void anErrorThrownInThePipelineCompletesTheFutureAndGivesThePermitBack() throws Exception {
    server.enqueue(Responses.event());
    AtomicInteger asked = new AtomicInteger();
    MarketingEventsClient client =
        client(b -> b.rateLimit(RateLimit.fixed(1, Duration.ofSeconds(10)))
            .accessTokenProvider(() -> {
              if (asked.getAndIncrement() == 0) {
                throw new LinkageError("a class the provider needs is missing");
              }
              return "test-token-not-real";
            }));

    Throwable failure = failureOf(client.updateAsync("e", "a", update()));
    client.update("e", "a", update());

    assertThat(failure).isInstanceOf(LinkageError.class);
    // The permit of the failed call came back: the next call waited for the window, not forever.
    assertThat(time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFullQueueFailsTheFutureAtOnceWithRejectedExecutionException() throws Exception {
    server.enqueue(HANGING);
    server.enqueue(HANGING);
    MarketingEventsClient client = client(b -> b.maxConcurrentRequests(1).maxQueuedRequests(1));
    CompletableFuture<MarketingEvent> running = client.updateAsync("e", "a", update());
    server.takeRequest(20, TimeUnit.SECONDS);
    CompletableFuture<MarketingEvent> queued = client.updateAsync("e", "a", update());

    CompletableFuture<MarketingEvent> rejected = client.updateAsync("e", "a", update());

    assertThat(rejected).isCompletedExceptionally();
    assertThat(catchThrowable(rejected::join)).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RejectedExecutionException.class);
    assertThat(running).isNotDone();
    assertThat(queued).isNotDone();
  }

  @Test
  void closeFailsQueuedFuturesAndCutsTheRunningCallWithTheClosedClientException() throws Exception {
    server.enqueue(HANGING);
    server.enqueue(Responses.event());
    CountDownLatch attemptEnded = new CountDownLatch(1);
    MarketingEventsClient client = client(b -> b.maxConcurrentRequests(1).listener(new ClientListener() {
      @Override
      public void attemptEnded(String operation, String apiVersion, int attempt, int statusCode, Duration took) {
        attemptEnded.countDown();
      }
    }));
    CompletableFuture<MarketingEvent> running = client.updateAsync("e", "a", update());
    server.takeRequest(20, TimeUnit.SECONDS);
    CompletableFuture<MarketingEvent> queued1 = client.updateAsync("e", "a", update());
    CompletableFuture<MarketingEvent> queued2 = client.updateAsync("e", "a", update());

    client.close();

    for (CompletableFuture<MarketingEvent> future : List.of(running, queued1, queued2)) {
      Throwable failure = failureOf(future);
      assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("client is closed");
      assertThat(failure).isNotInstanceOf(ApiConnectionException.class);
    }
    // The future fails at once; the call's own thread leaves the aborted exchange just after.
    assertThat(attemptEnded.await(20, TimeUnit.SECONDS)).isTrue();
    // The cut call was not retried, and nothing opened a connection again.
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(client.openConnections()).isZero();
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void cancelAbortsTheHttpCallAndGivesThePermitBack() throws Exception {
    // By arrival, not from a queue: a request cut before the server took its answer from the
    // queue would leave the hanging answer to the next request (seen once under heavy load).
    AtomicInteger arrivals = new AtomicInteger();
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return arrivals.getAndIncrement() == 0 ? HANGING : Responses.event();
      }
    });
    CountDownLatch attemptEnded = new CountDownLatch(1);
    MarketingEventsClient client =
        client(b -> b.rateLimit(RateLimit.fixed(1, Duration.ofSeconds(10)))
            .retryPolicy(RetryPolicy.none())
            .listener(new ClientListener() {
              @Override
              public void attemptEnded(String operation, String apiVersion, int attempt, int statusCode,
                  Duration took) {
                attemptEnded.countDown();
              }
            }));
    CompletableFuture<MarketingEvent> future = client.updateAsync("e", "a", update());
    server.takeRequest(20, TimeUnit.SECONDS);

    assertThat(future.cancel(true)).isTrue();

    // The exchange was aborted: its attempt ended long before the server's answer was due.
    assertThat(attemptEnded.await(20, TimeUnit.SECONDS)).isTrue();
    client.update("e", "a", update());
    // The permit was given back: the next call waited for the window, not until its deadline.
    assertThat(time.waited()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cancelEndsAWaitForAPermitOnTheCallersExecutor() throws Exception {
    server.enqueue(Responses.event());
    ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "callers-own-thread"));
    try {
      // Real time: the wait for the permit is a real minute, which only the cancel can shorten.
      MarketingEventsClient client =
          client(b -> b.timing(dev.eventpatch.hubspot.marketingevents.internal.Timing.SYSTEM)
              .rateLimit(RateLimit.fixed(1, Duration.ofMinutes(1)))
              .callTimeout(Duration.ofMinutes(5))
              .executor(mine));
      client.update("e", "a", update());
      List<String> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<UpdateResponse> waiting =
          client.updateWithResponseAsync("e", "a", update(), RequestOptions.none());
      mine.execute(() -> ranOn.add("probe queued behind the waiting call"));

      waiting.cancel(true);

      // The executor's one thread is free again: the wait ended, it did not run out.
      CountDownLatch free = new CountDownLatch(1);
      mine.execute(free::countDown);
      assertThat(free.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(waiting).isCancelled();
      assertThat(ranOn).hasSize(1);
      assertThat(server.getRequestCount()).isEqualTo(1);
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void aCallersExecutorRunsTheAsynchronousCalls() throws Exception {
    server.enqueue(Responses.event());
    ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "callers-own-thread"));
    try {
      List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
      MarketingEventsClient client =
          client(b -> b.executor(mine).listener(new ClientListener() {
            @Override
            public void attemptEnded(String operation, String apiVersion, int attempt, int statusCode,
                Duration took) {
              threads.add(Thread.currentThread().getName());
            }
          }));
      client.updateAsync("e", "a", update()).get(20, TimeUnit.SECONDS);
      assertThat(threads).containsExactly("callers-own-thread");
    } finally {
      mine.shutdownNow();
    }
  }
}
