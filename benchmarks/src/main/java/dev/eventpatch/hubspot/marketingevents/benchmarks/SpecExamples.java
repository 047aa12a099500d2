package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The answers the local servers give, taken from the spec (the single source of truth) as the
 * spec jar ships it: the 200 example of the update operation, and the 429 example.
 */
public final class SpecExamples {
  /** Where the spec jar puts the spec on the class path. */
  public static final String SPEC_RESOURCE = "openapi/marketing-events-update.yaml";

  private static final SpecExamples INSTANCE = load();

  private final byte[] updated;
  private final byte[] tooManyRequests;

  private SpecExamples(byte[] updated, byte[] tooManyRequests) {
    this.updated = updated;
    this.tooManyRequests = tooManyRequests;
  }

  /** @return the examples, read once */
  public static SpecExamples get() {
    return INSTANCE;
  }

  /** @return the 200 example {@code UpdatedEvent}, as compact JSON */
  public byte[] updatedEvent() {
    return updated.clone();
  }

  /** @return the 429 example, as compact JSON */
  public byte[] tooManyRequests() {
    return tooManyRequests.clone();
  }

  @SuppressWarnings("unchecked")
  private static SpecExamples load() {
    Map<String, Object> spec;
    try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the class path (the spec jar)");
      }
      spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The versions of the update share their examples as components; UpdatedEvent is the event
    // without masked values, the same answer at every version the client decodes.
    Object ok = path(spec, "components", "examples", "UpdatedEvent", "value");
    Object tooMany =
        path(spec, "components", "responses", "TooManyRequests", "content", "application/json", "example");
    Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    return new SpecExamples(
        gson.toJson(ok).getBytes(StandardCharsets.UTF_8), gson.toJson(tooMany).getBytes(StandardCharsets.UTF_8));
  }

  private static Object path(Map<String, Object> root, String... keys) {
    Object node = root;
    for (String key : keys) {
      if (!(node instanceof Map)) {
        throw new IllegalStateException("the spec has no " + String.join(" > ", keys));
      }
      node = ((Map<?, ?>) node).get(key);
    }
    if (node == null) {
      throw new IllegalStateException("the spec has no " + String.join(" > ", keys));
    }
    return node;
  }
}
