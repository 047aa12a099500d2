package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.GsonBuilder;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: from process start to the first completed update against a local server, for A
 * and C, over repeated runs of a fresh JVM.
 *
 * <p>{@code ColdStart driver [--runs 10] [--out coldstart.json]} starts the loopback server in
 * its own JVM, then launches {@code ColdStart A URL} and {@code ColdStart C URL} alternately
 * (A first in even rounds, C first in odd ones), with the same java and class path. The driver
 * reads the wall clock just before it starts the process; the child prints the wall clock
 * right after its first update returned; the difference is the cold start. Both children
 * build the same {@link MarketingEventUpdate} (the input, not the client); A never loads the
 * extensions client.
 */
public final class ColdStart {
  private static final String DONE = "first-update-done-at-epoch-nanos ";

  private ColdStart() {}

  /**
   * @param args {@code driver [--runs N] [--out FILE]}, or {@code A URL} / {@code C URL}
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && (args[0].equals("A") || args[0].equals("C"))) {
      child(args[0], args[1]);
      return;
    }
    if (args.length >= 1 && args[0].equals("driver")) {
      driver(Goodput.Args.parse(Arrays.copyOfRange(args, 1, args.length)));
      return;
    }
    throw new IllegalArgumentException("usage: ColdStart driver [--runs N] [--out FILE] | ColdStart A|C URL");
  }

  private static void child(String contender, String baseUrl) throws IOException {
    MarketingEventUpdate update = Fixtures.update(10);
    if (contender.equals("A")) {
      try (FloorClient client = new FloorClient(baseUrl, Fixtures.TOKEN)) {
        client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
        done();
      }
    } else {
      try (MarketingEventsClient client = EndToEnd.extensionsClient(baseUrl)) {
        client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
        done();
      }
    }
    System.exit(0);
  }

  private static void done() {
    System.out.println(DONE + epochNanos(Instant.now()));
    System.out.flush();
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static void driver(Map<String, String> options) throws Exception {
    int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    Map<String, List<Double>> toFirstUpdate = new LinkedHashMap<>();
    Map<String, List<Double>> toExit = new LinkedHashMap<>();
    for (String c : new String[] {"A", "C"}) {
      toFirstUpdate.put(c, new ArrayList<>());
      toExit.put(c, new ArrayList<>());
    }
    try (LoopbackServer server = LoopbackServer.start()) {
      // One unmeasured run of each, so that both find the jar in the page cache.
      launch(java, classPath, "A", server.baseUrl());
      launch(java, classPath, "C", server.baseUrl());
      for (int run = 0; run < runs; run++) {
        String[] order = run % 2 == 0 ? new String[] {"A", "C"} : new String[] {"C", "A"};
        for (String contender : order) {
          double[] millis = launch(java, classPath, contender, server.baseUrl());
          toFirstUpdate.get(contender).add(millis[0]);
          toExit.get(contender).add(millis[1]);
          System.out.printf("run %d %s: first update after %.1f ms, exit after %.1f ms%n", run + 1, contender,
              millis[0], millis[1]);
        }
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("runs", runs);
    report.put("updateCustomProperties", 10);
    Map<String, Object> contenders = new LinkedHashMap<>();
    for (String c : toFirstUpdate.keySet()) {
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("firstUpdateMillis", stats(toFirstUpdate.get(c)));
      stats.put("exitMillis", stats(toExit.get(c)));
      stats.put("samplesFirstUpdateMillis", toFirstUpdate.get(c));
      contenders.put(c, stats);
    }
    report.put("contenders", contenders);
    double ratioMedian = median(toFirstUpdate.get("C")) / median(toFirstUpdate.get("A"));
    double ratioMean = mean(toFirstUpdate.get("C")) / mean(toFirstUpdate.get("A"));
    report.put("ratioMedianCoverA", Math.round(ratioMedian * 1000) / 1000.0);
    report.put("ratioMeanCoverA", Math.round(ratioMean * 1000) / 1000.0);
    String json = new GsonBuilder().setPrettyPrinting().create().toJson(report);
    System.out.printf("C/A, medians of first update: %.3f%n", ratioMedian);
    if (options.containsKey("out")) {
      Files.writeString(Path.of(options.get("out")), json, StandardCharsets.UTF_8);
    } else {
      System.out.println(json);
    }
  }

  /** @return milliseconds to the first update and to the process's exit */
  private static double[] launch(String java, String classPath, String contender, String baseUrl)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", classPath, ColdStart.class.getName(), contender, baseUrl)
            .redirectErrorStream(true);
    long startNanos = System.nanoTime();
    long startEpochNanos = epochNanos(Instant.now());
    Process process = builder.start();
    Long doneEpochNanos = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(DONE)) {
          doneEpochNanos = Long.parseLong(line.substring(DONE.length()).trim());
        } else {
          output.append(line).append('\n');
        }
      }
    }
    int exit = process.waitFor();
    long exitNanos = System.nanoTime();
    if (exit != 0 || doneEpochNanos == null) {
      throw new IllegalStateException(contender + " failed (exit " + exit + "):\n" + output);
    }
    return new double[] {(doneEpochNanos - startEpochNanos) / 1e6, (exitNanos - startNanos) / 1e6};
  }

  private static Map<String, Object> stats(List<Double> values) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("median", round(median(values)));
    stats.put("mean", round(mean(values)));
    stats.put("stdev", round(stdev(values)));
    stats.put("min", round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
    stats.put("max", round(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    return stats;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  static double stdev(List<Double> values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return values.size() < 2 ? 0 : Math.sqrt(sum / (values.size() - 1));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
