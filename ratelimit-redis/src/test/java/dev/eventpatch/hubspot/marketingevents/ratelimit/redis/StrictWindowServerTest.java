package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The server the fleet tests count on must see an overrun when there is one: otherwise "the
 * busiest window stays within the limit" would prove nothing. A 10 s window keeps the burst
 * inside one window however slow the machine.
 */
class StrictWindowServerTest {

  @Test
  void countsEveryArrivalAndAnswers429BeyondTheLimitOfItsWindow() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (StrictWindowServer server = new StrictWindowServer(5, Duration.ofSeconds(10))) {
      int tooMany = 0;
      for (int i = 0; i < 8; i++) {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(server.uri("u" + i)).method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429) {
          tooMany++;
          assertThat(response.body()).contains("\"policyName\":\"TEN_SECONDLY_ROLLING\"");
        }
      }

      assertThat(tooMany).isEqualTo(3);
      assertThat(server.rateLimited()).isEqualTo(3);
      assertThat(server.busiestWindow()).isEqualTo(8);
      assertThat(server.succeeded()).isEqualTo(5);
    }
  }
}
