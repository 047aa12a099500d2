package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.testkit.RollingWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet benchmark: four separate JVMs ({@link FleetWorker}) send updates to one loopback
 * server that enforces a strict rolling limit with HubSpot's 429 body and headers, in three runs:
 *
 * <ol>
 *   <li>(a) each process with the default in-process limiter, each believing it owns the limit;
 *   <li>(b) all four sharing the Redis limiter;
 *   <li>(c) as (b), with redis-server killed for a few windows mid-run and restarted.
 * </ol>
 *
 * It reports goodput two ways: updates answered 200 per window of the run's span, as a share of
 * the limit (the rate); and as a share of the most a strict rolling window admits in that span,
 * which adds the one full window a client may burst at the start (the stricter one for a short
 * run: a token bucket that starts nearly empty can never take that opening burst). Also the
 * share of 429s among requests, failed updates (calls that threw), fallbacks, the bucket's margin
 * and the machine's load average at the start and end of each run. Needs {@code redis-server} on the
 * PATH.
 *
 * <p>{@code --updates N} per process (default 100), {@code --limit N} (100) per {@code
 * --window-ms MS} (10000), {@code --outage-windows N} (3), {@code --runs abc} (which runs),
 * {@code --out FILE} (JSON).
 */
public final class FleetRun {
  private static final int PROCESSES = 4;
  private static final int THREADS = 4;
  private static final Pattern RESULT =
      Pattern.compile("RESULT ok=(\\d+) tooMany=(\\d+) failed=(\\d+) fallbacks=(\\d+) failures=(\\{.*})");

  private FleetRun() {}

  /** One run's outcome. */
  record Outcome(String name, boolean available, long ok, long tooMany, long failed, long fallbacks,
      double seconds, double goodput, double rate, double tooManyShare, String load) {}

  /**
   * @param args the options
   * @throws Exception if a run cannot start
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = FleetWorker.options(args);
    int updates = Integer.parseInt(options.getOrDefault("updates", "100"));
    int limit = Integer.parseInt(options.getOrDefault("limit", "100"));
    long windowMs = Long.parseLong(options.getOrDefault("window-ms", "10000"));
    int outageWindows = Integer.parseInt(options.getOrDefault("outage-windows", "3"));
    String runs = options.getOrDefault("runs", "abc");
    List<Outcome> outcomes = new ArrayList<>();
    if (runs.contains("a")) {
      outcomes.add(run("a: in-process limiter per process", "in-process", updates, limit, windowMs, -1));
    }
    if (runs.contains("b")) {
      outcomes.add(run("b: shared Redis limiter", "redis", updates, limit, windowMs, -1));
    }
    if (runs.contains("c")) {
      outcomes.add(run("c: shared, Redis killed for " + outageWindows + " windows", "redis", updates, limit,
          windowMs, outageWindows * windowMs));
    }

    // The bucket's margin, as RedisRateLimiter sizes it with its default 500 ms counting delay.
    long capacity = Math.max(1, limit / 50);
    double steady = (double) (limit - capacity) * windowMs / (windowMs + 500) / limit;
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%d processes x %d updates, %d threads each; limit %d per %d ms%n",
        PROCESSES, updates, THREADS, limit, windowMs));
    table.append("| run | goodput: rate (share of the limit) | goodput: share of the span's most | 429s (share of"
        + " requests) | failed updates | fallbacks | seconds | load average (start / end) |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      if (!o.available()) {
        table.append("| ").append(o.name()).append(" | not available on this build | | | | | | |\n");
        continue;
      }
      table.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.2f%% (%d) | %d | %d | %.1f | %s |%n",
          o.name(), 100 * o.rate(), 100 * o.goodput(), 100 * o.tooManyShare(), o.tooMany(), o.failed(),
          o.fallbacks(), o.seconds(), o.load()));
    }
    table.append(String.format(Locale.ROOT,
        "bucket margin: capacity %d, steady grants %.1f%% of the limit (%.1f%% kept back)%n",
        capacity, 100 * steady, 100 * (1 - steady)));
    System.out.print(table);
    String out = options.get("out");
    if (out != null) {
      StringBuilder json = new StringBuilder("{\"limit\":" + limit + ",\"windowMs\":" + windowMs
          + ",\"processes\":" + PROCESSES + ",\"updates\":" + updates + ",\"bucketSteadyShare\":"
          + String.format(Locale.ROOT, "%.4f", steady) + ",\"runs\":[");
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome o = outcomes.get(i);
        json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
            "{\"name\":\"%s\",\"available\":%b,\"ok\":%d,\"tooMany\":%d,\"failed\":%d,\"fallbacks\":%d,"
                + "\"seconds\":%.2f,\"goodput\":%.4f,\"rate\":%.4f,\"tooManyShare\":%.4f,\"load\":\"%s\"}",
            o.name(), o.available(), o.ok(), o.tooMany(), o.failed(), o.fallbacks(), o.seconds(), o.goodput(),
            o.rate(), o.tooManyShare(), o.load()));
      }
      json.append("]}\n");
      Path path = Path.of(out);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, json);
    }
  }

  private static Outcome run(String name, String limiter, int updates, int limit, long windowMs, long outageMs)
      throws Exception {
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    LoopbackServer.RequestRecorder recorder = (method, uri, headers, body) -> {
      long now = System.nanoTime();
      first.compareAndSet(0, now);
      last.set(now);
    };
    RedisProcess redis = limiter.equals("redis") ? RedisProcess.start(freePort()) : null;
    String loadBefore = loadAverage();
    try (LoopbackServer server = LoopbackServer.start(
        new RollingWindow(limit, Duration.ofMillis(windowMs)), Executors.newFixedThreadPool(16), recorder)) {
      String key = "fleet-" + System.nanoTime();
      List<Process> workers = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        Path output = Files.createTempFile("fleet-worker", ".txt");
        outputs.add(output);
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            FleetWorker.class.getName(),
            "--base-url", server.baseUrl(), "--limiter", limiter, "--limit", Integer.toString(limit),
            "--window-ms", Long.toString(windowMs), "--updates", Integer.toString(updates),
            "--threads", Integer.toString(THREADS), "--name", "p" + p, "--processes", Integer.toString(PROCESSES),
            "--key", key));
        if (redis != null) {
          command.addAll(List.of("--redis-uri", "redis://127.0.0.1:" + redis.port));
        }
        workers.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start());
      }
      Thread outage = null;
      if (outageMs > 0 && redis != null) {
        RedisProcess shared = redis;
        outage = new Thread(() -> {
          // Down once the fleet has sent a window's worth, for outageMs, then back on the same port.
          while (server.okCount() < limit && workers.stream().anyMatch(Process::isAlive)) {
            pause(50);
          }
          shared.kill();
          pause(outageMs);
          shared.restart();
        }, "fleet-outage");
        outage.start();
      }
      for (Process worker : workers) {
        if (!worker.waitFor(10, TimeUnit.MINUTES)) {
          worker.destroyForcibly();
        }
      }
      if (outage != null) {
        outage.join();
      }
      long ok = 0;
      long tooMany = 0;
      long failed = 0;
      long fallbacks = 0;
      for (Path output : outputs) {
        String text = Files.readString(output);
        Files.deleteIfExists(output);
        if (text.contains("UNAVAILABLE")) {
          return new Outcome(name, false, 0, 0, 0, 0, 0, 0, 0, 0, "");
        }
        // Why a limiter fell back, for the reader of the run's output.
        text.lines().filter(line -> line.contains("Redis is unavailable")).findFirst()
            .ifPresent(line -> System.err.println(name + ": " + line));
        Matcher m = RESULT.matcher(text);
        if (!m.find()) {
          throw new IllegalStateException("a worker ended without a result:\n" + text);
        }
        ok += Long.parseLong(m.group(1));
        tooMany += Long.parseLong(m.group(2));
        failed += Long.parseLong(m.group(3));
        fallbacks += Long.parseLong(m.group(4));
        if (!m.group(5).equals("{}")) {
          System.err.println(name + ": failed updates by exception: " + m.group(5));
        }
      }
      double seconds = (last.get() - first.get()) / 1e9;
      // Goodput: updates answered 200, as a share of the most a strict rolling window admits
      // between the first request and the last: the limit in every window of the span, plus
      // the one that opens it.
      double windows = seconds * 1000 / windowMs + 1;
      double goodput = server.okCount() / windows / limit;
      double rate = seconds <= 0 ? 0 : server.okCount() / (seconds * 1000 / windowMs) / limit;
      long requests = server.okCount() + server.tooManyCount();
      return new Outcome(name, true, ok, tooMany, failed, fallbacks, seconds, goodput, rate,
          requests == 0 ? 0 : (double) server.tooManyCount() / requests, loadBefore + " / " + loadAverage());
    } finally {
      if (redis != null) {
        redis.kill();
      }
    }
  }

  /** @return the 1-minute load average, or "?" where the system does not say */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A throwaway redis-server on a loopback port, without persistence, that can be killed and restarted. */
  private static final class RedisProcess {
    final int port;
    private Process process;
    private final Thread hook;

    private RedisProcess(int port) {
      this.port = port;
      this.hook = new Thread(this::kill, "fleet-redis-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    static RedisProcess start(int port) throws IOException {
      RedisProcess redis = new RedisProcess(port);
      redis.restart();
      return redis;
    }

    synchronized void restart() {
      try {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "redis-server could not be run (" + e.getMessage() + "): install it (apt-get install -y redis-server)", e);
      }
      for (int i = 0; i < 200 && !answers(); i++) {
        pause(50);
      }
    }

    private boolean answers() {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        return in.read() == '+';
      } catch (IOException e) {
        return false;
      }
    }

    synchronized void kill() {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
