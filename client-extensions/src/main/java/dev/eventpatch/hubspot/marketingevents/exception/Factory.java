package dev.eventpatch.hubspot.marketingevents.exception;

import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.internal.Errors;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The one implementation of {@link Errors}: the only code that calls these constructors. */
final class Factory extends Errors {

  @Override
  public HubSpotApiException apiError(int status, ErrorFields f) {
    HubSpotApiException.ErrorBody body =
        HubSpotApiException.ErrorBody.builder()
            .category(f.category())
            .subCategory(f.subCategory())
            .correlationId(f.correlationId())
            .message(f.message())
            .errors(f.errors())
            .context(f.context())
            .links(f.links())
            .errorType(f.errorType())
            .policyName(f.policyName())
            .requestId(f.requestId())
            .retryAfter(f.retryAfter())
            .build();
    switch (status) {
      case 400:
      case 422:
        return new ValidationException(status, body);
      case 401:
        return new AuthenticationException(status, body);
      case 403:
        return new PermissionException(status, body);
      case 404:
        return new NotFoundException(status, body);
      case 429:
        return new RateLimitException(status, body, true, HubSpotApiException.describe(status, body));
      default:
        return status >= 500 && status <= 599 ? new ServerException(status, body) : new HubSpotApiException(status, body);
    }
  }

  @Override
  public RateLimitException dailyLimitNotSent(Duration retryAfter, String correlationId, String policyName) {
    HubSpotApiException.ErrorBody body =
        HubSpotApiException.ErrorBody.builder()
            .correlationId(correlationId)
            .policyName(policyName)
            .errorType("RATE_LIMIT")
            .retryAfter(retryAfter)
            .build();
    String message =
        "HubSpot's " + policyName + " limit was reached"
            + (correlationId == null ? "" : " [correlationId " + correlationId + "]")
            + "; nothing was sent. The client sends again in about " + retryAfter.toSeconds() + " s";
    return new RateLimitException(429, body, false, message);
  }

  @Override
  public ApiConnectionException connection(String message, Throwable cause) {
    return new ApiConnectionException(message, cause);
  }

  @Override
  public ApiTimeoutException timeout(String message, Throwable cause) {
    return new ApiTimeoutException(message, cause);
  }

  @Override
  public DecodingException decoding(int status, String correlationId, String message, Throwable cause) {
    return new DecodingException(status, correlationId, message, cause);
  }

  @Override
  public UnappliedPropertiesException unapplied(UpdateResponse response) {
    return new UnappliedPropertiesException(response);
  }

  @Override
  public PropertyValueFormatException propertyFormat(String property, String type, String raw, Throwable cause) {
    return new PropertyValueFormatException(property, type, raw, cause);
  }

  @Override
  public RateLimitWaitTimeoutException permitWaitTimedOut(Duration waited, Duration deadline) {
    return new RateLimitWaitTimeoutException(waited, deadline);
  }

  @Override
  public AccessTokenException accessToken(String message, Throwable cause) {
    return new AccessTokenException(message, cause);
  }

  @Override
  public ErrorDetail detail(
      String message, String code, String in, String subCategory, Map<String, List<String>> context) {
    return new ErrorDetail(message, code, in, subCategory, context);
  }
}
