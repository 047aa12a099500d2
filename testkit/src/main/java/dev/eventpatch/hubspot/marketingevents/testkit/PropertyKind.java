package dev.eventpatch.hubspot.marketingevents.testkit;

/**
 * The type of a custom property defined on the fake's MarketingEvent object ({@link
 * HubSpotFake#defineProperty}); it decides which values the fake accepts and how it stores them.
 */
public enum PropertyKind {
  /** Any text, stored as sent. */
  STRING,
  /** Plain decimal text; anything else is a 400. Stored as sent. */
  NUMBER,
  /** {@code true} or {@code false} (any case); anything else is a 400. Stored in lower case. */
  BOOLEAN,
  /** Options joined by semicolons ({@code a;b}), stored as sent. */
  ENUMERATION,
  /**
   * Epoch milliseconds of midnight UTC; any other time of day, or anything but digits, is a 400.
   * Stored and returned as sent.
   */
  DATE,
  /**
   * Epoch milliseconds or ISO 8601; anything else is a 400. Returned as ISO 8601 in UTC, as
   * HubSpot does (epoch milliseconds sent come back as {@code 2026-12-01T16:00:00Z}).
   */
  DATETIME
}
