package dev.eventpatch.hubspot.marketingevents.exception;

import java.util.Optional;

/**
 * A successful answer did not hold the expected JSON: empty, truncated, another content type, or
 * missing a field HubSpot always sends. The update was most likely applied.
 */
public final class DecodingException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String correlationId;

  DecodingException(int statusCode, String correlationId, String message, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.correlationId = correlationId;
  }

  /** @return the HTTP status of the answer */
  public int statusCode() {
    return statusCode;
  }

  /** @return HubSpot's correlation id, when the answer carried one */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }
}
