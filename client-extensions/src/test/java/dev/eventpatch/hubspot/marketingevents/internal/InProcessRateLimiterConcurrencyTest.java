package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real threads on a shared virtual ticker, with no timing assertions: every thread reads back the
 * ticker value the limiter used for its grant and its outcome, and the test checks afterwards,
 * from those, that no window ever held more permits than the limit and that none was lost.
 */
class InProcessRateLimiterConcurrencyTest {
  private static final int LIMIT = 20;
  private static final Duration WINDOW = Duration.ofMillis(100);
  private static final int THREADS = 8;
  private static final int PERMITS_PER_THREAD = 500;

  /** A permit's life as the limiter saw it: counted from grant until a window after its outcome. */
  private record Span(long grantedAt, long reportedAt) {}

  @Test
  void manyThreadsNeverPutMoreThanTheLimitInAWindowAndLoseNoPermit() throws Exception {
    VirtualTicker ticker = new VirtualTicker();
    InProcessRateLimiter limiter =
        new InProcessRateLimiter(RateLimit.fixed(LIMIT, WINDOW), new ClientListener() {}, ticker, false);
    ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          start.await();
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int done = 0; done < PERMITS_PER_THREAD; ) {
            RateLimitDecision decision = limiter.acquire(Duration.ofMinutes(1));
            if (decision instanceof RateLimitDecision.Wait wait) {
              // A waiting caller moves shared time on, as a sleeping one would let it pass.
              ticker.advanceNanos(Math.min(wait.duration().toNanos(), 3_000_000));
              continue;
            }
            long grantedAt = ticker.lastReadOnThisThread();
            Permit permit = ((RateLimitDecision.Granted) decision).permit();
            ticker.advanceNanos(random.nextLong(2_000_000)); // the request travels
            switch (random.nextInt(3)) {
              case 0 -> limiter.onAnswer(permit, 200, Headers.none());
              case 1 -> limiter.onNoAnswer(permit);
              default -> limiter.onRateLimited(
                  permit, Optional.of("SECONDLY"), Optional.of(Duration.ofMillis(1)), Optional.empty(), Headers.none());
            }
            spans.add(new Span(grantedAt, ticker.lastReadOnThisThread()));
            done++;
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(spans).hasSize(THREADS * PERMITS_PER_THREAD);
    assertThat(maxCountedAtOnce(spans, WINDOW.toNanos())).isLessThanOrEqualTo(LIMIT);
    // No permit leaked: a window after the last outcome, the whole limit is free again.
    ticker.advance(WINDOW);
    for (int i = 0; i < LIMIT; i++) {
      assertThat(limiter.acquire(Duration.ofMinutes(1))).isInstanceOf(RateLimitDecision.Granted.class);
    }
    assertThat(limiter.acquire(Duration.ofMinutes(1))).isInstanceOf(RateLimitDecision.Wait.class);
  }

  /** The most permits counted at any one instant, each from its grant to a window after its outcome. */
  private static int maxCountedAtOnce(Iterable<Span> spans, long window) {
    List<long[]> edges = new ArrayList<>();
    for (Span span : spans) {
      edges.add(new long[] {span.grantedAt(), +1});
      edges.add(new long[] {span.reportedAt() + window, -1}); // gone exactly a window later
    }
    // At equal times a slot is freed before it is taken again, as the limiter does.
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int counted = 0;
    int max = 0;
    for (long[] edge : edges) {
      counted += (int) edge[1];
      max = Math.max(max, counted);
    }
    return max;
  }
}
