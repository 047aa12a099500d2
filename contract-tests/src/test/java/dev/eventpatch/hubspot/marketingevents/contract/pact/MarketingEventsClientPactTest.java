package dev.eventpatch.hubspot.marketingevents.contract.pact;

import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.AUTHORIZATION_EXAMPLE;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.AUTHORIZATION_PATTERN;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.CONSUMER;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.CONSUMER_TEST_TOKEN;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.EVENT_EXISTS;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.EXTERNAL_ACCOUNT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.EXTERNAL_EVENT_ID;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.ISO_DATE_TIME;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.JSON_CONTENT_TYPE;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.NO_SUCH_EVENT;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.PROVIDER;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.RATE_LIMIT_REACHED;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.TOKEN_REJECTED;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.UNKNOWN_EXTERNAL_EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.eventpatch.hubspot.marketingevents.ApiVersion;
import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.contract.support.ExtensionsClients;
import dev.eventpatch.hubspot.marketingevents.exception.AuthenticationException;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer pact tests of the extensions client: each test states one interaction with HubSpot's
 * API (the request the client sends, the answer it relies on), runs the real client against
 * Pact's mock server, and checks what the client made of the answer. Pact JVM writes the
 * interactions to {@code target/pacts/} ({@value PactContract#PACT_FILE}), which the
 * verifications of the {@code integration-test} phase replay against Prism and validate against
 * the spec.
 *
 * <p>Requests are stated exactly (a PATCH sends only what was set, and Pact rejects a request
 * body with keys the interaction does not have). Answers are stated by type and pattern, so that
 * any provider answer of the right shape satisfies them: the canned examples of a Prism mock as
 * well as HubSpot's. The {@code Authorization} header is matched by pattern; the pact records
 * an obviously fake example, never the token the client sent.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V3)
class MarketingEventsClientPactTest {

  /** The path of the client's default API version, 2026-09. */
  private static final String PATH = "/marketing/marketing-events/2026-09/events/";

  /** The legacy path, still selectable with {@code ApiVersion.V3}. */
  private static final String V3_PATH = "/marketing/v3/marketing-events/events/";

  // ---- a full update: every field, a property value with every piece of metadata ----

  @Pact(consumer = CONSUMER)
  RequestResponsePact fullUpdate(PactDslWithProvider builder) {
    return authorized(
            builder
                .given(EVENT_EXISTS)
                .uponReceiving("a full update: every field, and custom properties with metadata"),
            EXTERNAL_EVENT_ID)
        .body(
            """
            {
              "eventName": "Winter product webinar",
              "eventType": "WEBINAR",
              "eventOrganizer": "Acme Events",
              "eventUrl": "https://events.acme.example/webinars/winter-2026",
              "eventDescription": "A tour of what ships this winter, with questions at the end.",
              "startDateTime": "2026-12-01T16:00:00Z",
              "endDateTime": "2026-12-01T17:30:00Z",
              "eventCancelled": false,
              "eventCompleted": true,
              "customProperties": [
                {"name": "seats_available", "value": "120"},
                {
                  "name": "launch_date",
                  "value": "1796083200000",
                  "timestamp": 1796119200000,
                  "sourceId": "acme-sync",
                  "sourceLabel": "Acme sync job",
                  "source": "INTEGRATION",
                  "sourceUpstreamDeployable": "marketing-events-sync",
                  "selectedByUser": false,
                  "selectedByUserTimestamp": 0,
                  "sourceVid": [4503599627370496],
                  "sourceMetadata": "eyJqb2IiOiJzeW5jIn0=",
                  "requestId": "6b1c9e0a-2f4d-4e8b-a3c7-51d0e9f2b684",
                  "updatedByUserId": 4417209,
                  "persistenceTimestamp": 1796119200000,
                  "useTimestampAsPersistenceTimestamp": true,
                  "isEncrypted": false,
                  "isLargeValue": false,
                  "dataSensitivity": "standard",
                  "unit": "days"
                },
                {"name": "tracks", "value": "product;engineering"}
              ]
            }
            """,
            "application/json")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(
            event("Winter product webinar", "seats_available", "120")
                .stringType("eventType", "WEBINAR")
                .stringType("eventUrl", "https://events.acme.example/webinars/winter-2026")
                .stringType("eventDescription", "A tour of what ships this winter.")
                .stringMatcher("startDateTime", ISO_DATE_TIME, "2026-12-01T16:00:00Z")
                .stringMatcher("endDateTime", ISO_DATE_TIME, "2026-12-01T17:30:00Z")
                .booleanType("eventCancelled", false)
                .booleanType("eventCompleted", true))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "fullUpdate")
  void fullUpdateSendsEveryFieldAndReadsTheEvent(MockServer mockServer) {
    try (MarketingEventsClient client = client(mockServer)) {
      UpdateResponse response =
          client.updateWithResponse(
              EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.fullUpdate(),
              RequestOptions.none());

      MarketingEvent event = response.event();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(event.id()).isEqualTo("58237132332");
      assertThat(event.eventName()).isEqualTo("Winter product webinar");
      assertThat(event.startDateTime()).hasValueSatisfying(
          t -> assertThat(t.toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z")));
      assertThat(event.eventCompleted()).contains(true);
      assertThat(event.customProperties().getLong("seats_available")).contains(120L);
    }
  }

  // ---- the least the client can send ----

  @Pact(consumer = CONSUMER)
  RequestResponsePact minimalUpdate(PactDslWithProvider builder) {
    return authorized(
            builder
                .given(EVENT_EXISTS)
                .uponReceiving("a minimal update: a new name, and no custom property"),
            EXTERNAL_EVENT_ID)
        .body(
            """
            {"eventName": "Winter product webinar (rescheduled)", "customProperties": []}
            """,
            "application/json")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(event("Winter product webinar (rescheduled)", "seats_available", "120"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "minimalUpdate")
  void minimalUpdateSendsOnlyTheNameAndAnEmptyPropertyList(MockServer mockServer) {
    try (MarketingEventsClient client = client(mockServer)) {
      MarketingEvent event =
          client.update(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.minimalUpdate());

      assertThat(event.eventName()).isEqualTo("Winter product webinar (rescheduled)");
      assertThat(event.eventType()).isEmpty();
    }
  }

  // ---- the legacy v3 path, still served and still selectable ----

  @Pact(consumer = CONSUMER)
  RequestResponsePact minimalUpdateAtV3(PactDslWithProvider builder) {
    return builder
        .given(EVENT_EXISTS)
        .uponReceiving("a minimal update at the legacy v3 path")
        .method("PATCH")
        .path(V3_PATH + EXTERNAL_EVENT_ID)
        .query("externalAccountId=" + EXTERNAL_ACCOUNT_ID)
        .matchHeader("Authorization", AUTHORIZATION_PATTERN, AUTHORIZATION_EXAMPLE)
        .body(
            """
            {"eventName": "Winter product webinar (rescheduled)", "customProperties": []}
            """,
            "application/json")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(event("Winter product webinar (rescheduled)", "seats_available", "120"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "minimalUpdateAtV3")
  void aClientSetToV3SendsToTheLegacyPath(MockServer mockServer) {
    try (MarketingEventsClient client =
        ExtensionsClients.builder(mockServer.getUrl(), CONSUMER_TEST_TOKEN).apiVersion(ApiVersion.V3).build()) {
      MarketingEvent event =
          client.update(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.minimalUpdate());

      assertThat(event.eventName()).isEqualTo("Winter product webinar (rescheduled)");
    }
  }

  // ---- one custom property of every type ----

  @Pact(consumer = CONSUMER)
  RequestResponsePact customPropertiesOfEachType(PactDslWithProvider builder) {
    return authorized(
            builder
                .given(EVENT_EXISTS)
                .uponReceiving(
                    "custom properties of every type: text, number (long, decimal, double),"
                        + " bool, date, date-time, multiple values, cleared and raw"),
            EXTERNAL_EVENT_ID)
        .body(
            """
            {
              "customProperties": [
                {"name": "venue_name", "value": "Acme Events Berlin"},
                {"name": "seats_available", "value": "120"},
                {"name": "ticket_price", "value": "19.99"},
                {"name": "conversion_rate", "value": "0.25"},
                {"name": "recording_available", "value": "true"},
                {"name": "launch_date", "value": "1796083200000"},
                {"name": "doors_open", "value": "1796139000000"},
                {"name": "tracks", "value": "product;engineering;design"},
                {"name": "promo_code", "value": ""},
                {"name": "legacy_code", "value": "LEGACY-7"}
              ]
            }
            """,
            "application/json")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(event("Winter product webinar", "launch_date", "1796083200000"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "customPropertiesOfEachType")
  void customPropertiesOfEachTypeAreSentInHubSpotsFormats(MockServer mockServer) {
    MarketingEventUpdate.Builder update = MarketingEventUpdate.builder();
    ExtensionsClients.oneOfEachType().forEach(update::customProperty);
    try (MarketingEventsClient client = client(mockServer)) {
      MarketingEvent event = client.update(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, update.build());

      assertThat(event.customProperties().getDate("launch_date"))
          .contains(LocalDate.of(2026, 12, 1));
    }
  }

  // ---- errors ----

  @Pact(consumer = CONSUMER)
  RequestResponsePact unknownEvent(PactDslWithProvider builder) {
    return authorized(
            builder.given(NO_SUCH_EVENT).uponReceiving("an update of an event that does not exist"),
            UNKNOWN_EXTERNAL_EVENT_ID)
        .body(
            """
            {"eventName": "Winter product webinar (rescheduled)", "customProperties": []}
            """,
            "application/json")
        .willRespondWith()
        .status(404)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringType("category", "OBJECT_NOT_FOUND")
                .uuid("correlationId", "5f8a1d3c-2b7e-4a90-9c64-e1b0d2f3a485")
                .stringType("message", "No marketing event found for externalEventId "
                    + UNKNOWN_EXTERNAL_EVENT_ID))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "unknownEvent")
  void unknownEventRaisesNotFoundWithCategoryAndCorrelationId(MockServer mockServer) {
    try (MarketingEventsClient client = client(mockServer)) {
      NotFoundException error =
          catchThrowableOfType(
              NotFoundException.class,
              () -> client.update(UNKNOWN_EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID,
                  ExtensionsClients.minimalUpdate()));

      assertThat(error).isNotNull();
      assertThat(error.statusCode()).isEqualTo(404);
      assertThat(error.category()).contains("OBJECT_NOT_FOUND");
      assertThat(error.correlationId()).contains("5f8a1d3c-2b7e-4a90-9c64-e1b0d2f3a485");
    }
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact rateLimited(PactDslWithProvider builder) {
    return authorized(
            builder
                .given(RATE_LIMIT_REACHED)
                .uponReceiving("an update while the rate limit is used up"),
            EXTERNAL_EVENT_ID)
        .body(
            """
            {"eventName": "Winter product webinar (rescheduled)", "customProperties": []}
            """,
            "application/json")
        .willRespondWith()
        .status(429)
        .matchHeader("Retry-After", "\\d+", "1")
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringType("status", "error")
                .stringType("message", "You have reached your ten_secondly_rolling limit.")
                .stringValue("errorType", "RATE_LIMIT")
                .uuid("correlationId", "9a4e7c21-5d3b-4f08-b6e2-0c8f1d7a3e95")
                .stringType("policyName", "TEN_SECONDLY_ROLLING")
                .stringType("requestId", "1f0b8d3e-6a2c-4e97-8d15-b7c4a9e2f061"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "rateLimited")
  void rateLimitRaisesRateLimitExceptionWithPolicyAndRetryAfter(MockServer mockServer) {
    try (MarketingEventsClient client = client(mockServer)) {
      RateLimitException error =
          catchThrowableOfType(
              RateLimitException.class,
              () -> client.update(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID,
                  ExtensionsClients.minimalUpdate()));

      assertThat(error).isNotNull();
      assertThat(error.policyName()).contains("TEN_SECONDLY_ROLLING");
      assertThat(error.correlationId()).contains("9a4e7c21-5d3b-4f08-b6e2-0c8f1d7a3e95");
      assertThat(error.retryAfter()).contains(Duration.ofSeconds(1));
      assertThat(error.isDailyLimit()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  RequestResponsePact tokenRejected(PactDslWithProvider builder) {
    // The client always sends its token: what it must handle is HubSpot refusing it.
    return authorized(
            builder.given(TOKEN_REJECTED).uponReceiving("an update with a token HubSpot no longer accepts"),
            EXTERNAL_EVENT_ID)
        .body(
            """
            {"eventName": "Winter product webinar (rescheduled)", "customProperties": []}
            """,
            "application/json")
        .willRespondWith()
        .status(401)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringType("category", "INVALID_AUTHENTICATION")
                .uuid("correlationId", "7c2e9b14-3a6f-4d80-b5e1-9f0a2c4d6e83")
                .stringType("message", "Authentication credentials not found."))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "tokenRejected")
  void rejectedTokenRaisesAuthenticationException(MockServer mockServer) {
    try (MarketingEventsClient client = client(mockServer)) {
      AuthenticationException error =
          catchThrowableOfType(
              AuthenticationException.class,
              () -> client.update(EXTERNAL_EVENT_ID, EXTERNAL_ACCOUNT_ID, ExtensionsClients.minimalUpdate()));

      assertThat(error).isNotNull();
      assertThat(error.category()).contains("INVALID_AUTHENTICATION");
      assertThat(error.correlationId()).contains("7c2e9b14-3a6f-4d80-b5e1-9f0a2c4d6e83");
    }
  }

  // ---- helpers ----

  /** The PATCH of an event, with a bearer token matched by pattern. */
  private static PactDslRequestWithPath authorized(
      au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath request, String externalEventId) {
    return request
        .method("PATCH")
        .path(PATH + externalEventId)
        .query("externalAccountId=" + EXTERNAL_ACCOUNT_ID)
        .matchHeader("Authorization", AUTHORIZATION_PATTERN, AUTHORIZATION_EXAMPLE);
  }

  /**
   * An event as HubSpot answers it: the fields the spec requires, by type, and custom property
   * values of the right shape (possibly none, as in a canned example).
   */
  private static PactDslJsonBody event(String eventName, String propertyName, String propertyValue) {
    PactDslJsonBody body =
        new PactDslJsonBody()
            .stringType("id", "58237132332")
            .stringMatcher("createdAt", ISO_DATE_TIME, "2026-11-02T09:15:04.112Z")
            .stringMatcher("updatedAt", ISO_DATE_TIME, "2026-11-29T10:41:57.903Z")
            .stringType("eventName", eventName)
            .stringType("eventOrganizer", "Acme Events");
    DslPart properties =
        body.minArrayLike("customProperties", 0, 1)
            .stringType("name", propertyName)
            .stringType("value", propertyValue)
            .closeObject();
    properties.closeArray();
    return body;
  }

  private static MarketingEventsClient client(MockServer mockServer) {
    return ExtensionsClients.against(mockServer.getUrl(), CONSUMER_TEST_TOKEN);
  }
}
