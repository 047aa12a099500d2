package dev.eventpatch.hubspot.marketingevents.exception;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot answered with an error status. Carries the status and whatever of HubSpot's error
 * body was there: {@code category}, {@code subCategory}, {@code correlationId}, the message, the
 * error details, {@code context} and {@code links} for ordinary errors; {@code errorType} and
 * {@code policyName} for a 429, whose body has its own shape. A field the body did not carry is
 * empty; a body that was not HubSpot's JSON at all (an HTML page from a proxy) leaves them all
 * empty but still yields the exception that matches the status.
 *
 * <p>Subclasses name the kinds of error callers act on differently; any other status (such as
 * 405, 409 or 415, which this endpoint does not document) gives this class itself, with every
 * field HubSpot sent.
 */
public sealed class HubSpotApiException extends MarketingEventsException
    permits ValidationException,
        AuthenticationException,
        PermissionException,
        NotFoundException,
        RateLimitException,
        ServerException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final transient ErrorBody body;

  HubSpotApiException(int statusCode, ErrorBody body) {
    this(statusCode, body, describe(statusCode, body));
  }

  HubSpotApiException(int statusCode, ErrorBody body, String message) {
    super(message, null);
    this.statusCode = statusCode;
    this.body = body == null ? ErrorBody.builder().build() : body;
  }

  static String describe(int statusCode, ErrorBody body) {
    StringBuilder text = new StringBuilder("HubSpot answered HTTP ").append(statusCode);
    if (body != null) {
      String kind = body.category != null ? body.category : body.errorType;
      if (kind != null) {
        text.append(' ').append(kind);
      }
      if (body.policyName != null) {
        text.append(" (").append(body.policyName).append(')');
      }
      if (body.message != null) {
        text.append(": ").append(body.message);
      }
      if (body.correlationId != null) {
        text.append(" [correlationId ").append(body.correlationId).append(']');
      }
    }
    return text.toString();
  }

  /** @return the HTTP status HubSpot answered */
  public int statusCode() {
    return statusCode;
  }

  /** @return HubSpot's error category, such as {@code VALIDATION_ERROR}, when the body had one */
  public Optional<String> category() {
    return Optional.ofNullable(body.category);
  }

  /** @return HubSpot's finer error kind, when the body had one */
  public Optional<String> subCategory() {
    return Optional.ofNullable(body.subCategory);
  }

  /**
   * @return HubSpot's id of the request, to quote to HubSpot support; from the body, or from the
   *     {@code X-HubSpot-Correlation-Id} header when the body had none
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(body.correlationId);
  }

  /** @return HubSpot's own message, when the body had one */
  public Optional<String> hubSpotMessage() {
    return Optional.ofNullable(body.message);
  }

  /** @return the details of the error; empty when none were given */
  public List<ErrorDetail> errors() {
    return body.errors;
  }

  /** @return values that explain the error, by name; empty when none were given */
  public Map<String, List<String>> context() {
    return body.context;
  }

  /** @return related documentation links, by name; empty when none were given */
  public Map<String, String> links() {
    return body.links;
  }

  /** @return the {@code errorType} of a 429 body, such as {@code RATE_LIMIT} */
  public Optional<String> errorType() {
    return Optional.ofNullable(body.errorType);
  }

  /** @return which limit was reached, such as {@code TEN_SECONDLY_ROLLING} or {@code DAILY} */
  public Optional<String> policyName() {
    return Optional.ofNullable(body.policyName);
  }

  /** @return the {@code requestId} of a 429 body */
  public Optional<String> requestId() {
    return Optional.ofNullable(body.requestId);
  }

  /** @return the delay HubSpot asked for in {@code Retry-After}, when it did */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(body.retryAfter);
  }

  static Map<String, List<String>> copyContext(Map<String, List<String>> context) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    context.forEach((key, values) -> copy.put(key, values == null ? List.of() : List.copyOf(values)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** What an error answer carried, parsed leniently: every field may be missing. */
  static final class ErrorBody {
    final String category;
    final String subCategory;
    final String correlationId;
    final String message;
    final List<ErrorDetail> errors;
    final Map<String, List<String>> context;
    final Map<String, String> links;
    final String errorType;
    final String policyName;
    final String requestId;
    final Duration retryAfter;

    private ErrorBody(Builder b) {
      category = b.category;
      subCategory = b.subCategory;
      correlationId = b.correlationId;
      message = b.message;
      errors = b.errors == null ? List.of() : List.copyOf(b.errors);
      context = b.context == null ? Map.of() : copyContext(b.context);
      links = b.links == null ? Map.of() : Map.copyOf(b.links);
      errorType = b.errorType;
      policyName = b.policyName;
      requestId = b.requestId;
      retryAfter = b.retryAfter;
    }

    /** @return a builder with every field empty */
    static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link ErrorBody}; every field is optional. */
    static final class Builder {
      private String category;
      private String subCategory;
      private String correlationId;
      private String message;
      private List<ErrorDetail> errors;
      private Map<String, List<String>> context;
      private Map<String, String> links;
      private String errorType;
      private String policyName;
      private String requestId;
      private Duration retryAfter;

      private Builder() {}

      /** @param value HubSpot's {@code category} @return this builder */
      Builder category(String value) {
        category = value;
        return this;
      }

      /** @param value HubSpot's {@code subCategory} @return this builder */
      Builder subCategory(String value) {
        subCategory = value;
        return this;
      }

      /** @param value HubSpot's {@code correlationId} @return this builder */
      Builder correlationId(String value) {
        correlationId = value;
        return this;
      }

      /** @param value HubSpot's {@code message} @return this builder */
      Builder message(String value) {
        message = value;
        return this;
      }

      /** @param value HubSpot's {@code errors} @return this builder */
      Builder errors(List<ErrorDetail> value) {
        errors = value;
        return this;
      }

      /** @param value HubSpot's {@code context} @return this builder */
      Builder context(Map<String, List<String>> value) {
        context = value;
        return this;
      }

      /** @param value HubSpot's {@code links} @return this builder */
      Builder links(Map<String, String> value) {
        links = value;
        return this;
      }

      /** @param value the {@code errorType} of a 429 body @return this builder */
      Builder errorType(String value) {
        errorType = value;
        return this;
      }

      /** @param value the {@code policyName} of a 429 body @return this builder */
      Builder policyName(String value) {
        policyName = value;
        return this;
      }

      /** @param value the {@code requestId} of a 429 body @return this builder */
      Builder requestId(String value) {
        requestId = value;
        return this;
      }

      /** @param value the delay of a {@code Retry-After} header @return this builder */
      Builder retryAfter(Duration value) {
        retryAfter = value;
        return this;
      }

      /** @return the error body */
      ErrorBody build() {
        return new ErrorBody(this);
      }
    }
  }
}
