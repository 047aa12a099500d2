package dev.eventpatch.hubspot.marketingevents.cli;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code NAME[:TYPE]=VALUE} into a typed custom property. Types: {@code text} (the
 * default), {@code number}, {@code bool}, {@code date} (ISO date), {@code datetime} (ISO instant
 * or offset date-time), {@code multi} (options separated by {@code ;}), {@code clear} (no value)
 * and {@code raw} (sent as is).
 */
final class PropertyArgument {
  static final String TYPES = "text, number, bool, date, datetime, multi, clear, raw";

  private PropertyArgument() {}

  static CustomProperty parse(String argument) {
    int equals = argument.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException(
          "--property '" + argument + "' must look like NAME[:TYPE]=VALUE, such as seats:number=120");
    }
    String key = argument.substring(0, equals);
    String value = argument.substring(equals + 1);
    String name = key;
    String type = "text";
    int colon = key.lastIndexOf(':');
    if (colon >= 0) {
      name = key.substring(0, colon);
      type = key.substring(colon + 1).toLowerCase(Locale.ROOT);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("--property '" + argument + "' has no property name");
    }
    try {
      switch (type) {
        case "text":
          return CustomProperty.text(name, value);
        case "number":
          return CustomProperty.number(name, new BigDecimal(value.trim()));
        case "bool":
        case "boolean":
          return CustomProperty.bool(name, parseBoolean(name, value));
        case "date":
          return CustomProperty.date(name, LocalDate.parse(value.trim()));
        case "datetime":
          return CustomProperty.dateTime(name, parseInstant(value.trim()));
        case "multi":
          return CustomProperty.multiValue(name, value.isEmpty() ? List.of() : List.of(value.split(";", -1)));
        case "clear":
          if (!value.isEmpty()) {
            throw new IllegalArgumentException("--property " + name + ":clear takes no value: write " + name + ":clear=");
          }
          return CustomProperty.clear(name);
        case "raw":
          return CustomProperty.raw(name, value);
        default:
          throw new IllegalArgumentException(
              "--property " + name + ": unknown type '" + type + "'; use one of " + TYPES);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--property " + name + ": '" + value + "' is not a number", e);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--property " + name + ": '" + value + "' is not a valid " + type
              + (type.equals("date") ? " (use YYYY-MM-DD)" : " (use ISO 8601, such as 2026-12-01T09:00:00Z)"),
          e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("--property")) {
        throw e;
      }
      // The library's refusals (a control character in the name, an empty option, a number too
      // long to write) name the property but not the argument: every usage error names it.
      throw new IllegalArgumentException("--property " + name + ": " + e.getMessage(), e);
    }
  }

  static Instant parseInstant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      return OffsetDateTime.parse(value).toInstant();
    }
  }

  private static boolean parseBoolean(String name, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("--property " + name + ": '" + value + "' is not true or false");
  }
}
