package dev.eventpatch.hubspot.marketingevents.spi;

/**
 * A permit a {@link RateLimiter} granted for one request. The client hands it back, exactly once,
 * to {@link RateLimiter#onAnswer}, {@link RateLimiter#onRateLimited} or {@link
 * RateLimiter#onNoAnswer}. Implementations define what it holds (when it was granted, a
 * reservation, ...); the client never looks inside.
 */
public interface Permit {}
