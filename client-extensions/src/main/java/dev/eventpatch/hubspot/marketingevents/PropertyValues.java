package dev.eventpatch.hubspot.marketingevents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;

/** Parsing and comparing property values by their HubSpot conventions. */
final class PropertyValues {
  private PropertyValues() {}

  private static final Instant FIRST_RFC3339 = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST_RFC3339 = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * Refuses text that is not well-formed UTF-16. An unpaired surrogate has no UTF-8 encoding:
   * the request would carry {@code ?} in its place, silently changing the value.
   */
  static String requireWellFormed(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            field + " is not well-formed Unicode: an unpaired surrogate at index " + i + " would be sent as '?'");
      }
    }
    return text;
  }

  /** RFC 3339 date-times, HubSpot's format, have four-digit years: 0001 to 9999. */
  static Instant requireRfc3339Year(String field, Instant instant) {
    if (instant == null) {
      throw new NullPointerException(field + " == null");
    }
    if (instant.isBefore(FIRST_RFC3339) || instant.isAfter(LAST_RFC3339)) {
      throw new IllegalArgumentException(
          field + " must be between years 0001 and 9999, got " + instant);
    }
    return instant;
  }

  /** Epoch milliseconds, or ISO 8601 with an offset, or a local ISO date-time taken as UTC. */
  static Instant parseInstant(String raw) {
    String text = raw.trim();
    if (isInteger(text)) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      return Instant.parse(text);
    }
  }

  /** Epoch milliseconds of midnight UTC, or an ISO 8601 date, or an ISO date-time at midnight UTC. */
  static LocalDate parseDate(String raw) {
    String text = raw.trim();
    if (!isInteger(text) && text.length() == 10) {
      return LocalDate.parse(text);
    }
    Instant instant = parseInstant(text);
    LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
    if (!date.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant)) {
      throw new IllegalArgumentException("not midnight UTC: " + instant);
    }
    return date;
  }

  /** Whether a returned value means the same as the one sent, by the sent value's type. */
  static boolean sameValue(CustomProperty property, String returned) {
    String sent = property.value();
    if (sent.equals(returned)) {
      return true;
    }
    if (property.isClear()) {
      return returned.isEmpty();
    }
    PropertyType type = property.typeOrNull();
    if (type == null) {
      return false; // a raw value is compared as text
    }
    try {
      switch (type) {
        case NUMBER:
          return new BigDecimal(sent).compareTo(new BigDecimal(returned.trim())) == 0;
        case BOOLEAN:
          return sent.equalsIgnoreCase(returned.trim());
        case DATE:
          return parseDate(sent).equals(parseDate(returned));
        case DATE_TIME:
          return parseInstant(sent).equals(parseInstant(returned));
        case MULTI_VALUE:
          return new HashSet<>(split(sent)).equals(new HashSet<>(split(returned)));
        default:
          return false;
      }
    } catch (RuntimeException unparseable) {
      return false;
    }
  }

  private static List<String> split(String value) {
    return value.isEmpty() ? List.of() : List.of(value.split(";", -1));
  }

  private static boolean isInteger(String text) {
    if (text.isEmpty()) {
      return false;
    }
    int start = text.charAt(0) == '-' ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
