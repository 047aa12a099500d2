package dev.eventpatch.hubspot.marketingevents;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The full answer to an update: the event, the HTTP status and headers, HubSpot's correlation id
 * and rate-limit headers, the report of custom properties not applied as sent, and how many
 * attempts it took.
 */
public final class UpdateResponse {
  private final MarketingEvent event;
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final PropertyReport propertyReport;
  private final int attempts;
  private final String body;

  UpdateResponse(
      MarketingEvent event,
      int statusCode,
      Map<String, List<String>> headers,
      PropertyReport propertyReport,
      int attempts,
      String body) {
    this.event = Objects.requireNonNull(event, "event == null");
    this.statusCode = statusCode;
    // The transport's map: case-insensitive and unmodifiable already; copying it again would
    // cost every call for nothing.
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.propertyReport = Objects.requireNonNull(propertyReport, "propertyReport == null");
    this.attempts = attempts;
    this.body = Objects.requireNonNull(body, "body == null");
  }

  /** @return the event after the update */
  public MarketingEvent event() {
    return event;
  }

  /** @return the HTTP status of the answer */
  public int statusCode() {
    return statusCode;
  }

  /** @return the response headers; names are case-insensitive */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header name, case-insensitive
   * @return its first value, when present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return HubSpot's id of the request, to quote to HubSpot support, when given */
  public Optional<String> correlationId() {
    return header("X-HubSpot-Correlation-Id");
  }

  /** @return what the answer's rate-limit headers say */
  public RateLimitStatus rateLimit() {
    return RateLimitStatus.fromHeaders(headers);
  }

  /** @return which custom properties sent were not applied as sent */
  public PropertyReport propertyReport() {
    return propertyReport;
  }

  /**
   * @return the answer's JSON exactly as HubSpot sent it, including fields this client does not
   *     model yet
   */
  public String body() {
    return body;
  }

  /** @return how many requests were sent, 1 when no retry was needed */
  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "UpdateResponse{statusCode=" + statusCode + ", attempts=" + attempts + ", event="
        + event + ", propertyReport=" + propertyReport + "}";
  }
}
