package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * HubSpot answered 429: a rate limit was reached. {@link #policyName()} says which
 * ({@code TEN_SECONDLY_ROLLING}, {@code SECONDLY}, {@code DAILY}) and {@link #retryAfter()} how
 * long HubSpot asked to wait. Thrown once the retry policy gave up, and at once for the
 * {@code DAILY} limit, which only resets at midnight in the account's time zone.
 */
public class RateLimitException extends HubSpotApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode the HTTP status HubSpot answered (429)
   * @param body what the error body and the {@code Retry-After} header said
   */
  public RateLimitException(int statusCode, ErrorBody body) {
    super(statusCode, body);
  }

  /** @return whether HubSpot's daily limit was reached, which no retry can help before reset */
  public boolean isDailyLimit() {
    return policyName().map("DAILY"::equalsIgnoreCase).orElse(false);
  }
}
