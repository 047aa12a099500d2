package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry rules, on a virtual clock: no test sleeps. */
class RetryTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private MarketingEventsClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  /** Jitter always at its ceiling unless a test says otherwise, so waits are predictable. */
  private double jitter = 0.999999;
  private Duration callTimeout = Duration.ofSeconds(60);

  private static RetryPolicy.Builder policy() {
    return RetryPolicy.builder();
  }

  private UpdateResponse update(RetryPolicy policy) {
    return update(policy, server.url("/").toString());
  }

  private UpdateResponse update(RetryPolicy policy, String baseUrl) {
    client =
        MarketingEventsClient.builder()
            .accessToken("test-token-not-real")
            .baseUrl(baseUrl)
            .retryPolicy(policy)
            .rateLimit(RateLimit.none())
            .timing(time)
            .jitter(() -> jitter)
            .callTimeout(callTimeout)
            .build();
    return client.updateWithResponse(
        "e", "a", MarketingEventUpdate.builder().eventName("x").build(), RequestOptions.none());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void retriesTransientServerErrorsThenSucceeds(int status) {
    server.enqueue(Responses.error(status, "INTERNAL_ERROR"));
    server.enqueue(Responses.event());

    UpdateResponse response = update(policy().build());

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void backoffDoublesUpToTheCap() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Responses.error(503, "UNAVAILABLE"));
    }
    server.enqueue(Responses.event());

    update(policy().maxAttempts(5).baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(3)).build());

    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void fullJitterDrawsEachWaitBetweenZeroAndTheCeiling() {
    server.enqueue(Responses.error(503, "UNAVAILABLE"));
    server.enqueue(Responses.error(503, "UNAVAILABLE"));
    server.enqueue(Responses.event());

    jitter = 0.25;
    update(RetryPolicy.builder().baseDelay(Duration.ofMillis(1000)).build());

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastError() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(Responses.error(503, "UNAVAILABLE"));
    }

    assertThatThrownBy(() -> update(policy().maxAttempts(3).build()))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("503");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void givesUpWhenTheNextWaitWouldOverrunTheCallsDeadline() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(Responses.error(503, "UNAVAILABLE"));
    }

    callTimeout = Duration.ofSeconds(10);
    assertThatThrownBy(
            () -> update(policy().maxAttempts(10).baseDelay(Duration.ofSeconds(4)).maxDelay(Duration.ofSeconds(20))
                .build()))
        .isInstanceOf(ServerException.class);
    // 4 s then 8 s would reach 12 s > 10 s: one retry only.
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void honoursRetryAfterInSeconds() {
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", "7"));
    server.enqueue(Responses.event());

    UpdateResponse response = update(policy().build());

    assertThat(response.attempts()).isEqualTo(2);
    // Retry-After, plus the backoff on top that spreads the calls it held: 0.999999 * 501 ms.
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(7500));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    String inFiveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(5).atZone(ZoneOffset.UTC));
    server.enqueue(Responses.rateLimited("SECONDLY", inFiveSeconds));
    server.enqueue(Responses.event());

    update(policy().build());

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(5500));
  }

  @Test
  void retriesA429WithoutRetryAfterOnBackoff() {
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", null));
    server.enqueue(Responses.event());

    update(policy().build());

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void neverRetriesTheDailyLimit() {
    server.enqueue(Responses.rateLimited("DAILY", "3600"));
    server.enqueue(Responses.event());

    assertThatThrownBy(() -> update(policy().build()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.isDailyLimit()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void givesUpWhenRetryAfterIsLongerThanTheLongestWait() {
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", "120"));

    assertThatThrownBy(() -> update(policy().build()))
        .isInstanceOfSatisfying(
            RateLimitException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void neverRetriesClientErrors(int status) {
    server.enqueue(Responses.error(status, "ANY"));
    server.enqueue(Responses.event());

    assertThatThrownBy(() -> update(policy().build())).isInstanceOf(RuntimeException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retriesAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> update(policy().build(), "http://127.0.0.1:" + closedPort))
        .isInstanceOf(ApiConnectionException.class)
        .hasMessageContaining("connection");
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void noneSendsOnce() {
    server.enqueue(Responses.error(503, "UNAVAILABLE"));

    assertThatThrownBy(() -> update(RetryPolicy.none())).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aValidationErrorAfterARetryIsThrownAsIs() {
    server.enqueue(Responses.error(503, "UNAVAILABLE"));
    server.enqueue(Responses.error(400, "VALIDATION_ERROR"));

    assertThatThrownBy(() -> update(policy().build())).isInstanceOf(ValidationException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
