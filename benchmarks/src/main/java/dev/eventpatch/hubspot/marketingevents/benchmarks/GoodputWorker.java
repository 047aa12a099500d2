package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.PropertyCheck;
import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RetryPolicy;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One process of a {@link Goodput} run: {@code --updates} updates from {@code --threads} threads
 * through one client against {@code --base-url}, then one line of JSON on standard output.
 *
 * <p>It touches only the API that the client had before the 1.0 pipeline and still has
 * ({@code builder()}, {@code accessToken}, {@code baseUrl}, {@code retryPolicy}, {@code
 * propertyCheck}, {@code update}, {@code CustomProperty.text}), so that the same class runs on
 * the class path of either client: the driver puts the old client's jar first to measure it. The
 * one setting whose factory was renamed, a fixed limit, is reached by reflection.
 *
 * <p>Usage: {@code GoodputWorker --base-url URL --updates N --threads T --limit default|fixed:N:MS}.
 */
public final class GoodputWorker {
  private GoodputWorker() {}

  /**
   * @param args see the class comment
   * @throws Exception if the client cannot be built
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = Goodput.Args.parse(args);
    String baseUrl = options.get("base-url");
    int updates = Integer.parseInt(options.get("updates"));
    int threads = Integer.parseInt(options.get("threads"));
    String limit = options.getOrDefault("limit", "default");

    MarketingEventUpdate.Builder builder = MarketingEventUpdate.builder().eventName("Winter product webinar");
    for (int i = 0; i < 10; i++) {
      builder.customProperty(CustomProperty.text("session_title_" + i, "Session " + i));
    }
    MarketingEventUpdate update = builder.build();

    MarketingEventsClient.Builder client =
        MarketingEventsClient.builder()
            .accessToken(Fixtures.TOKEN)
            .baseUrl(baseUrl)
            .retryPolicy(RetryPolicy.defaults())
            // The canned answer cannot echo the properties sent; the check would only log.
            .propertyCheck(PropertyCheck.OFF);
    if (!limit.equals("default")) {
      String[] parts = limit.split(":");
      client.rateLimit(fixed(Integer.parseInt(parts[1]), Duration.ofMillis(Long.parseLong(parts[2]))));
    }
    AtomicInteger next = new AtomicInteger();
    LongAdder succeeded = new LongAdder();
    LongAdder failed = new LongAdder();
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    Queue<Long> callMillis = new ConcurrentLinkedQueue<>();
    long started;
    long ended;
    try (MarketingEventsClient c = client.build()) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            new Thread(
                () -> {
                  while (next.getAndIncrement() < updates) {
                    long callStarted = System.nanoTime();
                    try {
                      c.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
                      succeeded.increment();
                      callMillis.add((System.nanoTime() - callStarted) / 1_000_000);
                    } catch (RuntimeException e) {
                      failed.increment();
                      failures.computeIfAbsent(kind(e), k -> new LongAdder()).increment();
                      // Why, on standard error: a failed update is what the run is about. The
                      // messages carry no token and no property value.
                      System.err.printf("goodput worker: update failed after %.1f s: %s%n",
                          (System.nanoTime() - callStarted) / 1e9, e);
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
    Map<String, Long> kinds = new TreeMap<>();
    failures.forEach((k, v) -> kinds.put(k, v.sum()));
    StringBuilder json = new StringBuilder("{\"succeeded\":").append(succeeded.sum())
        .append(",\"failed\":").append(failed.sum())
        .append(",\"nanos\":").append(ended - started)
        // Which jar the client came from, so that the report shows old and new were what ran.
        .append(",\"clientJar\":\"").append(new java.io.File(MarketingEventsClient.class.getProtectionDomain()
            .getCodeSource().getLocation().getPath()).getName()).append('"')
        .append(",\"pipeline\":").append(hasPipeline())
        // How long the successful calls took: a limiter that starves one process shows here
        // long before its calls reach the deadline and fail.
        .append(",\"callMillis\":").append(percentiles(callMillis))
        .append(",\"failures\":{");
    String separator = "";
    for (Map.Entry<String, Long> e : kinds.entrySet()) {
      json.append(separator).append('"').append(e.getKey()).append("\":").append(e.getValue());
      separator = ",";
    }
    System.out.println("RESULT " + json.append("}}"));
  }

  /** The 50th, 99th percentile and the longest of the durations, as a JSON object. */
  private static String percentiles(Collection<Long> millis) {
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return "{}";
    }
    return "{\"p50\":" + sorted[(sorted.length - 1) / 2] + ",\"p99\":" + sorted[(int) ((sorted.length - 1) * 0.99)]
        + ",\"max\":" + sorted[sorted.length - 1] + "}";
  }

  /** The exception's simple name, with what was suppressed in it (why a retry was not made). */
  private static String kind(Throwable e) {
    StringBuilder kind = new StringBuilder(e.getClass().getSimpleName());
    for (Throwable suppressed : e.getSuppressed()) {
      kind.append(" + ").append(suppressed.getClass().getSimpleName());
    }
    return kind.toString();
  }

  private static boolean hasPipeline() {
    try {
      Class.forName("dev.eventpatch.hubspot.marketingevents.internal.Pipeline", false,
          MarketingEventsClient.class.getClassLoader());
      // The old jar lacks the class; the new jar behind it on the class path has it, so look
      // at where it would come from.
      return MarketingEventsClient.class.getProtectionDomain().getCodeSource().getLocation()
          .equals(Class.forName("dev.eventpatch.hubspot.marketingevents.internal.Pipeline", false,
              MarketingEventsClient.class.getClassLoader()).getProtectionDomain().getCodeSource().getLocation());
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** {@code RateLimit.fixed(n, window)} on the 1.0 client, {@code RateLimit.of(n, window).withAdaptive(false)} before. */
  private static RateLimit fixed(int requests, Duration window) throws ReflectiveOperationException {
    try {
      Method fixed = RateLimit.class.getMethod("fixed", int.class, Duration.class);
      return (RateLimit) fixed.invoke(null, requests, window);
    } catch (NoSuchMethodException e) {
      Object of = RateLimit.class.getMethod("of", int.class, Duration.class).invoke(null, requests, window);
      return (RateLimit) RateLimit.class.getMethod("withAdaptive", boolean.class).invoke(of, false);
    }
  }
}
