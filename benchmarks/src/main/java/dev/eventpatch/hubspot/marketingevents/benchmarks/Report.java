package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the results of one run (JMH's JSON, the goodput and cold-start JSON) into the markdown
 * tables of BENCHMARKS.md, with JMH's 99.9% confidence intervals and the ratios of the goals.
 *
 * <p>A ratio's interval runs from the lowest to the highest quotient the two intervals allow;
 * a goal is <em>met</em> when the whole interval is within it, <em>missed</em> when the whole
 * interval is beyond it, and <em>inside the noise</em> otherwise.
 *
 * <p>Usage: {@code Report --jmh jmh.json --goodput goodput.json --coldstart coldstart.json
 * [--load "before / after"] --out results.md}.
 */
public final class Report {
  private static final String E2E = "EndToEnd.";
  private static final String[] PROPERTIES = {"0", "10", "100"};

  private final Map<String, Metric> time = new LinkedHashMap<>();
  private final Map<String, Metric> alloc = new LinkedHashMap<>();
  private final StringBuilder md = new StringBuilder();
  private final Map<String, JsonObject> settings = new LinkedHashMap<>();

  private Report() {}

  /** A score and its confidence interval. */
  private static final class Metric {
    final double score;
    final double error;
    final double lo;
    final double hi;

    Metric(JsonObject metric) {
      score = metric.get("score").getAsDouble();
      error = number(metric.get("scoreError"));
      JsonArray ci = metric.getAsJsonArray("scoreConfidence");
      lo = number(ci.get(0));
      hi = number(ci.get(1));
    }

    private static double number(JsonElement e) {
      String text = e.getAsString();
      return text.equals("NaN") ? Double.NaN : Double.parseDouble(text);
    }
  }

  /**
   * @param args see the class comment
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = Goodput.Args.parse(args);
    Report report = new Report();
    report.machine(options.get("load"));
    if (options.containsKey("jmh")) {
      report.readJmh(Path.of(options.get("jmh")));
      report.endToEnd();
      report.serialization();
    }
    if (options.containsKey("goodput")) {
      report.goodput(Path.of(options.get("goodput")));
    }
    if (options.containsKey("coldstart")) {
      report.coldStart(Path.of(options.get("coldstart")));
    }
    if (options.containsKey("out")) {
      Files.writeString(Path.of(options.get("out")), report.md, StandardCharsets.UTF_8);
    }
    System.out.print(report.md);
  }

  private void machine(String load) {
    md.append("## Machine\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores visible to the JVM |\n");
    long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    md.append("| Memory | ").append(String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024)))
        .append(" |\n");
    md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(' ').append(System.getProperty("os.arch")).append(" |\n");
    md.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n");
    if (load != null) {
      md.append("| Load average (1, 5, 15 min) before / after the run | ").append(load).append(" |\n");
    }
    md.append('\n');
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Not Linux: the core count still says enough.
    }
    return System.getProperty("os.arch");
  }

  private void readJmh(Path file) throws IOException {
    JsonArray runs = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
    for (JsonElement element : runs) {
      JsonObject run = element.getAsJsonObject();
      String name = run.get("benchmark").getAsString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonObject params = run.getAsJsonObject("params");
      String key = name + (params != null && params.has("customProperties")
          ? "@" + params.get("customProperties").getAsString() : "");
      time.put(key, new Metric(run.getAsJsonObject("primaryMetric")));
      JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
      if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
        alloc.put(key, new Metric(secondary.getAsJsonObject("gc.alloc.rate.norm")));
      }
      settings.putIfAbsent(name.substring(0, name.indexOf('.')), run);
    }
  }

  private void endToEnd() {
    md.append("## End to end\n\n");
    settings("EndToEnd");
    md.append("Scores are averages with JMH's 99.9% error; allocation is `gc.alloc.rate.norm` over every ")
        .append("thread of the JVM, the in-process server's included (S shows that share).\n\n");
    String[][] contenders = {
      {"S_server", "S server+kernel"}, {"A_floor", "A floor"}, {"B_generated", "B generated"},
      {"C_client", "C client"}, {"D_clientAsync16", "D async ×16"}
    };
    md.append("Time per update, µs\n\n| custom properties |");
    for (String[] c : contenders) {
      md.append(' ').append(c[1]).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(contenders.length)).append('\n');
    for (String p : PROPERTIES) {
      md.append("| ").append(p).append(" |");
      for (String[] c : contenders) {
        md.append(' ').append(cell(time.get(E2E + c[0] + "@" + p), 1)).append(" |");
      }
      md.append('\n');
    }
    md.append("\nAllocation per update, bytes\n\n| custom properties |");
    for (String[] c : contenders) {
      md.append(' ').append(c[1]).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(contenders.length)).append('\n');
    for (String p : PROPERTIES) {
      md.append("| ").append(p).append(" |");
      for (String[] c : contenders) {
        md.append(' ').append(cell(alloc.get(E2E + c[0] + "@" + p), 0)).append(" |");
      }
      md.append('\n');
    }
    md.append("\nRatios of the goals (C/A), with the interval the two error bars allow, and the same for ")
        .append("the clients' own share (the server's share S taken off both)\n\n")
        .append("| custom properties | C/A time (goal ≤ 1.10) | C/A allocation (goal ≤ 1.5) | ")
        .append("(C−S)/(A−S) time | (C−S)/(A−S) allocation | B/A time | D/A time |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (String p : PROPERTIES) {
      Metric s = time.get(E2E + "S_server@" + p);
      Metric a = time.get(E2E + "A_floor@" + p);
      Metric c = time.get(E2E + "C_client@" + p);
      Metric sa = alloc.get(E2E + "S_server@" + p);
      Metric aa = alloc.get(E2E + "A_floor@" + p);
      Metric ca = alloc.get(E2E + "C_client@" + p);
      md.append("| ").append(p).append(" | ").append(ratio(c, a, 1.10)).append(" | ")
          .append(ratio(ca, aa, 1.5)).append(" | ").append(netRatio(c, a, s)).append(" | ")
          .append(netRatio(ca, aa, sa)).append(" | ").append(ratio(time.get(E2E + "B_generated@" + p), a, 0))
          .append(" | ").append(ratio(time.get(E2E + "D_clientAsync16@" + p), a, 0)).append(" |\n");
    }
    md.append('\n');
  }

  private void serialization() {
    md.append("## Serialization alone\n\n")
        .append("Update to request body (`Serialization.toBytes_*`), and the answer's bytes to the event ")
        .append("(`Parsing.fromBytes_*`, the spec's example, whatever was sent). C's columns stay empty: ")
        .append("the client's own serialization and decoding are not exported by its module, so C is ")
        .append("measured through its public API, end to end, only.\n\n");
    settings("Serialization");
    md.append("| | A time, µs | C time, µs | C/A time (goal ≤ 1.5) | A allocation, B | C allocation, B ")
        .append("| C/A allocation (goal ≤ 1.5) |\n|---|---|---|---|---|---|---|\n");
    for (String p : PROPERTIES) {
      row("update → bytes, " + p + " custom properties", "Serialization.toBytes_A@" + p, "Serialization.toBytes_C@" + p);
    }
    row("bytes → event", "Parsing.fromBytes_A", "Parsing.fromBytes_C");
    md.append('\n');
  }

  private void settings(String benchmarkClass) {
    JsonObject run = settings.get(benchmarkClass);
    if (run == null) {
      return;
    }
    md.append("JMH ").append(run.get("jmhVersion").getAsString()).append(", ")
        .append(run.get("forks").getAsInt()).append(" forks, ")
        .append(run.get("warmupIterations").getAsInt()).append(" warm-up × ")
        .append(run.get("warmupTime").getAsString()).append(", ")
        .append(run.get("measurementIterations").getAsInt()).append(" measured × ")
        .append(run.get("measurementTime").getAsString()).append(", JVM options `")
        .append(run.get("jvmArgs")).append("`.\n\n");
  }

  private void row(String label, String aKey, String cKey) {
    md.append("| ").append(label).append(" | ").append(cell(time.get(aKey), 2)).append(" | ")
        .append(cell(time.get(cKey), 2)).append(" | ").append(ratio(time.get(cKey), time.get(aKey), 1.5))
        .append(" | ").append(cell(alloc.get(aKey), 0)).append(" | ").append(cell(alloc.get(cKey), 0))
        .append(" | ").append(ratio(alloc.get(cKey), alloc.get(aKey), 1.5)).append(" |\n");
  }

  private static String cell(Metric m, int decimals) {
    if (m == null) {
      return "–";
    }
    String format = "%." + decimals + "f";
    return String.format(Locale.ROOT, format + " ± " + format, m.score, m.error);
  }

  private static String ratio(Metric c, Metric a, double goal) {
    if (c == null || a == null) {
      return "–";
    }
    double r = c.score / a.score;
    double lo = c.lo / a.hi;
    double hi = a.lo > 0 ? c.hi / a.lo : Double.POSITIVE_INFINITY;
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return String.format(Locale.ROOT, "%.2f (no error bar)", r);
    }
    return String.format(Locale.ROOT, "%.2f [%.2f–%s]", r, lo, finite(hi)) + verdict(lo, hi, goal);
  }

  private static String netRatio(Metric c, Metric a, Metric s) {
    if (c == null || a == null || s == null) {
      return "–";
    }
    double r = (c.score - s.score) / (a.score - s.score);
    double lo = (c.lo - s.hi) / (a.hi - s.lo);
    double denominator = a.lo - s.hi;
    double hi = denominator > 0 ? (c.hi - s.lo) / denominator : Double.POSITIVE_INFINITY;
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return String.format(Locale.ROOT, "%.2f (no error bar)", r);
    }
    return String.format(Locale.ROOT, "%.2f [%.2f–%s]", r, lo, finite(hi));
  }

  private static String finite(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "∞";
  }

  private static String verdict(double lo, double hi, double goal) {
    if (goal <= 0) {
      return "";
    }
    if (hi <= goal) {
      return " met";
    }
    if (lo > goal) {
      return " **missed**";
    }
    return " inside the noise";
  }

  private void goodput(Path file) throws IOException {
    JsonObject g = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    md.append("## Goodput under a rate limit\n\n")
        .append("Each scenario runs once per client, back to back, against one local server that admits the")
        .append(" given number of requests in any rolling window and answers 429 with `Retry-After` and the")
        .append(" `X-HubSpot-RateLimit-*` headers beyond. Client processes are separate JVMs.\n\n")
        .append("| scenario | client | server limit | client limit | processes × threads | succeeded | failed ")
        .append("| seconds | updates/s | of the limit | 429 answers | 429 share of requests |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (JsonElement e : g.getAsJsonArray("results")) {
      JsonObject r = e.getAsJsonObject();
      md.append("| ").append(r.get("scenario").getAsString()).append(" | ").append(r.get("client").getAsString())
          .append(" | ").append(r.get("serverLimit").getAsString()).append(" | `")
          .append(r.get("clientLimit").getAsString()).append("` | ").append(r.get("processes").getAsInt())
          .append(" × ").append(r.get("threadsPerProcess").getAsInt()).append(" | ")
          .append(r.get("succeeded").getAsLong()).append(" | ").append(r.get("failed").getAsLong())
          .append(" | ").append(r.get("seconds").getAsDouble()).append(" | ")
          .append(r.get("updatesPerSecond").getAsDouble()).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * r.get("fractionOfLimit").getAsDouble()))
          .append(" | ").append(r.get("answers429").getAsLong()).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f%%", 100 * r.get("share429").getAsDouble())).append(" |\n");
    }
    md.append('\n');
  }

  private void coldStart(Path file) throws IOException {
    JsonObject c = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    md.append("## Cold start\n\n")
        .append("Process start to the first completed update (an update with ")
        .append(c.get("updateCustomProperties").getAsInt()).append(" custom properties) against the local ")
        .append("server, ").append(c.get("runs").getAsInt()).append(" fresh JVMs each, A and C alternating.\n\n")
        .append("| contender | median, ms | mean, ms | stdev | min | max | process exit, median ms |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, JsonElement> e : c.getAsJsonObject("contenders").entrySet()) {
      JsonObject first = e.getValue().getAsJsonObject().getAsJsonObject("firstUpdateMillis");
      JsonObject exit = e.getValue().getAsJsonObject().getAsJsonObject("exitMillis");
      md.append("| ").append(e.getKey()).append(" | ").append(first.get("median")).append(" | ")
          .append(first.get("mean")).append(" | ").append(first.get("stdev")).append(" | ")
          .append(first.get("min")).append(" | ").append(first.get("max")).append(" | ")
          .append(exit.get("median")).append(" |\n");
    }
    md.append("\nC/A: ").append(c.get("ratioMedianCoverA")).append(" (medians), ")
        .append(c.get("ratioMeanCoverA")).append(" (means).\n\n");
  }
}
