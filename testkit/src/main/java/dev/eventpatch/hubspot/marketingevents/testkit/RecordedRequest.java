package dev.eventpatch.hubspot.marketingevents.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, for assertions: method, path, query, headers (names in lower
 * case, the bearer token masked), body as sent and parsed, the API version whose path was used,
 * and the status the fake answered.
 */
public final class RecordedRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final String bodyText;
  private final Map<String, Object> body;
  private final String apiVersion;
  private final String externalEventId;
  private volatile int status;

  RecordedRequest(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      String bodyText,
      Map<String, Object> body,
      String apiVersion,
      String externalEventId) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.bodyText = bodyText;
    this.body = body;
    this.apiVersion = apiVersion;
    this.externalEventId = externalEventId;
  }

  /** @return the HTTP method, such as {@code PATCH} */
  public String method() {
    return method;
  }

  /** @return the path as sent, still percent-encoded */
  public String path() {
    return path;
  }

  /** @return the query parameters, decoded, in the order sent */
  public Map<String, List<String>> query() {
    return query;
  }

  /**
   * @param name a query parameter's name
   * @return its first value, if sent
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * @return the headers by lower-case name; {@code authorization} holds {@code Bearer ****}
   *     (or the scheme alone) and never the token
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header's name, in any case
   * @return its first value, if sent (the token masked)
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return the body as sent, decoded as UTF-8; empty if there was none */
  public String bodyText() {
    return bodyText;
  }

  /**
   * @return the body parsed as a JSON object (nested objects as maps, arrays as lists, numbers,
   *     strings, booleans, nulls), or empty if the body was not a JSON object
   */
  public Optional<Map<String, Object>> body() {
    return Optional.ofNullable(body);
  }

  /**
   * @return the API version whose path was used, as the spec spells it in the path ({@code v3},
   *     {@code 2026-03}, ...), or empty if the path is not one the spec declares
   */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /** @return the external event id from the path, decoded, if the path is an update path */
  public Optional<String> externalEventId() {
    return Optional.ofNullable(externalEventId);
  }

  /** @return the status the fake answered; 0 while the answer is not complete or never came */
  public int status() {
    return status;
  }

  void status(int status) {
    this.status = status;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status;
  }
}
