package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * HubSpot's {@code X-HubSpot-RateLimit-*} headers of one answer. Not every answer carries all of
 * them (OAuth apps get no daily ones), so each is optional.
 */
public final class RateLimitStatus {
  private final Integer max;
  private final Integer remaining;
  private final Duration interval;
  private final Integer secondly;
  private final Integer secondlyRemaining;
  private final Integer daily;
  private final Integer dailyRemaining;

  private RateLimitStatus(Function<String, String> header) {
    max = integer(header, "X-HubSpot-RateLimit-Max");
    remaining = integer(header, "X-HubSpot-RateLimit-Remaining");
    Integer millis = integer(header, "X-HubSpot-RateLimit-Interval-Milliseconds");
    interval = millis == null || millis <= 0 ? null : Duration.ofMillis(millis);
    secondly = integer(header, "X-HubSpot-RateLimit-Secondly");
    secondlyRemaining = integer(header, "X-HubSpot-RateLimit-Secondly-Remaining");
    daily = integer(header, "X-HubSpot-RateLimit-Daily");
    dailyRemaining = integer(header, "X-HubSpot-RateLimit-Daily-Remaining");
  }

  /**
   * @param headers response headers; names are matched whatever their case, also in a map that
   *     is case-sensitive (HTTP/2 stacks give them in lower case)
   * @return what they say of rate limits
   */
  public static RateLimitStatus fromHeaders(Map<String, List<String>> headers) {
    return new RateLimitStatus(
        name -> {
          List<String> values = headers.get(name);
          if (values == null) {
            // A case-sensitive map of the caller's; in the client's own map, which ignores case, a
            // miss means the header is absent, and the scan costs a few string comparisons.
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
              if (name.equalsIgnoreCase(entry.getKey())) {
                values = entry.getValue();
                break;
              }
            }
          }
          return values == null || values.isEmpty() ? null : values.get(0);
        });
  }

  private static Integer integer(Function<String, String> header, String name) {
    String value = header.apply(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException ignored) {
      // A malformed header says nothing; the client must not fail over it.
      return null;
    }
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /** @return requests allowed per interval */
  public OptionalInt max() {
    return optional(max);
  }

  /** @return requests left in the current interval */
  public OptionalInt remaining() {
    return optional(remaining);
  }

  /** @return the length of the interval */
  public Optional<Duration> interval() {
    return Optional.ofNullable(interval);
  }

  /** @return requests allowed per second */
  public OptionalInt secondly() {
    return optional(secondly);
  }

  /** @return requests left in the current second */
  public OptionalInt secondlyRemaining() {
    return optional(secondlyRemaining);
  }

  /** @return requests allowed per day */
  public OptionalInt daily() {
    return optional(daily);
  }

  /** @return requests left today */
  public OptionalInt dailyRemaining() {
    return optional(dailyRemaining);
  }

  @Override
  public String toString() {
    return "RateLimitStatus{max=" + max + ", remaining=" + remaining + ", interval=" + interval
        + ", daily=" + daily + ", dailyRemaining=" + dailyRemaining + "}";
  }
}
