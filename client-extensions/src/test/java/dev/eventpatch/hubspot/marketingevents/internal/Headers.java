package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HubSpot's rate-limit headers of one answer, for tests; null leaves a header out. */
final class Headers {
  private Headers() {}

  static RateLimitStatus none() {
    return RateLimitStatus.fromHeaders(Map.of());
  }

  static RateLimitStatus of(Integer max, Integer intervalMillis, Integer remaining) {
    Map<String, List<String>> headers = new HashMap<>();
    put(headers, "X-HubSpot-RateLimit-Max", max);
    put(headers, "X-HubSpot-RateLimit-Interval-Milliseconds", intervalMillis);
    put(headers, "X-HubSpot-RateLimit-Remaining", remaining);
    return RateLimitStatus.fromHeaders(headers);
  }

  static RateLimitStatus remaining(int remaining) {
    return of(null, null, remaining);
  }

  private static void put(Map<String, List<String>> headers, String name, Integer value) {
    if (value != null) {
      headers.put(name, List.of(String.valueOf(value)));
    }
  }
}
