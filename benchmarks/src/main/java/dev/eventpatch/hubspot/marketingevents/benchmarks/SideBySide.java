package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two JMH result files of the same benchmarks, an older client's ({@code --old}) and
 * this one's ({@code --new}): time and allocation per operation, and new/old ratios with the
 * interval the two error bars allow. Prints a markdown table.
 *
 * <p>Usage: {@code SideBySide --old jmh-old.json --new jmh-new.json}.
 */
public final class SideBySide {
  private SideBySide() {}

  private record Score(double value, double error) {}

  /**
   * @param args see the class comment
   * @throws Exception if a file cannot be read
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = Goodput.Args.parse(args);
    Map<String, Score[]> old = read(Path.of(options.get("old")));
    Map<String, Score[]> young = read(Path.of(options.get("new")));
    StringBuilder md = new StringBuilder(
        "| benchmark | old µs | new µs | new/old time | old B/op | new B/op | new/old allocation |\n"
            + "|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Score[]> e : old.entrySet()) {
      Score[] n = young.get(e.getKey());
      if (n == null) {
        continue;
      }
      Score[] o = e.getValue();
      md.append("| ").append(e.getKey())
          .append(" | ").append(fmt(o[0])).append(" | ").append(fmt(n[0])).append(" | ").append(ratio(n[0], o[0]))
          .append(" | ").append(fmt(o[1])).append(" | ").append(fmt(n[1])).append(" | ").append(ratio(n[1], o[1]))
          .append(" |\n");
    }
    System.out.print(md);
  }

  private static Map<String, Score[]> read(Path file) throws Exception {
    Map<String, Score[]> scores = new LinkedHashMap<>();
    for (JsonElement element : JsonParser.parseString(Files.readString(file)).getAsJsonArray()) {
      JsonObject run = element.getAsJsonObject();
      String name = run.get("benchmark").getAsString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      if (run.has("params")) {
        name += " " + run.getAsJsonObject("params").entrySet().iterator().next().getValue().getAsString();
      }
      JsonObject primary = run.getAsJsonObject("primaryMetric");
      Score time = new Score(primary.get("score").getAsDouble(), error(primary));
      JsonObject alloc = run.getAsJsonObject("secondaryMetrics").getAsJsonObject("gc.alloc.rate.norm");
      Score bytes = alloc == null ? new Score(Double.NaN, 0) : new Score(alloc.get("score").getAsDouble(), error(alloc));
      scores.put(name, new Score[] {time, bytes});
    }
    return scores;
  }

  private static double error(JsonObject metric) {
    JsonElement error = metric.get("scoreError");
    return error == null || !error.isJsonPrimitive() || !error.getAsJsonPrimitive().isNumber() ? 0 : error.getAsDouble();
  }

  private static String fmt(Score s) {
    return String.format(Locale.ROOT, "%.1f ± %.1f", s.value(), s.error());
  }

  private static String ratio(Score top, Score bottom) {
    double low = (top.value() - top.error()) / (bottom.value() + bottom.error());
    double high = bottom.value() - bottom.error() <= 0 ? Double.POSITIVE_INFINITY
        : (top.value() + top.error()) / (bottom.value() - bottom.error());
    return String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", top.value() / bottom.value(), low, high);
  }
}
