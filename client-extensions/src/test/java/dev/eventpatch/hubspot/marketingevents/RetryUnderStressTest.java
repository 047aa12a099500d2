package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.internal.CallContext;
import dev.eventpatch.hubspot.marketingevents.internal.Timing;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Backoff jitter drawn per thread, with no random source in the public API. */
class RetryUnderStressTest {
  /** Real monotonic time; each wait is recorded and returns at once. */
  private static final class RecordingWaits implements Timing {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Clock wallClock() {
      return Clock.systemUTC();
    }

    @Override
    public void sleep(long nanos, CallContext call) {
      waits.add(Duration.ofNanos(nanos));
    }
  }

  @Test
  void concurrentRetriesDrawTheirOwnJitterWithinTheBackoffCeiling() throws Exception {
    // Each event's first request fails with 503, its second succeeds.
    Set<String> seen = ConcurrentHashMap.newKeySet();
    RecordingWaits timing = new RecordingWaits();
    try (MockWebServer server = ReliabilityFixtures.newServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return seen.add(request.getTarget()) ? Responses.error(503, "INTERNAL_ERROR") : Responses.event();
        }
      });
      server.start();
      ExecutorService threads = Executors.newFixedThreadPool(16);
      try (MarketingEventsClient client = MarketingEventsClient.builder()
          .accessToken("test-token-not-real")
          .baseUrl(server.url("/").toString())
          .rateLimit(RateLimit.none())
          .propertyCheck(PropertyCheck.OFF)
          .timing(timing) // the jitter is the client's default, not a test seam
          .build()) {
        List<Future<MarketingEvent>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          String id = "event-" + i;
          calls.add(threads.submit(() -> client.update(id, "a", MarketingEventUpdate.builder().eventName("x").build())));
        }
        for (Future<MarketingEvent> call : calls) {
          call.get();
        }
      } finally {
        threads.shutdownNow();
      }
    }
    assertThat(timing.waits).hasSize(64)
        .allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, Duration.ofMillis(500)));
    // Full jitter over 501 values: 64 draws that were all equal would mean one shared draw.
    assertThat(new HashSet<>(timing.waits)).hasSizeGreaterThan(8);
  }

  @Test
  void noPublicBuilderTakesARandomSource() {
    for (Class<?> type : List.of(RetryPolicy.Builder.class, MarketingEventsClient.Builder.class)) {
      for (Method method : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers())) {
          continue;
        }
        assertThat(method.getName()).as("%s.%s", type.getSimpleName(), method.getName())
            .isNotIn("random", "jitter", "timing", "sleeper", "clock");
        assertThat(method.getParameterTypes()).doesNotContain(Random.class);
      }
    }
  }
}
