package dev.eventpatch.hubspot.marketingevents.contract.prism;

/**
 * Prism could not be started: it is not installed, Node.js is missing, Prism rejected the spec,
 * or it did not answer in time. The message says which, and carries Prism's own output when
 * there is any.
 */
public final class PrismStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PrismStartException(String message) {
    super(message);
  }

  PrismStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
