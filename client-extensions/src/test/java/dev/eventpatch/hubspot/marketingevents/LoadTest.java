package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.CountingSleeper;
import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.Received;
import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import dev.eventpatch.hubspot.marketingevents.internal.Threads;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load: 10,000 updates from 32 threads through one client against a local server, without
 * faults and with 10% transient faults, then {@code close()}. Asserts counts, never timings:
 * every update arrives (exactly once without faults), every caller gets its own answer or its
 * own typed exception, the counts add up, and after {@code close()} none of the client's threads
 * and none of its pooled connections remain.
 *
 * <p>Even-numbered updates go through {@code updateWithResponse}, odd-numbered ones through
 * {@code updateWithResponseAsync(...).join()}, so that the client's own thread pool works too.
 * Each update carries its number (event id {@code evt-N}, name {@code u-N}) and the server echoes
 * it, so each caller can tell its answer from another's.
 */
@Tag("reliability")
class LoadTest {
  static final int UPDATES = 10_000;
  static final int THREADS = 32;
  private static final long FAULT_SEED = 20261201L;

  /** What the server does with one attempt. */
  enum Fault {
    NONE,
    /** A 503 with HubSpot's error body, naming the event and the attempt. */
    UNAVAILABLE,
    /** The connection closed before any answer. */
    DROPPED
  }

  /** What one caller got. */
  record Outcome(UpdateResponse response, RuntimeException failure) {}

  @Test
  void tenThousandUpdatesFrom32ThreadsArriveOnceAndEachCallerGetsItsOwnAnswer() throws Exception {
    try (MockWebServer server = ReliabilityFixtures.newServer()) {
      LoadDispatcher dispatcher = new LoadDispatcher(0);
      server.setDispatcher(dispatcher);
      server.start();
      Set<Thread> before = clientThreads();
      CountingSleeper sleeper = new CountingSleeper();
      MarketingEventsClient client = client(server, RateLimit.none(), sleeper);

      Outcome[] outcomes = run(client, UPDATES, THREADS);

      for (int i = 0; i < UPDATES; i++) {
        assertThat(outcomes[i]).as("update %d ended", i).isNotNull();
        assertThat(outcomes[i].failure()).as("update %d failed", i).isNull();
        assertOwnAnswer(i, outcomes[i].response(), 1);
      }
      assertThat(server.getRequestCount()).isEqualTo(UPDATES);
      assertThat(dispatcher.arrivals).hasSize(UPDATES);
      assertThat(dispatcher.arrivals.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      assertThat(sleeper.sleeps.get()).as("no retry, no wait").isZero();
      System.out.printf("Load without faults: %d updates from %d threads, %d arrived once each, %d answers"
          + " each to its own caller%n", UPDATES, THREADS, dispatcher.arrivals.size(), UPDATES);

      assertCloseReleasesEverything(client, before);
    }
  }

  @Test
  void withTenPercentTransientFaultsEveryUpdateIsAppliedOrFailsTypedAndTheCountsAddUp() throws Exception {
    try (MockWebServer server = ReliabilityFixtures.newServer()) {
      LoadDispatcher dispatcher = new LoadDispatcher(10);
      server.setDispatcher(dispatcher);
      server.start();
      Set<Thread> before = clientThreads();
      CountingSleeper sleeper = new CountingSleeper();
      // A limit far above what the run can reach: the limiter is on the path, never in the way.
      MarketingEventsClient client = client(server, RateLimit.adaptiveUpTo(1_000_000, Duration.ofSeconds(1)), sleeper);

      Outcome[] outcomes = run(client, UPDATES, THREADS);

      int applied = 0;
      int appliedAfterRetry = 0;
      int unavailable = 0;
      int dropped = 0;
      int expectedRequests = 0;
      for (int i = 0; i < UPDATES; i++) {
        Outcome outcome = outcomes[i];
        assertThat(outcome).as("update %d ended", i).isNotNull();
        Expected expected = Expected.of(i, 10);
        expectedRequests += expected.attempts();
        assertThat(dispatcher.arrivals.get("evt-" + i)).as("attempts of update %d", i).hasValue(expected.attempts());
        if (expected.last() == Fault.NONE) {
          assertThat(outcome.failure()).as("update %d failed", i).isNull();
          assertOwnAnswer(i, outcome.response(), expected.attempts());
          applied++;
          appliedAfterRetry += expected.attempts() > 1 ? 1 : 0;
        } else if (expected.last() == Fault.UNAVAILABLE) {
          assertThat(outcome.failure()).as("update %d", i).isInstanceOf(ServerException.class);
          ServerException e = (ServerException) outcome.failure();
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.correlationId()).as("its own error").hasValue("corr-evt-" + i + "-3");
          unavailable++;
        } else {
          assertThat(outcome.failure()).as("update %d", i)
              .isInstanceOf(ApiConnectionException.class)
              .hasCauseInstanceOf(java.io.IOException.class);
          dropped++;
        }
      }
      assertThat(applied + unavailable + dropped).isEqualTo(UPDATES);
      assertThat(dispatcher.applied.keySet()).as("every 200 went to the caller that asked")
          .isEqualTo(java.util.stream.IntStream.range(0, UPDATES)
              .filter(i -> outcomes[i].failure() == null)
              .mapToObj(i -> "evt-" + i)
              .collect(Collectors.toSet()));
      assertThat(server.getRequestCount()).isEqualTo(expectedRequests);
      assertThat(sleeper.sleeps.get()).as("one wait per retry").isEqualTo(expectedRequests - UPDATES);
      assertThat(applied).as("most are applied").isGreaterThan(UPDATES * 9 / 10);
      assertThat(unavailable + dropped).as("a few fail all three attempts").isPositive();
      System.out.printf("Load with 10%% faults: %d updates from %d threads, %d requests (%d 503s, %d dropped"
              + " connections); %d applied (%d after retries), %d ServerException, %d ApiConnectionException;"
              + " %d + %d + %d = %d%n",
          UPDATES, THREADS, expectedRequests, dispatcher.faults.get(Fault.UNAVAILABLE).get(),
          dispatcher.faults.get(Fault.DROPPED).get(), applied, appliedAfterRetry, unavailable, dropped, applied,
          unavailable, dropped, applied + unavailable + dropped);

      assertCloseReleasesEverything(client, before);
    }
  }

  // ---- The run ----

  private static MarketingEventsClient client(MockWebServer server, RateLimit rateLimit, CountingSleeper sleeper) {
    return MarketingEventsClient.builder()
        .accessToken(ReliabilityFixtures.TOKEN)
        .baseUrl(server.url("/").toString())
        .rateLimit(rateLimit)
        .maxConcurrentRequests(64)
        // The defaults (3 attempts), with waits counted instead of slept: a clock shared by 32
        // threads would let one call's waits eat another's budget.
        .timing(sleeper)
        .build();
  }

  static MarketingEventUpdate update(int i) {
    return MarketingEventUpdate.builder()
        .eventName("u-" + i)
        .customProperty(CustomProperty.number("sequence", i))
        .build();
  }

  /** Runs updates 0..count-1 from the given number of threads; returns each caller's outcome. */
  static Outcome[] run(MarketingEventsClient client, int count, int threads) throws InterruptedException {
    Outcome[] outcomes = new Outcome[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(threads, r -> new Thread(r, "load-caller"));
    for (int t = 0; t < threads; t++) {
      callers.execute(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          outcomes[i] = call(client, i);
        }
      });
    }
    callers.shutdown();
    assertThat(callers.awaitTermination(2, TimeUnit.MINUTES)).as("the run ended").isTrue();
    return outcomes;
  }

  private static Outcome call(MarketingEventsClient client, int i) {
    try {
      UpdateResponse response = i % 2 == 0
          ? client.updateWithResponse("evt-" + i, "acct-" + (i % 7), update(i), RequestOptions.none())
          : client.updateWithResponseAsync("evt-" + i, "acct-" + (i % 7), update(i), RequestOptions.none()).join();
      return new Outcome(response, null);
    } catch (CompletionException e) {
      return new Outcome(null, e.getCause() instanceof RuntimeException r ? r : e);
    } catch (RuntimeException e) {
      return new Outcome(null, e);
    }
  }

  private static void assertOwnAnswer(int i, UpdateResponse response, int attempts) {
    assertThat(response.event().id()).isEqualTo("hs-evt-" + i);
    assertThat(response.event().eventName()).isEqualTo("u-" + i);
    assertThat(response.event().customProperties().getLong("sequence")).hasValue((long) i);
    assertThat(response.propertyReport().allApplied()).isTrue();
    assertThat(response.attempts()).isEqualTo(attempts);
  }

  // ---- Releasing ----

  /** @return live threads named like the client's own */
  static Set<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(Threads.PREFIX))
        .collect(Collectors.toSet());
  }

  /**
   * Closes the client and counts what it owned: threads started since {@code before} and
   * connections in its pool. OkHttp's process-wide task threads are shared and not counted.
   */
  static void assertCloseReleasesEverything(MarketingEventsClient client, Set<Thread> before)
      throws InterruptedException {
    Set<Thread> started = clientThreads();
    started.removeAll(before);
    assertThat(started).as("the run started threads of the client").isNotEmpty();
    assertThat(client.openConnections()).as("the pool holds connections").isPositive();
    int threadsBeforeClose = started.size();
    int connectionsBeforeClose = client.openConnections();

    client.close();

    // A pool's workers finish as close() returns; give their threads a bounded moment to end.
    for (Thread thread : started) {
      thread.join(5_000);
    }
    Set<Thread> left = clientThreads();
    left.removeAll(before);
    assertThat(left).as("client threads left after close()").isEmpty();
    assertThat(client.openConnections()).as("connections left after close()").isZero();
    System.out.printf("close(): %d client threads and %d pooled connections before, %d and %d after%n",
        threadsBeforeClose, connectionsBeforeClose, left.size(), client.openConnections());
  }

  // ---- Faults, planned ----

  /**
   * What happens to update {@code i} under a fault rate, known in advance: each attempt draws
   * from a generator seeded with the update's number and the attempt's, so the plan does not
   * depend on which thread sends when.
   *
   * @param attempts how many attempts the client makes (3 by default)
   * @param last the fault of the last attempt, {@link Fault#NONE} when it succeeded
   */
  record Expected(int attempts, Fault last) {
    static Expected of(int i, int percent) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        Fault fault = fault(i, attempt, percent);
        if (fault == Fault.NONE || attempt == 3) {
          return new Expected(attempt, fault);
        }
      }
      throw new AssertionError();
    }
  }

  static Fault fault(int i, int attempt, int percent) {
    int draw = new SplittableRandom(FAULT_SEED ^ (i * 31L + attempt) * 0x9E3779B97F4A7C15L).nextInt(200);
    if (draw >= 2 * percent) {
      return Fault.NONE;
    }
    return draw % 2 == 0 ? Fault.UNAVAILABLE : Fault.DROPPED;
  }

  /**
   * Serves the load: decodes each request on the server side, counts its arrivals per event,
   * applies the fault plan, and answers 200 echoing the event's number.
   */
  static final class LoadDispatcher extends Dispatcher {
    final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    final Map<Fault, AtomicInteger> faults = new ConcurrentHashMap<>(
        Map.of(Fault.NONE, new AtomicInteger(), Fault.UNAVAILABLE, new AtomicInteger(), Fault.DROPPED,
            new AtomicInteger()));
    private final int percent;

    LoadDispatcher(int percent) {
      this.percent = percent;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Received received = Received.of(request);
      String eventId = received.eventId();
      int i = Integer.parseInt(eventId.substring("evt-".length()));
      int attempt = arrivals.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
      Fault fault = fault(i, attempt, percent);
      faults.get(fault).incrementAndGet();
      switch (fault) {
        case UNAVAILABLE:
          return ReliabilityFixtures.json(503, ReliabilityFixtures.errorJson(503, "INTERNAL_ERROR", null,
              "corr-" + eventId + "-" + attempt, "Service unavailable")).build();
        case DROPPED:
          return // Dropped once the answer has begun: a failed attempt. (Dropped before any byte of the
          // answer, on a reused connection, it would look like a keep-alive connection the server
          // had closed, which the client resends once without counting an attempt.)
          ReliabilityFixtures.json(200, "{}").onResponseBody(new SocketEffect.CloseSocket()).build();
        default:
          applied.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
          JsonArray properties = received.body().getAsJsonArray("customProperties");
          return ReliabilityFixtures.json(200, ReliabilityFixtures.eventJson("hs-" + eventId,
              received.text("eventName"), "Acme Events", properties)).build();
      }
    }
  }
}
