package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import java.time.Duration;

/**
 * The shared token bucket's size for a limit of {@code limit} requests in any rolling {@code
 * window}, with a margin for the time between a grant and HubSpot counting the request.
 *
 * <p>The arithmetic. A token bucket of capacity {@code C} refilled at {@code r} tokens per unit of
 * time grants at most {@code C + r * T} requests in any interval of length {@code T}: it holds at
 * most {@code C} at the interval's start and gains {@code r * T} during it. HubSpot counts a
 * request when it arrives, up to {@code D} (the {@code countingDelay}) after the grant, so the
 * requests HubSpot counts in one rolling window of length {@code W} were granted within an
 * interval of length {@code W + D}. Choosing
 *
 * <pre>
 *   C = max(1, floor(L / 50))          (a small burst: 2% of the limit)
 *   r = (L - C) / (W + D)              (refill L - C tokens per W + D)
 * </pre>
 *
 * gives {@code C + r * (W + D) = L}: no window HubSpot counts can see more than {@code L}. The
 * price is throughput: in steady state the bucket grants {@code r * W = (L - C) * W / (W + D)}
 * per window; for 100 per 10 s with a 500 ms margin, 93.3 per window (93.3%).
 *
 * @param limit requests allowed in any rolling window (L)
 * @param window the window (W)
 * @param countingDelay the margin (D)
 * @param capacity the bucket's capacity (C)
 * @param refillTokens tokens added, continuously, over {@code refillPeriod}
 * @param refillPeriod {@code W + D}
 */
record BucketSizing(
    int limit,
    Duration window,
    Duration countingDelay,
    long capacity,
    long refillTokens,
    Duration refillPeriod) {

  /** The smallest limit a bucket can keep within a rolling window together with its burst. */
  static final int MINIMUM_LIMIT = 2;

  /**
   * @param limit requests in any rolling window; at least {@link #MINIMUM_LIMIT}
   * @param window the window; positive
   * @param countingDelay the margin; zero or positive
   * @return the sizing
   */
  static BucketSizing of(int limit, Duration window, Duration countingDelay) {
    if (limit < MINIMUM_LIMIT) {
      throw new IllegalArgumentException(
          "a shared limit needs at least " + MINIMUM_LIMIT + " requests per window, got " + limit);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    if (countingDelay.isNegative()) {
      throw new IllegalArgumentException("countingDelay must not be negative, got " + countingDelay);
    }
    long capacity = Math.max(1, limit / 50);
    return new BucketSizing(
        limit, window, countingDelay, capacity, limit - capacity, window.plus(countingDelay));
  }

  /**
   * The most requests the bucket can grant in any interval of {@code length}: the capacity plus
   * the refill over that length, rounded up.
   *
   * @param length the interval
   * @return the bound
   */
  long maxGrantsWithin(Duration length) {
    double refilled = (double) refillTokens * length.toNanos() / refillPeriod.toNanos();
    return capacity + (long) Math.ceil(refilled - 1e-9);
  }

  /** @return requests granted per window in steady state, as a share of the limit (0..1) */
  double steadyShareOfLimit() {
    return (double) refillTokens * window.toNanos() / refillPeriod.toNanos() / limit;
  }

  /**
   * @param duration a pause
   * @return the tokens the bucket refills over it, rounded up: the debt that pauses it that long
   */
  long tokensRefilledOver(Duration duration) {
    double refilled = (double) refillTokens * duration.toNanos() / refillPeriod.toNanos();
    return (long) Math.ceil(refilled - 1e-9);
  }
}
