package dev.eventpatch.hubspot.marketingevents.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.exception.ErrorDetail;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an error answer into the matching typed exception. Lenient by design: the body may be
 * HubSpot's error JSON, its 429 JSON, or anything a proxy sends (HTML, nothing, half a
 * document); whatever can be read is kept, and the status alone picks the exception class.
 */
public final class ErrorDecoder {
  private ErrorDecoder() {}

  /**
   * @param exchange an answer with a status that is not 2xx
   * @param clock for a {@code Retry-After} given as an HTTP date
   * @return the exception to throw
   */
  public static HubSpotApiException decode(Exchange exchange, Clock clock) {
    JsonObject json = parseObject(exchange.body());
    Duration retryAfter = retryAfter(exchange.header("Retry-After"), clock);
    Errors.ErrorFields fields;
    if (json != null) {
      String correlationId = string(json, "correlationId");
      fields =
          new Errors.ErrorFields(
              string(json, "category"),
              string(json, "subCategory"),
              correlationId != null ? correlationId : exchange.correlationId(),
              string(json, "message"),
              details(json.get("errors")),
              context(json.get("context")),
              links(json.get("links")),
              string(json, "errorType"),
              string(json, "policyName"),
              string(json, "requestId"),
              retryAfter);
    } else {
      fields =
          new Errors.ErrorFields(
              null, null, exchange.correlationId(), null, null, null, null, null, null, null, retryAfter);
    }
    return Errors.get().apiError(exchange.statusCode(), fields);
  }

  /**
   * @param value a {@code Retry-After} value: seconds, or an HTTP date
   * @param clock the time source, for a date
   * @return the delay, never negative; null when absent or unreadable
   */
  public static Duration retryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration delay = Duration.ofMillis(when.toInstant().toEpochMilli() - clock.millis());
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private static JsonObject parseObject(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String string(JsonObject json, String name) {
    JsonElement value = json.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static Map<String, List<String>> context(JsonElement element) {
    if (element == null || !element.isJsonObject()) {
      return null;
    }
    Map<String, List<String>> context = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
      List<String> values = new ArrayList<>();
      JsonElement value = entry.getValue();
      if (value.isJsonArray()) {
        for (JsonElement item : value.getAsJsonArray()) {
          if (item.isJsonPrimitive()) {
            values.add(item.getAsString());
          }
        }
      } else if (value.isJsonPrimitive()) {
        values.add(value.getAsString());
      }
      context.put(entry.getKey(), values);
    }
    return context;
  }

  private static Map<String, String> links(JsonElement element) {
    if (element == null || !element.isJsonObject()) {
      return null;
    }
    Map<String, String> links = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
      if (entry.getValue().isJsonPrimitive()) {
        links.put(entry.getKey(), entry.getValue().getAsString());
      }
    }
    return links;
  }

  private static List<ErrorDetail> details(JsonElement element) {
    if (element == null || !element.isJsonArray()) {
      return null;
    }
    List<ErrorDetail> details = new ArrayList<>();
    JsonArray array = element.getAsJsonArray();
    for (JsonElement item : array) {
      if (!item.isJsonObject()) {
        continue;
      }
      JsonObject detail = item.getAsJsonObject();
      String message = string(detail, "message");
      details.add(
          Errors.get().detail(
              message == null ? "" : message,
              string(detail, "code"),
              string(detail, "in"),
              string(detail, "subCategory"),
              context(detail.get("context"))));
    }
    return details;
  }
}
