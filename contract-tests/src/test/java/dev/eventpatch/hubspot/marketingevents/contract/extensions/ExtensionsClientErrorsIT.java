package dev.eventpatch.hubspot.marketingevents.contract.extensions;

import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_ACCOUNT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi.EXTERNAL_EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.support.ExtensionsClients;
import dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi;
import dev.eventpatch.hubspot.marketingevents.exception.AuthenticationException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import dev.eventpatch.hubspot.marketingevents.exception.PermissionException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Suite 2, errors: the spec's error examples, served by Prism, become the matching typed
 * exceptions of the extensions client, with the fields a caller needs (HubSpot's {@code
 * category} and {@code correlationId}; for a 429 the {@code policyName}, the {@code
 * correlationId} and the {@code Retry-After} delay).
 *
 * <p>Prism is asked for an error example with its {@code Prefer: code=NNN} request header, sent
 * through the client's per-request headers, the 401 of a rejected token included (the client
 * always sends its token). The client is built without retries, so each error comes back after one request.
 */
@ExtendWith(PrismExtension.class)
class ExtensionsClientErrorsIT {

  @Test
  void rejectedTokenIsAnswered401AndRaisesAuthenticationException(
      PrismMock prism) {
    AuthenticationException error =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> send(prism, RequestOptions.builder().header("Prefer", "code=401").build()));

    assertThat(error).as("the client's exception for Prism's answer").isNotNull();
    assertThat(error.statusCode()).isEqualTo(401);
    assertThat(error.category()).contains("INVALID_AUTHENTICATION");
    assertThat(error.correlationId()).contains("7c2e9b14-3a6f-4d80-b5e1-9f0a2c4d6e83");
  }

  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "400, dev.eventpatch.hubspot.marketingevents.exception.ValidationException,"
        + " VALIDATION_ERROR, 3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71",
    "401, dev.eventpatch.hubspot.marketingevents.exception.AuthenticationException,"
        + " INVALID_AUTHENTICATION, 7c2e9b14-3a6f-4d80-b5e1-9f0a2c4d6e83",
    "403, dev.eventpatch.hubspot.marketingevents.exception.PermissionException,"
        + " MISSING_SCOPES, 0e5b3c7a-9d21-4f6e-8a4b-c3d2e1f09a57",
    "404, dev.eventpatch.hubspot.marketingevents.exception.NotFoundException,"
        + " OBJECT_NOT_FOUND, 5f8a1d3c-2b7e-4a90-9c64-e1b0d2f3a485",
    "500, dev.eventpatch.hubspot.marketingevents.exception.ServerException,"
        + " INTERNAL_ERROR, 2a6c4e8f-1b3d-4f5a-9c7e-8d0b2f4a6c19",
  })
  void errorExampleRaisesTheMatchingTypedExceptionWithCategoryAndCorrelationId(
      int status, Class<? extends HubSpotApiException> type, String category,
      String correlationId, PrismMock prism) {
    HubSpotApiException error =
        catchThrowableOfType(HubSpotApiException.class, () -> send(prism, prefer(status)));

    assertThat(error).as("the client's exception for Prism's %s example", status).isNotNull();
    assertThat(error).isExactlyInstanceOf(type);
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.category()).contains(category);
    assertThat(error.correlationId()).contains(correlationId);
    assertThat(error.hubSpotMessage()).hasValueSatisfying(m -> assertThat(m).isNotBlank());
    assertThat(error.getMessage()).contains(category).contains(correlationId);
  }

  @Test
  void badRequestExampleCarriesItsDetailsAndContext(PrismMock prism) {
    ValidationException error =
        catchThrowableOfType(ValidationException.class, () -> send(prism, prefer(400)));

    assertThat(error.subCategory()).contains("MarketingEventsError.INVALID_DATE_RANGE");
    assertThat(error.errors())
        .singleElement()
        .satisfies(
            detail -> {
              assertThat(detail.code()).contains("INVALID_DATE_RANGE");
              assertThat(detail.in()).contains("endDateTime");
            });
    assertThat(error.context()).containsEntry("externalEventId", java.util.List.of(EXTERNAL_EVENT_ID));
  }

  @Test
  void forbiddenAndNotFoundExamplesAreTheirOwnKinds(PrismMock prism) {
    assertThat(catchThrowableOfType(PermissionException.class, () -> send(prism, prefer(403))))
        .isNotNull();
    NotFoundException notFound =
        catchThrowableOfType(NotFoundException.class, () -> send(prism, prefer(404)));
    assertThat(notFound.context()).containsKeys("externalEventId", "externalAccountId");
  }

  @Test
  void rateLimitExampleRaisesRateLimitExceptionWithPolicyCorrelationIdAndRetryAfter(
      PrismMock prism) {
    RateLimitException error =
        catchThrowableOfType(RateLimitException.class, () -> send(prism, prefer(429)));

    assertThat(error).as("the client's exception for Prism's 429 example").isNotNull();
    assertThat(error.statusCode()).isEqualTo(429);
    assertThat(error.policyName()).contains("TEN_SECONDLY_ROLLING");
    assertThat(error.correlationId()).contains("9a4e7c21-5d3b-4f08-b6e2-0c8f1d7a3e95");
    assertThat(error.errorType()).contains("RATE_LIMIT");
    assertThat(error.requestId()).contains("1f0b8d3e-6a2c-4e97-8d15-b7c4a9e2f061");
    assertThat(error.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(error.isDailyLimit()).isFalse();
  }

  @Test
  void serverErrorExampleRaisesServerException(PrismMock prism) {
    assertThat(catchThrowableOfType(ServerException.class, () -> send(prism, prefer(503))))
        .satisfies(e -> assertThat(e.statusCode()).isEqualTo(503));
  }

  private static RequestOptions prefer(int status) {
    return RequestOptions.builder().header("Prefer", "code=" + status).build();
  }

  private static void send(PrismMock prism, RequestOptions options) {
    try (MarketingEventsClient client =
        ExtensionsClients.against(prism.baseUrl(), GeneratedApi.TOKEN)) {
      client.updateWithResponse(
          EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.fullUpdate(), options);
    }
  }
}
