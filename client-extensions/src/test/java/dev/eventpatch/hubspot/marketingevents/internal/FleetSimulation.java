package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Processes of one app, each with its own {@link InProcessRateLimiter}, making whole calls
 * against a simulated HubSpot on virtual time, as the benchmarks' multi-process goodput run does
 * for real: HubSpot admits at most {@code limit} requests in any rolling window, counted on
 * arrival, answers the rate-limit headers truthfully, and refuses the rest with a 429 whose
 * {@code Retry-After} is the time until a slot frees, in whole seconds rounded up. A call retries
 * its 429s as the pipeline does (the 429's {@code Retry-After} plus a full-jitter share of a
 * backoff ceiling that doubles with every request, 500 ms first, 20 s at most) until its
 * deadline. Deterministic for a seed; nothing waits for real.
 */
final class FleetSimulation {
  /** What one run produced. */
  record Result(int calls, int failed, int requests, int rejected, int maxInAnyWindow, long[] callNanos) {
    long percentileMillis(double p) {
      long[] sorted = callNanos.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[(int) ((sorted.length - 1) * p)] / 1_000_000;
    }

    double share429() {
      return requests == 0 ? 0 : (double) rejected / requests;
    }

    @Override
    public String toString() {
      return String.format("calls %d, failed %d, requests %d, 429s %d (%.1f%%), max in a window %d, call p50 %d ms,"
              + " p99 %d ms, max %d ms", calls, failed, requests, rejected, 100 * share429(), maxInAnyWindow,
          percentileMillis(0.5), percentileMillis(0.99), percentileMillis(1));
    }
  }

  private final int limit;
  private final long window;
  private final long minLatency;
  private final long maxLatency;
  private final long deadline = Duration.ofSeconds(60).toNanos();

  /**
   * @param limit requests HubSpot admits in any window
   * @param window the window
   * @param minLatency the shortest one-way trip
   * @param maxLatency the longest one-way trip
   */
  FleetSimulation(int limit, Duration window, Duration minLatency, Duration maxLatency) {
    this.limit = limit;
    this.window = window.toNanos();
    this.minLatency = minLatency.toNanos();
    this.maxLatency = maxLatency.toNanos();
  }

  private record Event(long time, long sequence, Runnable action) {}

  /**
   * @param processes the processes, by the limit each one's limiter starts from
   * @param callersPerProcess threads per process, each making calls back to back
   * @param calls calls in all, taken in turn by whichever caller is free
   * @param seed the random seed
   * @return what happened
   */
  Result run(List<RateLimit> processes, int callersPerProcess, int calls, long seed) {
    return run(processes, callersPerProcess, calls, seed, true);
  }

  /**
   * @param paced whether the limiters pace (see {@link InProcessRateLimiter}); false to compare
   */
  Result run(List<RateLimit> processes, int callersPerProcess, int calls, long seed, boolean paced) {
    Random random = new Random(seed);
    VirtualTicker ticker = new VirtualTicker(0);
    PriorityQueue<Event> events = new PriorityQueue<>(
        (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    long[] sequence = {0};
    int[] counts = new int[4]; // calls started, failed, requests, rejected
    ArrayDeque<Long> admitted = new ArrayDeque<>();
    List<Long> arrivals = new ArrayList<>();
    List<Long> durations = new ArrayList<>();

    class Caller {
      final InProcessRateLimiter limiter;
      long callStart;
      int sent;

      Caller(InProcessRateLimiter limiter) {
        this.limiter = limiter;
      }

      void at(long time, Runnable action) {
        events.add(new Event(time, sequence[0]++, action));
      }

      long trip() {
        return minLatency + (long) (random.nextDouble() * (maxLatency - minLatency));
      }

      void nextCall() {
        if (counts[0] >= calls) {
          return;
        }
        counts[0]++;
        callStart = ticker.peek();
        sent = 0;
        attempt();
      }

      void attempt() {
        long now = ticker.peek();
        long left = callStart + deadline - now;
        RateLimitDecision decision = limiter.acquire(Duration.ofNanos(Math.max(0, left)));
        if (decision instanceof RateLimitDecision.Wait wait) {
          if (wait.duration().toNanos() > left) {
            fail(now);
            return;
          }
          // Threads woken together reach the limiter in no particular order, a millisecond apart.
          at(now + wait.duration().toNanos() + (long) (random.nextDouble() * 1_000_000), this::attempt);
          return;
        }
        Permit permit = ((RateLimitDecision.Granted) decision).permit();
        sent++;
        counts[2]++;
        long arrival = now + trip();
        at(arrival, () -> {
          arrivals.add(arrival);
          while (!admitted.isEmpty() && arrival - admitted.peekFirst() >= window) {
            admitted.pollFirst();
          }
          boolean ok = admitted.size() < limit;
          long retryAfterSeconds = 0;
          if (ok) {
            admitted.addLast(arrival);
          } else {
            counts[3]++;
            long free = admitted.peekFirst() + window - arrival;
            retryAfterSeconds = Math.max(1, (free + 999_999_999L) / 1_000_000_000L);
          }
          int remaining = limit - admitted.size();
          long seconds = retryAfterSeconds;
          at(arrival + trip(), () -> answered(permit, ok, remaining, seconds));
        });
      }

      void answered(Permit permit, boolean ok, int remaining, long retryAfterSeconds) {
        long now = ticker.peek();
        var headers = Headers.of(limit, (int) (window / 1_000_000), remaining);
        if (ok) {
          limiter.onAnswer(permit, 200, headers);
          durations.add(now - callStart);
          nextCall();
          return;
        }
        Duration retryAfter = Duration.ofSeconds(retryAfterSeconds);
        limiter.onRateLimited(permit, Optional.of("TEN_SECONDLY_ROLLING"), Optional.of(retryAfter),
            Optional.of("corr"), headers);
        long ceiling = Math.min(20_000, 500L << Math.min(30, sent - 1));
        long delay = retryAfter.toNanos() + (long) (random.nextDouble() * (ceiling + 1)) * 1_000_000;
        if (now + delay >= callStart + deadline) {
          fail(now);
          return;
        }
        at(now + delay, this::attempt);
      }

      void fail(long now) {
        counts[1]++;
        durations.add(now - callStart);
        nextCall();
      }
    }

    for (RateLimit limit : processes) {
      InProcessRateLimiter limiter = new InProcessRateLimiter(limit, new ClientListener() {}, ticker, paced);
      for (int i = 0; i < callersPerProcess; i++) {
        Caller caller = new Caller(limiter);
        // Processes start within a JVM start-up of each other.
        caller.at((long) (random.nextDouble() * 300_000_000L), caller::nextCall);
      }
    }
    while (!events.isEmpty()) {
      Event event = events.poll();
      ticker.advanceNanos(event.time - ticker.peek());
      event.action.run();
    }
    return new Result(counts[0], counts[1], counts[2], counts[3], maxInAnyWindow(arrivals, window),
        durations.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * @param arrivals arrival times in nanoseconds, in any order
   * @param window the window in nanoseconds
   * @return the most arrivals in any window
   */
  static int maxInAnyWindow(List<Long> arrivals, long window) {
    List<Long> sorted = new ArrayList<>(arrivals);
    sorted.sort(null);
    int max = 0;
    for (int first = 0, last = 0; last < sorted.size(); last++) {
      while (sorted.get(last) - sorted.get(first) >= window) {
        first++;
      }
      max = Math.max(max, last - first + 1);
    }
    return max;
  }
}
