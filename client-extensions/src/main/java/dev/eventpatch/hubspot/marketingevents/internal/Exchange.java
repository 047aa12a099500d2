package dev.eventpatch.hubspot.marketingevents.internal;

import java.util.List;
import java.util.Map;

/**
 * One request and its complete answer, read into memory: status, headers (names
 * case-insensitive) and body bytes.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers: case-insensitive names, unmodifiable
 * @param contentType the body's media type, or null
 * @param body the body, empty when there was none
 */
public record Exchange(
    int statusCode, Map<String, List<String>> headers, String contentType, byte[] body) {

  /**
   * @param name a header name, any case
   * @return its first value, or null
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** @return HubSpot's correlation id header, or null */
  public String correlationId() {
    return header("X-HubSpot-Correlation-Id");
  }
}
