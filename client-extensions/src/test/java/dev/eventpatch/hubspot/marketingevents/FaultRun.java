package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.RawServer;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.VirtualTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One fault scenario's world: virtual time, the servers it starts, the clients it builds (all
 * with the recognisable {@link ReliabilityFixtures#TOKEN}), and everything the client handed
 * back, kept for {@link SecretLeakTest}. Closing it closes them all.
 */
final class FaultRun implements AutoCloseable {
  /** A scenario of the fault matrix. */
  @FunctionalInterface
  interface Fault {
    void run(FaultRun run) throws Exception;
  }

  final VirtualTime time = new VirtualTime();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<Object> observed = new ArrayList<>();
  private MockWebServer server;

  /** @return a started MockWebServer answering the responses given, in order */
  MockWebServer server(MockResponse... responses) throws IOException {
    if (server == null) {
      server = ReliabilityFixtures.newServer();
      server.start();
      resources.add(server);
    }
    for (MockResponse response : responses) {
      server.enqueue(response);
    }
    return server;
  }

  /** @return a started MockWebServer answering every request with the same response */
  MockWebServer always(MockResponse response) throws IOException {
    MockWebServer started = server();
    started.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return response;
          }
        });
    return started;
  }

  /** @return a started raw server following the script */
  RawServer rawServer(RawServer.Step... script) throws IOException {
    RawServer raw = new RawServer(script);
    resources.add(raw);
    return raw;
  }

  /**
   * @param baseUrl where the client sends
   * @param settings changes to the defaults: exact retries of 3 attempts, no client-side rate
   *     limit, virtual time
   * @return the client, closed with this run
   */
  MarketingEventsClient client(String baseUrl, UnaryOperator<MarketingEventsClient.Builder> settings) {
    MarketingEventsClient client =
        settings
            .apply(
                MarketingEventsClient.builder()
                    .accessToken(ReliabilityFixtures.TOKEN)
                    .baseUrl(baseUrl)
                    .retryPolicy(ReliabilityFixtures.exactRetries(3).build())
                    .rateLimit(RateLimit.none())
                    .timing(time)
                    .jitter(() -> ReliabilityFixtures.HALF))
            .build();
    resources.add(client);
    observed.add(client);
    return client;
  }

  /** @return a client of the MockWebServer, with the given settings */
  MarketingEventsClient client(UnaryOperator<MarketingEventsClient.Builder> settings) throws IOException {
    return client(server().url("/").toString(), settings);
  }

  /** @return an update whose name marks it */
  static MarketingEventUpdate update(String name) {
    return MarketingEventUpdate.builder()
        .eventName(name)
        .customProperty(CustomProperty.number("seats_available", 120))
        .build();
  }

  /** Sends one update that must succeed; keeps the answer. */
  UpdateResponse succeeds(MarketingEventsClient client) {
    UpdateResponse response = client.updateWithResponse("webinar-2026-12-01", "acme-events-4821",
        update("Winter product webinar"), RequestOptions.builder().header("X-Trace", "reliability").build());
    observed.add(response);
    observed.add(response.event());
    observed.add(response.propertyReport());
    observed.add(response.rateLimit());
    return response;
  }

  /** Sends one update that must fail with the given type; keeps the exception. */
  <T extends Throwable> T fails(Class<T> type, MarketingEventsClient client) {
    Throwable thrown = catchThrowable(() -> client.update("webinar-2026-12-01", "acme-events-4821",
        update("Winter product webinar")));
    observed.add(thrown);
    assertThat(thrown).as("the call should fail with %s", type.getSimpleName()).isInstanceOf(type);
    return type.cast(thrown);
  }

  /** Takes the next request the MockWebServer recorded, checking it carried the token. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ReliabilityFixtures.TOKEN);
    return request;
  }

  /** @return what the client handed back in this run: clients, answers, exceptions */
  List<Object> observed() {
    return List.copyOf(observed);
  }

  /** @return the MockWebServer's request count */
  int requests() {
    return server == null ? 0 : server.getRequestCount();
  }

  /**
   * The request count once the server has read {@code expected} requests, or after 5 s. After a
   * client-side timeout the server may read a request later than the client gave up on it.
   */
  int requestsOnceRead(int expected) throws InterruptedException {
    for (int i = 0; i < 100 && requests() < expected; i++) {
      Thread.sleep(50);
    }
    return requests();
  }

  /** Runs a fault scenario in a fresh run. */
  static FaultRun run(Fault fault) throws Exception {
    FaultRun run = new FaultRun();
    try (run) {
      fault.run(run);
    }
    return run;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        if (failure == null) {
          failure = new IOException("could not close " + resources.get(i), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
