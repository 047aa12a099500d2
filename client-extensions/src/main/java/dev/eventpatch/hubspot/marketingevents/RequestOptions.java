package dev.eventpatch.hubspot.marketingevents;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one call that the client's builder does not cover: extra headers and a timeout
 * for the whole call. Immutable.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Map<String, String> headers;
  private final Duration timeout;
  private final boolean omitAuthorization;

  private RequestOptions(Builder b) {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    timeout = b.timeout;
    omitAuthorization = b.omitAuthorization;
  }

  /** @return options that change nothing */
  public static RequestOptions none() {
    return NONE;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return extra headers sent with each attempt of the call */
  public Map<String, String> headers() {
    return headers;
  }

  /** @return the time limit of each attempt, when set; the client's call timeout otherwise */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** @return whether the call goes without an {@code Authorization} header */
  public boolean omitAuthorization() {
    return omitAuthorization;
  }

  @Override
  public String toString() {
    // Header values may be credentials of a gateway: names only.
    return "RequestOptions{headers=" + headers.keySet() + ", timeout=" + timeout
        + (omitAuthorization ? ", omitAuthorization" : "") + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout;
    private boolean omitAuthorization;

    private Builder() {}

    /**
     * Adds a header, replacing one of the same name set earlier here.
     *
     * @param name the header name; not {@code Authorization}, which the client's token sets
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException for {@code Authorization}, a blank name, or a name or
     *     value with characters HTTP forbids
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("header name must not be blank");
      }
      if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
        throw new IllegalArgumentException(
            "the Authorization header comes from the client's access token; set it there");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f || c == ':') {
          throw new IllegalArgumentException("header name has a forbidden character: " + name);
        }
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < ' ' && c != '\t') || c == 0x7f) {
          throw new IllegalArgumentException("value of header " + name + " has a control character");
        }
      }
      headers.put(name, value);
      return this;
    }

    /**
     * @param timeout the time limit of each attempt of the call, from sending to the end of the
     *     answer
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sends the call without an {@code Authorization} header: for a gateway in front of HubSpot
     * that adds credentials itself, and for checking how the service answers an unauthenticated
     * call.
     *
     * @return this builder
     */
    public Builder omitAuthorization() {
      omitAuthorization = true;
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
