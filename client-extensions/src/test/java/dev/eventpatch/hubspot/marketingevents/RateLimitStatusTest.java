package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitStatusTest {

  @Test
  void readsHeaderNamesInAnyCaseFromAPlainMap() {
    // As java.net.http and HTTP/2 stacks give them: lower case, in a map that is case-sensitive.
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("x-hubspot-ratelimit-max", List.of("190"));
    headers.put("x-hubspot-ratelimit-remaining", List.of("187"));
    headers.put("x-hubspot-ratelimit-interval-milliseconds", List.of("10000"));
    headers.put("X-HUBSPOT-RATELIMIT-DAILY", List.of("1000000"));

    RateLimitStatus status = RateLimitStatus.fromHeaders(headers);

    assertThat(status.max()).hasValue(190);
    assertThat(status.remaining()).hasValue(187);
    assertThat(status.interval()).hasValue(Duration.ofSeconds(10));
    assertThat(status.daily()).hasValue(1_000_000);
    assertThat(status.dailyRemaining()).isEmpty();
  }

  @Test
  void readsHeaderNamesAsHubSpotWritesThem() {
    RateLimitStatus status =
        RateLimitStatus.fromHeaders(Map.of("X-HubSpot-RateLimit-Secondly-Remaining", List.of(" 9 ")));

    assertThat(status.secondlyRemaining()).hasValue(9);
    assertThat(status.max()).isEmpty();
  }

  @Test
  void ignoresAMalformedValue() {
    RateLimitStatus status = RateLimitStatus.fromHeaders(Map.of("x-hubspot-ratelimit-max", List.of("lots")));

    assertThat(status.max()).isEmpty();
  }
}
