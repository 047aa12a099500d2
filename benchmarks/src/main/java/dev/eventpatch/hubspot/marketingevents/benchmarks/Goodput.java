package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.GsonBuilder;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.PropertyCheck;
import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Goodput under a rate limit: a local server enforcing a HubSpot-like rolling window (by
 * default 50 requests per 1 s, HubSpot's is 10 s) gets {@code --updates} updates from {@code
 * --threads} threads through one client, for each configuration:
 *
 * <ul>
 *   <li>{@code retries}: no client-side limiter ({@link RateLimit#none()}), the default retry
 *       policy (which honours {@code Retry-After});
 *   <li>{@code fixed}: the limiter at the server's limit and window, not adaptive;
 *   <li>{@code adaptive}: the client's default, {@link RateLimit#privateAppDefault()} (100 per
 *       10 s, adaptive), which has to learn the server's 50 per 1 s from the rate-limit headers.
 * </ul>
 *
 * <p>Reports successful updates per second as a fraction of the limit, the 429 answers the
 * server sent, and the updates that failed. Usage: {@code Goodput [--updates 2000] [--threads 8]
 * [--limit 50] [--window-ms 1000] [--configs retries,fixed,adaptive] [--out goodput.json]}.
 */
public final class Goodput {
  private Goodput() {}

  /**
   * @param args see the class comment
   * @throws Exception if the server cannot start or the output cannot be written
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = Args.parse(args);
    int updates = Integer.parseInt(options.getOrDefault("updates", "2000"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    int limit = Integer.parseInt(options.getOrDefault("limit", "50"));
    long windowMillis = Long.parseLong(options.getOrDefault("window-ms", "1000"));
    String[] configs = options.getOrDefault("configs", "retries,fixed,adaptive").split(",");

    RollingWindow window = new RollingWindow(limit, windowMillis);
    List<Map<String, Object>> results = new ArrayList<>();
    try (LoopbackServer server =
        LoopbackServer.start(window, Executors.newFixedThreadPool(threads), null)) {
      for (String config : configs) {
        Thread.sleep(windowMillis + 200); // the previous run's admissions leave the window
        server.resetCounts();
        Map<String, Object> result = run(config, server, rateLimit(config, limit, windowMillis), updates,
            threads, limit, windowMillis);
        results.add(result);
        System.out.println(result);
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("updates", updates);
    report.put("threads", threads);
    report.put("limit", limit);
    report.put("windowMillis", windowMillis);
    report.put("results", results);
    String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(report);
    if (options.containsKey("out")) {
      Files.writeString(Path.of(options.get("out")), json, StandardCharsets.UTF_8);
    } else {
      System.out.println(json);
    }
  }

  private static RateLimit rateLimit(String config, int limit, long windowMillis) {
    switch (config) {
      case "retries":
        return RateLimit.none();
      case "fixed":
        return RateLimit.fixed(limit, Duration.ofMillis(windowMillis));
      case "adaptive":
        return RateLimit.adaptive();
      default:
        throw new IllegalArgumentException("unknown configuration " + config);
    }
  }

  private static Map<String, Object> run(
      String config, LoopbackServer server, RateLimit rateLimit, int updates, int threads, int limit,
      long windowMillis) throws InterruptedException, IOException {
    MarketingEventUpdate update = Fixtures.update(10);
    AtomicInteger next = new AtomicInteger();
    LongAdder succeeded = new LongAdder();
    LongAdder failed = new LongAdder();
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    long started;
    long ended;
    try (MarketingEventsClient client =
        MarketingEventsClient.builder()
            .accessToken(Fixtures.TOKEN)
            .baseUrl(server.baseUrl())
            .rateLimit(rateLimit)
            .retryPolicy(RetryPolicy.defaults())
            // The canned answer cannot echo the properties sent; the check would only log.
            .propertyCheck(PropertyCheck.OFF)
            .build()) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            new Thread(
                () -> {
                  while (next.getAndIncrement() < updates) {
                    try {
                      client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
                      succeeded.increment();
                    } catch (RuntimeException e) {
                      failed.increment();
                      failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                  }
                },
                "goodput-" + t));
      }
      started = System.nanoTime();
      workers.forEach(Thread::start);
      for (Thread worker : workers) {
        worker.join();
      }
      ended = System.nanoTime();
    }
    double seconds = (ended - started) / 1e9;
    double perSecond = succeeded.sum() / seconds;
    double limitPerSecond = limit * 1000.0 / windowMillis;
    long ok = server.okCount();
    long tooMany = server.tooManyCount();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("config", config);
    result.put("rateLimit", rateLimit.toString());
    result.put("succeeded", succeeded.sum());
    result.put("failed", failed.sum());
    Map<String, Long> failureKinds = new TreeMap<>();
    failures.forEach((k, v) -> failureKinds.put(k, v.sum()));
    result.put("failures", failureKinds);
    result.put("seconds", round(seconds, 2));
    result.put("updatesPerSecond", round(perSecond, 2));
    result.put("fractionOfLimit", round(perSecond / limitPerSecond, 4));
    result.put("requests", ok + tooMany);
    result.put("answers200", ok);
    result.put("answers429", tooMany);
    result.put("share429", round(ok + tooMany == 0 ? 0 : (double) tooMany / (ok + tooMany), 4));
    return result;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** {@code --name value} options. */
  static final class Args {
    private Args() {}

    static Map<String, String> parse(String[] args) {
      Map<String, String> options = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value, got " + args[i]);
        }
        options.put(args[i].substring(2), args[++i]);
      }
      return options;
    }
  }
}
