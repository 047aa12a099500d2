package dev.eventpatch.hubspot.marketingevents.contract.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code sl-violations} header in which Prism lists what a request (or its own
 * response) broke in the spec: a JSON array of {@code {location, severity, code, message}}.
 */
public final class SlViolations {

  /** The response header Prism puts its violations in. */
  public static final String HEADER = "sl-violations";

  private SlViolations() {}

  /** One broken rule, such as code {@code type} at {@code [request, body, eventCancelled]}. */
  public record Violation(List<String> location, String severity, String code, String message) {}

  /** The violations in a header value; none for a missing header. */
  public static List<Violation> parse(String headerValue) {
    if (headerValue == null) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (JsonElement element : JsonParser.parseString(headerValue).getAsJsonArray()) {
      JsonObject violation = element.getAsJsonObject();
      List<String> location = new ArrayList<>();
      JsonArray path = violation.getAsJsonArray("location");
      if (path != null) {
        path.forEach(part -> location.add(part.getAsString()));
      }
      violations.add(
          new Violation(
              List.copyOf(location),
              text(violation, "severity"),
              text(violation, "code"),
              text(violation, "message")));
    }
    return List.copyOf(violations);
  }

  private static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
