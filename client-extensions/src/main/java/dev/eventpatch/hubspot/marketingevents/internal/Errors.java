package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.ErrorDetail;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException;
import dev.eventpatch.hubspot.marketingevents.exception.PropertyValueFormatException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitWaitTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.UnappliedPropertiesException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the client's exceptions, whose constructors are package-private so that nobody outside
 * the client can make one. The exception package installs the one implementation when its base
 * class is initialised (the JDK's "shared secrets" pattern); this package is not exported, so
 * only the client reaches it.
 */
public abstract class Errors {
  private static volatile Errors installed;

  /** For the exception package's implementation only. */
  protected Errors() {}

  /**
   * Called once, by the exception package.
   *
   * @param errors the implementation
   */
  public static synchronized void install(Errors errors) {
    if (installed != null) {
      throw new IllegalStateException("already installed");
    }
    installed = errors;
  }

  /** @return the implementation */
  public static Errors get() {
    Errors errors = installed;
    if (errors == null) {
      try {
        // Initialising the base class runs its static block, which installs the factory.
        Class.forName(MarketingEventsException.class.getName(), true, Errors.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      errors = installed;
    }
    return errors;
  }

  /**
   * What an error answer carried; every field may be null.
   *
   * @param category HubSpot's category
   * @param subCategory HubSpot's sub-category
   * @param correlationId the correlation id, from the body or the header
   * @param message HubSpot's message
   * @param errors the details
   * @param context the context
   * @param links the links
   * @param errorType a 429's error type
   * @param policyName a 429's policy name
   * @param requestId a 429's request id
   * @param retryAfter the {@code Retry-After} delay
   */
  public record ErrorFields(
      String category,
      String subCategory,
      String correlationId,
      String message,
      List<ErrorDetail> errors,
      Map<String, List<String>> context,
      Map<String, String> links,
      String errorType,
      String policyName,
      String requestId,
      Duration retryAfter) {}

  /**
   * @param status the answer's status, not 2xx
   * @param fields what its body said
   * @return the exception of the status's kind
   */
  public abstract HubSpotApiException apiError(int status, ErrorFields fields);

  /**
   * @param retryAfter until the daily limit resets, as far as the limiter knows
   * @param correlationId the original 429's correlation id, or null
   * @param policyName the original 429's policy name
   * @return the exception for a call not sent because the daily limit is reached
   */
  public abstract RateLimitException dailyLimitNotSent(Duration retryAfter, String correlationId, String policyName);

  /**
   * @param message what failed
   * @param cause the I/O failure
   * @return the exception
   */
  public abstract ApiConnectionException connection(String message, Throwable cause);

  /**
   * @param message which timeout ran out
   * @param cause the timeout, or null
   * @return the exception
   */
  public abstract ApiTimeoutException timeout(String message, Throwable cause);

  /**
   * @param status the answer's status
   * @param correlationId its correlation id, or null
   * @param message what was wrong
   * @param cause the parse failure, or null
   * @return the exception
   */
  public abstract DecodingException decoding(int status, String correlationId, String message, Throwable cause);

  /**
   * @param response the answer whose report shows the discrepancies
   * @return the exception
   */
  public abstract UnappliedPropertiesException unapplied(UpdateResponse response);

  /**
   * @param property the property's name
   * @param type the type asked for
   * @param raw the raw value
   * @param cause the parse failure, or null
   * @return the exception
   */
  public abstract PropertyValueFormatException propertyFormat(String property, String type, String raw, Throwable cause);

  /**
   * @param waited how long the call waited
   * @param deadline the call's deadline
   * @return the exception
   */
  public abstract RateLimitWaitTimeoutException permitWaitTimedOut(Duration waited, Duration deadline);

  /**
   * @param message what went wrong, never the token
   * @param cause the provider's exception, or null
   * @return the exception
   */
  public abstract AccessTokenException accessToken(String message, Throwable cause);

  /**
   * @param message the detail's message
   * @param code its code, or null
   * @param in where, or null
   * @param subCategory its sub-category, or null
   * @param context its context, or null
   * @return the detail
   */
  public abstract ErrorDetail detail(
      String message, String code, String in, String subCategory, Map<String, List<String>> context);
}
