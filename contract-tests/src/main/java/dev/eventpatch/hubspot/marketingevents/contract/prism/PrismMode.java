package dev.eventpatch.hubspot.marketingevents.contract.prism;

/** How a Prism mock builds its responses; one Prism process serves one mode. */
public enum PrismMode {

  /** Answers with the examples written in the spec: the same canned body whatever was sent. */
  STATIC_EXAMPLES,

  /** Answers with random data that fits the response schemas ({@code -d}). */
  DYNAMIC;

  /** A short name for logs and file names, such as {@code static-examples}. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
