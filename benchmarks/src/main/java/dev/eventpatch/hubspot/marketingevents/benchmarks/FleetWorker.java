package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.ratelimit.redis.RedisRateLimiter;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process of the fleet benchmark ({@link FleetRun}): sends its updates to the loopback server
 * through a rate limiter, the in-process one or the shared Redis one, and prints one {@code
 * RESULT} line. It drives the limiter as the client's pipeline does (acquire, wait as told, send,
 * report the answer, retry a 429 or a lost answer); once the client calls the limiter itself,
 * this sends through {@code MarketingEventsClient} instead.
 */
public final class FleetWorker {
  private static final Pattern POLICY = Pattern.compile("\"policyName\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final int MAX_ATTEMPTS = 20;
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger tooMany = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger fallbacks = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private FleetWorker() {}

  /**
   * {@code --base-url URL --limiter in-process|redis [--redis-uri URI --key KEY --processes N]
   * --limit N --window-ms MS --updates N --threads N --name NAME}
   *
   * @param args the options
   * @throws Exception if the run cannot start
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    RateLimit limit = RateLimit.fixed(
        Integer.parseInt(options.get("limit")), Duration.ofMillis(Long.parseLong(options.get("window-ms"))));
    FleetWorker worker = new FleetWorker();
    ClientListener listener = new ClientListener() {
      @Override
      public void limiterFallback(String limiter, boolean fallingBack) {
        if (fallingBack) {
          worker.fallbacks.incrementAndGet();
        }
      }
    };
    RateLimiter limiter;
    try {
      limiter = options.get("limiter").equals("redis")
          ? RedisRateLimiter.builder()
              .redisUri(options.get("redis-uri"))
              .key(options.get("key"))
              .limit(limit)
              .expectedProcesses(Integer.parseInt(options.get("processes")))
              .listener(listener)
              .build()
          : RateLimiter.inProcess(limit);
    } catch (UnsupportedOperationException e) {
      // The in-process limiter is not built on this branch yet.
      System.out.println("UNAVAILABLE " + e.getMessage());
      return;
    }
    try (limiter) {
      worker.run(limiter, options.get("base-url"), options.get("name"),
          Integer.parseInt(options.get("updates")), Integer.parseInt(options.get("threads")));
    }
    System.out.printf("RESULT ok=%d tooMany=%d failed=%d fallbacks=%d%n",
        worker.ok.get(), worker.tooMany.get(), worker.failed.get(), worker.fallbacks.get());
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private void run(RateLimiter limiter, String baseUrl, String name, int updates, int threads)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        for (int u = next.getAndIncrement(); u < updates; u = next.getAndIncrement()) {
          update(limiter, URI.create(baseUrl + "/marketing/v3/marketing-events/events/" + name + "-" + u
              + "?externalAccountId=1"));
        }
      }, name + "-" + t);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join();
    }
  }

  private void update(RateLimiter limiter, URI uri) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; ) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      RateLimitDecision decision = limiter.acquire(Duration.ofNanos(left));
      if (decision instanceof RateLimitDecision.Wait wait) {
        sleep(wait.duration());
        continue;
      }
      if (decision instanceof RateLimitDecision.DailyLimitReached) {
        break;
      }
      RateLimitDecision.Granted granted = (RateLimitDecision.Granted) decision;
      attempt++;
      HttpResponse<String> response;
      try {
        response = http.send(
            HttpRequest.newBuilder(uri)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"eventName\":\"Fleet\"}"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        limiter.onNoAnswer(granted.permit());
        continue;
      } catch (InterruptedException e) {
        limiter.onNoAnswer(granted.permit());
        Thread.currentThread().interrupt();
        break;
      }
      RateLimitStatus headers = RateLimitStatus.fromHeaders(response.headers().map());
      if (response.statusCode() == 429) {
        tooMany.incrementAndGet();
        Matcher policy = POLICY.matcher(response.body());
        limiter.onRateLimited(
            granted.permit(),
            policy.find() ? Optional.of(policy.group(1)) : Optional.empty(),
            response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.trim()))),
            Optional.empty(),
            headers);
        continue;
      }
      limiter.onAnswer(granted.permit(), response.statusCode(), headers);
      if (response.statusCode() / 100 == 2) {
        ok.incrementAndGet();
        return;
      }
    }
    failed.incrementAndGet();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
