package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.ratelimit.redis.RedisRateLimiter;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One process of the fleet benchmark ({@link FleetRun}): sends its updates to the loopback server
 * through the real {@link MarketingEventsClient}, with its default retry policy and either its
 * default in-process limiter or the shared {@link RedisRateLimiter}, and prints one {@code RESULT}
 * line: updates that succeeded, 429s the client saw, updates that failed (the call threw) and
 * how often the Redis limiter fell back.
 */
public final class FleetWorker {
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger tooMany = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger fallbacks = new AtomicInteger();
  // Why updates failed, by exception class: the class names only, never a message.
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

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
    int limit = Integer.parseInt(options.get("limit"));
    Duration window = Duration.ofMillis(Long.parseLong(options.get("window-ms")));
    FleetWorker worker = new FleetWorker();
    ClientListener listener = new ClientListener() {
      @Override
      public void attemptEnded(String operation, String apiVersion, int attempt, int statusCode, Duration duration) {
        if (statusCode == 429) {
          worker.tooMany.incrementAndGet();
        }
      }

      @Override
      public void limiterFallback(String limiter, boolean fallingBack) {
        if (fallingBack) {
          worker.fallbacks.incrementAndGet();
        }
      }
    };
    MarketingEventsClient.Builder builder = MarketingEventsClient.builder()
        .accessToken(Fixtures.TOKEN)
        .baseUrl(options.get("base-url"))
        .listener(listener);
    if (options.get("limiter").equals("redis")) {
      builder.rateLimiter(RedisRateLimiter.builder()
          .redisUri(options.get("redis-uri"))
          .key(options.get("key"))
          .limit(RateLimit.fixed(limit, window))
          .expectedProcesses(Integer.parseInt(options.get("processes")))
          .listener(listener)
          .build());
    } else {
      // The client's default: adaptive from HubSpot's 100 per 10 s; a scaled run keeps its own
      // window as the ceiling, adaptive below it, as the default is at its own scale.
      builder.rateLimit(limit == 100 && window.equals(Duration.ofSeconds(10))
          ? RateLimit.adaptive()
          : RateLimit.adaptiveUpTo(limit, window));
    }
    try (MarketingEventsClient client = builder.build()) {
      worker.run(client, options.get("name"), Integer.parseInt(options.get("updates")),
          Integer.parseInt(options.get("threads")));
    }
    System.out.printf("RESULT ok=%d tooMany=%d failed=%d fallbacks=%d failures=%s%n",
        worker.ok.get(), worker.tooMany.get(), worker.failed.get(), worker.fallbacks.get(),
        new TreeMap<>(worker.failures));
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

  private void run(MarketingEventsClient client, String name, int updates, int threads)
      throws InterruptedException {
    MarketingEventUpdate update = MarketingEventUpdate.builder().eventName("Fleet").build();
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        for (int u = next.getAndIncrement(); u < updates; u = next.getAndIncrement()) {
          try {
            client.update(name + "-" + u, "1", update);
            ok.incrementAndGet();
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
          }
        }
      }, name + "-" + t);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join();
    }
  }
}
