package dev.eventpatch.hubspot.marketingevents.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How HubSpot checks and stores a custom property value of each kind. */
final class PropertyValues {
  private static final long DAY_MILLIS = 86_400_000L;

  private PropertyValues() {}

  /**
   * @return the value as HubSpot stores and returns it
   * @throws IllegalArgumentException with HubSpot's reason if HubSpot would refuse it
   */
  static String store(PropertyKind kind, String value) {
    if (value.isEmpty()) {
      // An empty value clears a property of any kind.
      return value;
    }
    switch (kind) {
      case NUMBER:
        try {
          new BigDecimal(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(value + " is not a valid number");
        }
        return value;
      case BOOLEAN: {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new IllegalArgumentException(value + " is not a valid boolean (true or false)");
        }
        return lower;
      }
      case DATE: {
        long millis = epochMillis(value, "date");
        long rest = Math.floorMod(millis, DAY_MILLIS);
        if (rest != 0) {
          throw new IllegalArgumentException(
              value + " is not midnight UTC (it is " + Instant.ofEpochMilli(millis) + "); a date property takes"
                  + " the epoch milliseconds of midnight UTC of its day");
        }
        return value;
      }
      case DATETIME:
        if (value.chars().allMatch(Character::isDigit)) {
          return Instant.ofEpochMilli(epochMillis(value, "date-time")).toString();
        }
        try {
          return OffsetDateTime.parse(value).toInstant().toString();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(value + " is not a valid date-time (epoch milliseconds or ISO 8601)");
        }
      default:
        return value;
    }
  }

  /** @return HubSpot's code of a refused value of this kind */
  static String code(PropertyKind kind) {
    switch (kind) {
      case NUMBER:
        return "INVALID_DECIMAL";
      case BOOLEAN:
        return "INVALID_BOOLEAN";
      case DATE:
        return "INVALID_DATE";
      case DATETIME:
        return "INVALID_DATETIME";
      default:
        return "INVALID_OPTION";
    }
  }

  private static long epochMillis(String value, String what) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(value + " is not a valid " + what + " (epoch milliseconds)");
    }
  }
}
