package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's limiter paces calls instead of collecting 429s, on a virtual clock. */
class RateLimitingTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private MarketingEventsClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private MarketingEventsClient client(RateLimit limit) {
    client =
        MarketingEventsClient.builder()
            .accessToken("test-token-not-real")
            .baseUrl(server.url("/").toString())
            .rateLimit(limit)
            .timing(time)
            .build();
    return client;
  }

  private static MarketingEventUpdate update() {
    return MarketingEventUpdate.builder().eventName("x").build();
  }

  @Test
  void waitsOnceTheLimitIsReachedInsteadOfSending() {
    MarketingEventsClient c = client(RateLimit.fixed(2, Duration.ofSeconds(10)));
    for (int i = 0; i < 3; i++) {
      server.enqueue(Responses.event());
    }

    c.update("e", "a", update());
    c.update("e", "a", update());
    c.update("e", "a", update());

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void followsTheRateLimitHeadersHubSpotSends() {
    MarketingEventsClient c = client(RateLimit.adaptive());
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          Responses.event().newBuilder()
              .addHeader("X-HubSpot-RateLimit-Max", "2")
              .addHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "1000")
              .addHeader("X-HubSpot-RateLimit-Remaining", String.valueOf(1 - i))
              .build());
    }

    c.update("e", "a", update());
    c.update("e", "a", update());
    c.update("e", "a", update());

    // The default 100 per 10 s would have sent all three at once; HubSpot said 2 per second.
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a429PausesTheLimiterForItsRetryAfter() {
    MarketingEventsClient c = client(RateLimit.adaptive());
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", "2"));
    server.enqueue(Responses.event());

    UpdateResponse response =
        c.updateWithResponse("e", "a", update(), RequestOptions.none());

    assertThat(response.attempts()).isEqualTo(2);
    // The retry waits its own Retry-After; the limiter then finds the pause over.
    assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(time.totalSlept()).isLessThan(Duration.ofSeconds(3));
  }
}
