package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * HubSpot answered 429: a rate limit is reached. {@link #policyName()} says which ({@code
 * TEN_SECONDLY_ROLLING}, {@code SECONDLY}, {@code DAILY}) and {@link #retryAfter()} how long
 * HubSpot asked to wait, when it did.
 *
 * <p>After a {@code DAILY} 429 the client sends nothing until the limit resets: later calls fail
 * at once with a new {@code RateLimitException} whose {@link #requestSent()} is false, carrying
 * the original 429's correlation id and policy name.
 */
public final class RateLimitException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  private final boolean requestSent;

  RateLimitException(int statusCode, ErrorBody body, boolean requestSent, String message) {
    super(statusCode, body, message);
    this.requestSent = requestSent;
  }

  /** @return whether HubSpot's daily limit is the one reached */
  public boolean isDailyLimit() {
    return policyName().map("DAILY"::equalsIgnoreCase).orElse(false);
  }

  /**
   * @return true when HubSpot answered this request with the 429; false when the client did not
   *     send it, because an earlier {@code DAILY} 429 says the limit has not reset yet
   */
  public boolean requestSent() {
    return requestSent;
  }
}
