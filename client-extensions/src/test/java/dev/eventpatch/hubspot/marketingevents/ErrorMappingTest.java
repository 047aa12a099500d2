package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventpatch.hubspot.marketingevents.exception.AuthenticationException;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import dev.eventpatch.hubspot.marketingevents.exception.PermissionException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error status maps to its exception, carrying HubSpot's fields and never the token. */
class ErrorMappingTest {
  private static final String TOKEN = "pat-test-ERRORS-0000-not-a-real-token";

  @StartStop private final MockWebServer server = new MockWebServer();
  private MarketingEventsClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private RuntimeException callFailing() {
    client =
        MarketingEventsClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/").toString())
            .retryPolicy(RetryPolicy.none())
            .rateLimit(RateLimit.none())
            .build();
    return catchThrowableOfType(
        RuntimeException.class,
        () -> client.update("e", "a", MarketingEventUpdate.builder().eventName("x").build()));
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "VALIDATION_ERROR", ValidationException.class),
        Arguments.of(422, "VALIDATION_ERROR", ValidationException.class),
        Arguments.of(401, "INVALID_AUTHENTICATION", AuthenticationException.class),
        Arguments.of(403, "MISSING_SCOPES", PermissionException.class),
        Arguments.of(404, "OBJECT_NOT_FOUND", NotFoundException.class),
        Arguments.of(409, "CONFLICT", HubSpotApiException.class),
        Arguments.of(500, "INTERNAL_ERROR", ServerException.class),
        Arguments.of(503, "SERVICE_UNAVAILABLE", ServerException.class),
        Arguments.of(418, "SOMETHING_NEW", HubSpotApiException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void mapsEachStatusToItsExceptionWithHubSpotsFields(int status, String category, Class<?> type) {
    server.enqueue(Responses.error(status, category));

    RuntimeException thrown = callFailing();

    assertThat(thrown).isExactlyInstanceOf(type);
    HubSpotApiException e = (HubSpotApiException) thrown;
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.category()).contains(category);
    assertThat(e.subCategory()).contains("Sub." + category);
    assertThat(e.correlationId()).contains("3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71");
    assertThat(e.hubSpotMessage()).contains("Message for " + status);
    assertThat(e.context()).containsEntry("externalEventId", List.of("webinar-1"));
    assertThat(e.links()).containsEntry("docs", "https://developers.hubspot.com/docs");
    assertThat(e.errors()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("detail");
      assertThat(d.code()).contains("CODE");
      assertThat(d.in()).contains("eventName");
    });
    assertThat(e.getMessage())
        .contains(Integer.toString(status))
        .contains(category)
        .contains("3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71")
        .doesNotContain(TOKEN);
  }

  @Test
  void a429CarriesPolicyNameRetryAfterAndCorrelationId() {
    server.enqueue(Responses.rateLimited("TEN_SECONDLY_ROLLING", "3"));

    RateLimitException e = (RateLimitException) callFailing();

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.policyName()).contains("TEN_SECONDLY_ROLLING");
    assertThat(e.errorType()).contains("RATE_LIMIT");
    assertThat(e.correlationId()).contains("9a4e7c21-5d3b-4f08-b6e2-0c8f1d7a3e95");
    assertThat(e.requestId()).contains("1f0b8d3e-6a2c-4e97-8d15-b7c4a9e2f061");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.category()).isEmpty();
    assertThat(e.isDailyLimit()).isFalse();
  }

  @Test
  void anHtmlPageFromAProxyStillGivesTheTypedExceptionWithTheHeadersCorrelationId() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .addHeader("X-HubSpot-Correlation-Id", "aaaaaaaa-0000-4000-8000-000000000002")
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>")
            .build());

    ServerException e = (ServerException) callFailing();

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.category()).isEmpty();
    assertThat(e.hubSpotMessage()).isEmpty();
    assertThat(e.correlationId()).contains("aaaaaaaa-0000-4000-8000-000000000002");
    assertThat(e.getMessage()).doesNotContain("<html>");
  }

  @Test
  void anEmptyErrorBodyGivesTheTypedExceptionWithItsStatus() {
    server.enqueue(new MockResponse.Builder().code(403).build());

    PermissionException e = (PermissionException) callFailing();

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void aSuccessWithAnotherContentTypeIsADecodingError() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("ok").build());

    DecodingException e = (DecodingException) callFailing();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("text/plain");
  }

  @Test
  void aTruncatedSuccessBodyIsADecodingError() {
    server.enqueue(Responses.json(200, Responses.EVENT_JSON.substring(0, 60)));

    assertThat(callFailing()).isInstanceOf(DecodingException.class);
  }

  @Test
  void aSuccessMissingRequiredFieldsNamesThem() {
    server.enqueue(Responses.json(200, "{\"id\":\"1\",\"eventName\":\"x\"}"));

    assertThat(callFailing())
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("createdAt")
        .hasMessageContaining("eventOrganizer");
  }

  @Test
  void anEmptySuccessBodyIsADecodingError() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").build());

    assertThat(callFailing()).isInstanceOf(DecodingException.class).hasMessageContaining("empty");
  }
}
