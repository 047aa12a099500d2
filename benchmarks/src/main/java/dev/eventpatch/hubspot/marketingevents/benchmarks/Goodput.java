package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.testkit.RollingWindow;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Goodput under a rate limit: a local server enforcing a HubSpot-like rolling window gets
 * updates from one or more client processes ({@link GoodputWorker}), and the run reports
 * successful updates per second as a fraction of the limit, the 429 answers the server sent and
 * the updates that failed. Each scenario runs once per client, back to back: the client of this
 * jar ({@code new}) and, with {@code --old-jar}, the client of an older benchmarks jar ({@code
 * old}), whose classes come first on the worker's class path.
 *
 * <p>Scenarios ({@code --scenarios}, comma-separated):
 *
 * <ul>
 *   <li>{@code default-50per1s}: the default configuration, 8 threads, the server at 50 per 1 s
 *       (a short window keeps it quick); the default limiter starts at 100 per 10 s and must
 *       learn the server's limit from the headers;
 *   <li>{@code fixed-100per10s} and {@code default-100per10s}: HubSpot's real lowest tier, 100
 *       per rolling 10 s, with a non-adaptive limiter at that limit and with the default;
 *   <li>{@code default-4proc-100per10s}: 4 processes of 4 threads, each with its own default
 *       limiter, sharing the server's 100 per 10 s.
 * </ul>
 *
 * <p>Usage: {@code Goodput [--old-jar PATH] [--scenarios ...] [--scale 1.0] [--out goodput.json]};
 * {@code --scale} multiplies every scenario's number of updates.
 */
public final class Goodput {
  private Goodput() {}

  /** One scenario: the server's window and the load. */
  record Scenario(String name, int limit, long windowMillis, int updates, int processes, int threads, String clientLimit) {}

  static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

  static {
    add(new Scenario("default-50per1s", 50, 1000, 1000, 1, 8, "default"));
    add(new Scenario("fixed-100per10s", 100, 10_000, 300, 1, 8, "fixed:100:10000"));
    add(new Scenario("default-100per10s", 100, 10_000, 300, 1, 8, "default"));
    add(new Scenario("default-4proc-100per10s", 100, 10_000, 400, 4, 4, "default"));
  }

  private static void add(Scenario s) {
    SCENARIOS.put(s.name(), s);
  }

  /**
   * @param args see the class comment
   * @throws Exception if the server or a worker cannot start, or the output cannot be written
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = Args.parse(args);
    String self = new File(Goodput.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    Map<String, String> clients = new LinkedHashMap<>();
    if (options.containsKey("old-jar")) {
      clients.put("old", options.get("old-jar") + File.pathSeparator + self);
    }
    clients.put("new", self);
    double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
    String names = options.getOrDefault("scenarios", String.join(",", SCENARIOS.keySet()));
    List<Map<String, Object>> results = new ArrayList<>();
    for (String name : names.split(",")) {
      Scenario s = SCENARIOS.get(name);
      if (s == null) {
        throw new IllegalArgumentException("unknown scenario " + name + "; known: " + SCENARIOS.keySet());
      }
      RollingWindow window = new RollingWindow(s.limit(), Duration.ofMillis(s.windowMillis()));
      try (LoopbackServer server = LoopbackServer.start(window, Executors.newFixedThreadPool(16), null)) {
        for (Map.Entry<String, String> client : clients.entrySet()) {
          Thread.sleep(s.windowMillis() + 200); // the previous run's admissions leave the window
          server.resetCounts();
          Map<String, Object> result = run(s, client.getKey(), client.getValue(), server, scale);
          results.add(result);
          System.out.println(result);
        }
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("results", results);
    String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(report);
    if (options.containsKey("out")) {
      Files.writeString(Path.of(options.get("out")), json, StandardCharsets.UTF_8);
    } else {
      System.out.println(json);
    }
  }

  private static Map<String, Object> run(Scenario s, String client, String classPath, LoopbackServer server,
      double scale) throws IOException, InterruptedException {
    int updates = Math.max(s.processes(), (int) Math.round(s.updates() * scale));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    long started = System.nanoTime();
    for (int p = 0; p < s.processes(); p++) {
      int share = updates / s.processes() + (p < updates % s.processes() ? 1 : 0);
      processes.add(new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, GoodputWorker.class.getName(),
          "--base-url", server.baseUrl(), "--updates", Integer.toString(share),
          "--threads", Integer.toString(s.threads()), "--limit", s.clientLimit())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    long succeeded = 0;
    long failed = 0;
    long slowestNanos = 0;
    Map<String, Long> failures = new LinkedHashMap<>();
    boolean pipeline = true;
    List<Map<String, Object>> workers = new ArrayList<>();
    for (Process process : processes) {
      JsonObject line = null;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String text; (text = out.readLine()) != null; ) {
          if (text.startsWith("RESULT ")) {
            line = JsonParser.parseString(text.substring("RESULT ".length())).getAsJsonObject();
          }
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || line == null) {
        process.destroyForcibly();
        throw new IllegalStateException("a goodput worker failed; see its standard error above");
      }
      succeeded += line.get("succeeded").getAsLong();
      failed += line.get("failed").getAsLong();
      slowestNanos = Math.max(slowestNanos, line.get("nanos").getAsLong());
      // Per process, so that one starved process stands out (absent from workers of older jars).
      Map<String, Object> worker = new LinkedHashMap<>();
      worker.put("seconds", round(line.get("nanos").getAsLong() / 1e9, 2));
      if (line.has("callMillis")) {
        line.getAsJsonObject("callMillis").entrySet()
            .forEach(e -> worker.put("call" + e.getKey() + "Millis", e.getValue().getAsLong()));
      }
      workers.add(worker);
      pipeline &= line.get("pipeline").getAsBoolean();
      line.getAsJsonObject("failures").entrySet()
          .forEach(e -> failures.merge(e.getKey(), e.getValue().getAsLong(), Long::sum));
    }
    // From the first worker's first update to the last worker's last: the slowest worker's time
    // (workers start within a JVM start-up of each other; their own clocks exclude it).
    double seconds = slowestNanos / 1e9;
    double perSecond = succeeded / seconds;
    double limitPerSecond = s.limit() * 1000.0 / s.windowMillis();
    long ok = server.okCount();
    long tooMany = server.tooManyCount();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("scenario", s.name());
    result.put("client", client);
    // Whether the client that ran is the 1.0 pipeline: the check that "old" really was old.
    result.put("clientHasPipeline", pipeline);
    result.put("serverLimit", s.limit() + " per " + s.windowMillis() + " ms");
    result.put("clientLimit", s.clientLimit());
    result.put("processes", s.processes());
    result.put("threadsPerProcess", s.threads());
    result.put("updates", updates);
    result.put("succeeded", succeeded);
    result.put("failed", failed);
    result.put("failures", failures);
    result.put("seconds", round(seconds, 2));
    result.put("updatesPerSecond", round(perSecond, 2));
    result.put("fractionOfLimit", round(perSecond / limitPerSecond, 4));
    result.put("requests", ok + tooMany);
    result.put("answers200", ok);
    result.put("answers429", tooMany);
    result.put("share429", round(ok + tooMany == 0 ? 0 : (double) tooMany / (ok + tooMany), 4));
    result.put("workers", workers);
    result.put("wallSeconds", round((System.nanoTime() - started) / 1e9, 2));
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
