package dev.eventpatch.hubspot.marketingevents.testkit;

import static dev.eventpatch.hubspot.marketingevents.testkit.Http.V3;
import static dev.eventpatch.hubspot.marketingevents.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final String PATH = V3 + "e1?externalAccountId=a1";
  private static final String BODY = "{\"customProperties\":[]}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private HubSpotFake fake;

  @BeforeEach
  void start() {
    fake = HubSpotFake.builder().clock(clock).rateLimit(3, Duration.ofSeconds(10)).start();
    fake.givenEvent("a1", "e1");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void tellsTheTruthInTheHeadersThenRefusesWithRetryAfter() {
    for (int expected = 2; expected >= 0; expected--) {
      HttpResponse<String> r = Http.send(fake, PATH, BODY, "Bearer app-one");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Max")).contains("3");
      assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains(Integer.toString(expected));
      assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")).contains("10000");
    }
    clock.advance(Duration.ofMillis(2_500));

    HttpResponse<String> refused = Http.send(fake, PATH, BODY, "Bearer app-one");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(refused.headers().firstValue("Retry-After")).contains("8");
    assertThat(refused.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("0");
    HubSpotFakeTest.assertAnswerKeepsToTheSpec(refused);
  }

  @Test
  void countsEachAppSeparatelyAndRollsOn() {
    for (int i = 0; i < 3; i++) {
      Http.send(fake, PATH, BODY, "Bearer app-one");
    }

    assertThat(Http.send(fake, PATH, BODY, "Bearer app-one").statusCode()).isEqualTo(429);
    assertThat(Http.send(fake, PATH, BODY, "Bearer app-two").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(10));
    assertThat(Http.send(fake, PATH, BODY, "Bearer app-one").statusCode()).isEqualTo(200);
  }

  @Test
  void countsRequestsThatBreakTheSpecAsHubSpotDoes() {
    // The limit is checked before the body: a bad request still costs a slot.
    HttpResponse<String> bad = Http.send(fake, PATH, "{}", "Bearer app-one");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("2");
  }

  @Test
  void aRequestWithoutTokenNeverReachesTheLimit() {
    HttpResponse<String> r = Http.send(fake, PATH, BODY, null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("X-HubSpot-RateLimit-Remaining")).isEmpty();
  }
}
