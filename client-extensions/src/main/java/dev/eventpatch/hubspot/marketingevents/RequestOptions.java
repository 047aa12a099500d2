package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings for one call that override the client's: extra request headers, the whole call's
 * deadline and one attempt's timeout. Immutable.
 *
 * <p>Two timeouts, never to be confused:
 *
 * <ul>
 *   <li>{@linkplain Builder#callTimeout the call timeout} is the deadline of the whole call: the
 *       wait for a rate-limit permit, every attempt and every backoff between them. The call
 *       fails when it runs out, whatever was happening.
 *   <li>{@linkplain Builder#attemptTimeout the attempt timeout} bounds one request and its answer;
 *       a retry gets a fresh one, never beyond the call's deadline.
 * </ul>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  /** Headers the client sets itself; letting a caller replace them would break the request. */
  private static final Set<String> RESERVED =
      Set.of("host", "authorization", "content-length", "content-type", "transfer-encoding", "connection");

  private final Map<String, String> headers;
  private final Duration callTimeout;
  private final Duration attemptTimeout;

  private RequestOptions(Builder b) {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    callTimeout = b.callTimeout;
    attemptTimeout = b.attemptTimeout;
  }

  /** @return no overrides */
  public static RequestOptions none() {
    return NONE;
  }

  /** @return a builder with no overrides */
  public static Builder builder() {
    return new Builder();
  }

  /** @return extra headers to send, by name */
  public Map<String, String> headers() {
    return headers;
  }

  /** @return this call's deadline, over the client's {@code callTimeout}, when set */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /** @return the timeout of each attempt, over the client's {@code attemptTimeout}, when set */
  public Optional<Duration> attemptTimeout() {
    return Optional.ofNullable(attemptTimeout);
  }

  @Override
  public String toString() {
    // Header values may be credentials of a gateway: names only.
    return "RequestOptions{headers=" + headers.keySet() + ", callTimeout=" + callTimeout + ", attemptTimeout="
        + attemptTimeout + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration callTimeout;
    private Duration attemptTimeout;

    private Builder() {}

    /**
     * Adds a header to send, such as a gateway's routing key.
     *
     * @param name an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~})
     * @param value visible ASCII, spaces and tabs only
     * @return this builder
     * @throws IllegalArgumentException if the name is not an HTTP token, the value has a control
     *     character or a character outside ASCII, or the header is one the client sets itself
     *     ({@code Host}, {@code Authorization}, {@code Content-Length}, {@code Content-Type},
     *     {@code Transfer-Encoding}, {@code Connection}); the message names the header, never the
     *     value
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("header name must not be empty");
      }
      for (int i = 0; i < name.length(); i++) {
        if (!isTokenChar(name.charAt(i))) {
          // The name is shown only up to the offending character: it may not be printable.
          throw new IllegalArgumentException(
              "header name is not an HTTP token: bad character at index " + i + " of '" + printable(name) + "'");
        }
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "header " + name + " is set by the client and cannot be overridden"
                + (name.equalsIgnoreCase("authorization") ? "; the Authorization header comes from the client's access token" : ""));
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (!(c == '\t' || (c >= ' ' && c < 0x7f))) {
          throw new IllegalArgumentException(
              "value of header " + name + " must be visible ASCII, spaces or tabs; bad character at index " + i);
        }
      }
      headers.put(name, value);
      return this;
    }

    /**
     * @param timeout the whole call's deadline: permit wait, attempts and backoffs
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder callTimeout(Duration timeout) {
      callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /**
     * @param timeout the longest one attempt may take, from sending to the end of the answer
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder attemptTimeout(Duration timeout) {
      attemptTimeout = positive("attemptTimeout", timeout);
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static boolean isTokenChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String printable(String name) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < name.length() && out.length() < 64; i++) {
        char c = name.charAt(i);
        out.append(c >= ' ' && c < 0x7f ? c : '?');
      }
      return out.toString();
    }
  }
}
