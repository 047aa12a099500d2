package dev.eventpatch.hubspot.marketingevents;

import mockwebserver3.MockResponse;

/** Canned answers in HubSpot's shapes, for MockWebServer. */
final class Responses {
  static final String EVENT_JSON =
      "{\"id\":\"58237132332\",\"objectId\":\"58237132332\","
          + "\"createdAt\":\"2026-11-02T09:15:04.112Z\",\"updatedAt\":\"2026-11-29T10:41:57.903Z\","
          + "\"eventName\":\"Winter product webinar\",\"eventType\":\"WEBINAR\","
          + "\"eventOrganizer\":\"Acme Events\",\"startDateTime\":\"2026-12-01T16:00:00Z\","
          + "\"endDateTime\":\"2026-12-01T17:30:00Z\",\"eventCancelled\":false,"
          + "\"customProperties\":[]}";

  private Responses() {}

  static MockResponse event() {
    return json(200, EVENT_JSON);
  }

  static MockResponse eventWithProperties(String propertiesJson) {
    return json(200, EVENT_JSON.replace("\"customProperties\":[]", "\"customProperties\":" + propertiesJson));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json;charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse error(int status, String category) {
    return json(
        status,
        "{\"status\":\"error\",\"category\":\"" + category + "\",\"subCategory\":\"Sub." + category + "\","
            + "\"correlationId\":\"3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71\",\"message\":\"Message for " + status
            + "\",\"context\":{\"externalEventId\":[\"webinar-1\"]},"
            + "\"links\":{\"docs\":\"https://developers.hubspot.com/docs\"},"
            + "\"errors\":[{\"message\":\"detail\",\"code\":\"CODE\",\"in\":\"eventName\"}]}");
  }

  static MockResponse rateLimited(String policy, String retryAfter) {
    MockResponse.Builder builder =
        new MockResponse.Builder()
            .code(429)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"status\":\"error\",\"message\":\"You have reached your " + policy.toLowerCase()
                    + " limit.\",\"errorType\":\"RATE_LIMIT\","
                    + "\"correlationId\":\"9a4e7c21-5d3b-4f08-b6e2-0c8f1d7a3e95\",\"policyName\":\"" + policy
                    + "\",\"requestId\":\"1f0b8d3e-6a2c-4e97-8d15-b7c4a9e2f061\"}");
    if (retryAfter != null) {
      builder.addHeader("Retry-After", retryAfter);
    }
    return builder.build();
  }
}
