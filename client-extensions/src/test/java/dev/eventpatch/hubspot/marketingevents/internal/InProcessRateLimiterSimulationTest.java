package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Closed loops of callers against a simulated HubSpot on virtual time: HubSpot enforces 100
 * requests per rolling 10 s, counted when they arrive, and answers truthful rate-limit headers
 * on two answers in three (the others carry none). Nothing here waits for real: every number is
 * a count of simulated requests, deterministic for a given seed.
 */
class InProcessRateLimiterSimulationTest {
  private static final int LIMIT = 100;
  private static final long WINDOW = Duration.ofSeconds(10).toNanos();
  private static final long RUN = Duration.ofSeconds(60).toNanos();

  @Test
  void aloneOnTheAppTheAdaptiveDefaultNeverOverrunsAWindowAndMatchesAFixedLimitsGoodput() {
    Result fixed = simulate(List.of(RateLimit.fixed(LIMIT, Duration.ofSeconds(10))), 8, 42);
    Result adaptive = simulate(List.of(RateLimit.adaptive()), 8, 42);
    System.out.printf("alone, 60 s, 8 callers: fixed %s; adaptive %s%n", fixed, adaptive);

    for (Result result : List.of(fixed, adaptive)) {
      assertThat(result.maxInAnyWindow).isLessThanOrEqualTo(LIMIT);
      assertThat(result.rejected).isZero();
    }
    // 60 s hold six windows' worth; round trips of up to 0.8 s cost each window a little.
    assertThat(fixed.accepted).isGreaterThanOrEqualTo(500);
    assertThat(adaptive.accepted).isGreaterThanOrEqualTo((int) Math.ceil(0.97 * fixed.accepted));
  }

  @Test
  void twoProcessesOfOneAppShareTheWindowThroughRemainingInsteadOfCollecting429s() {
    RateLimit fixed = RateLimit.fixed(LIMIT, Duration.ofSeconds(10));
    Result twoFixed = simulate(List.of(fixed, fixed), 4, 7);
    Result twoAdaptive = simulate(List.of(RateLimit.adaptive(), RateLimit.adaptive()), 4, 7);
    System.out.printf("two processes, 60 s, 4 callers each: fixed %s; adaptive %s%n", twoFixed, twoAdaptive);

    // HubSpot rejects what overruns its window; each fixed limiter thinks it has the whole app.
    // Adaptive ones still race when both read the same Remaining, so 429s drop without vanishing.
    assertThat(twoAdaptive.rejected).isLessThan(twoFixed.rejected / 2);
    assertThat(twoAdaptive.accepted).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * twoFixed.accepted));
  }

  /** What HubSpot saw and did. */
  record Result(int granted, int accepted, int rejected, int maxInAnyWindow) {
    @Override
    public String toString() {
      return "granted " + granted + ", accepted " + accepted + ", 429s " + rejected
          + ", max arrivals in any 10 s " + maxInAnyWindow;
    }
  }

  /** HubSpot's side of the simulation: the rolling window of one app. */
  private static final class Server {
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final Random random;
    int accepted;
    int rejected;

    Server(Random random) {
      this.random = random;
    }

    /** @return the remaining count after this request, or -1 when it is rejected */
    int arrive(long t) {
      arrivals.add(t);
      while (!window.isEmpty() && t - window.peekFirst() >= WINDOW) {
        window.pollFirst();
      }
      if (window.size() >= LIMIT) {
        rejected++;
        return -1;
      }
      window.addLast(t);
      accepted++;
      return LIMIT - window.size();
    }

    RateLimitStatus headers(int remaining) {
      return random.nextInt(3) == 0 ? Headers.none() : Headers.of(LIMIT, (int) (WINDOW / 1_000_000), remaining);
    }

    int maxInAnyWindow() {
      return FleetSimulation.maxInAnyWindow(arrivals, WINDOW);
    }
  }

  private record Event(long time, long sequence, Runnable action) {}

  private static Result simulate(List<RateLimit> processes, int callersPerProcess, long seed) {
    Random random = new Random(seed);
    VirtualTicker ticker = new VirtualTicker(0);
    Server server = new Server(random);
    PriorityQueue<Event> events =
        new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    long[] sequence = {0};
    int[] granted = {0};
    class Caller {
      final InProcessRateLimiter limiter;

      Caller(InProcessRateLimiter limiter) {
        this.limiter = limiter;
      }

      void at(long time, Runnable action) {
        events.add(new Event(time, sequence[0]++, action));
      }

      long latency() {
        return Duration.ofMillis(20 + random.nextInt(380)).toNanos();
      }

      void attempt() {
        long now = ticker.peek();
        if (now >= RUN) {
          return;
        }
        RateLimitDecision decision = limiter.acquire(Duration.ofMinutes(1));
        if (decision instanceof RateLimitDecision.Wait wait) {
          at(now + wait.duration().toNanos(), this::attempt);
          return;
        }
        var permit = ((RateLimitDecision.Granted) decision).permit();
        granted[0]++;
        long arrival = now + latency();
        at(arrival, () -> {
          int remaining = server.arrive(arrival);
          at(arrival + latency(), () -> {
            if (remaining < 0) {
              limiter.onRateLimited(
                  permit, Optional.of("TEN_SECONDLY_ROLLING"), Optional.empty(), Optional.of("corr"), server.headers(0));
            } else {
              limiter.onAnswer(permit, 200, server.headers(remaining));
            }
            attempt();
          });
        });
      }
    }
    for (RateLimit limit : processes) {
      InProcessRateLimiter limiter = new InProcessRateLimiter(limit, new ClientListener() {}, ticker);
      for (int i = 0; i < callersPerProcess; i++) {
        Caller caller = new Caller(limiter);
        caller.at(0, caller::attempt);
      }
    }
    while (!events.isEmpty()) {
      Event event = events.poll();
      ticker.advanceNanos(event.time - ticker.peek());
      event.action.run();
    }
    return new Result(granted[0], server.accepted, server.rejected, server.maxInAnyWindow());
  }
}
