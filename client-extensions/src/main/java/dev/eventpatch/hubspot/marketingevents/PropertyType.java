package dev.eventpatch.hubspot.marketingevents;

/**
 * The kind of a custom property value: how {@link CustomProperty}'s factories write it, and so
 * how it is compared with what HubSpot returns. HubSpot stores every value as a string; the type
 * picks the convention. {@link CustomProperty#raw} and {@link CustomProperty#clear} have none.
 */
public enum PropertyType {
  /** Free text, sent as is. */
  TEXT,
  /** A number in plain decimal notation, never with an exponent. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A date: epoch milliseconds of midnight UTC of that day, as HubSpot requires. */
  DATE,
  /** An instant: epoch milliseconds. HubSpot may return it as ISO 8601. */
  DATE_TIME,
  /** A multiple-checkbox value: options joined with {@code ;}. */
  MULTI_VALUE
}
