package dev.eventpatch.hubspot.marketingevents.benchmarks;

/**
 * A HubSpot-like rolling window, as the server enforces it: a request is admitted when fewer
 * than {@code limit} requests were admitted in the {@code window} before it (rejected requests
 * do not count). Thread-safe.
 */
public final class RollingWindow {
  private final int limit;
  private final long windowNanos;
  private final long[] admitted; // ring of the admission times of the last `limit` requests
  private int next;
  private int size;

  /**
   * @param limit requests admitted in any window
   * @param windowMillis the window, in milliseconds
   */
  public RollingWindow(int limit, long windowMillis) {
    if (limit < 1 || windowMillis < 1) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
    this.limit = limit;
    this.windowNanos = windowMillis * 1_000_000L;
    this.admitted = new long[limit];
  }

  /** @return requests admitted in any window */
  public int limit() {
    return limit;
  }

  /** @return the window, in milliseconds */
  public long windowMillis() {
    return windowNanos / 1_000_000L;
  }

  /**
   * @param now {@link System#nanoTime()} of the request's arrival
   * @return when admitted, the requests left in the window (0 or more); when rejected, minus the
   *     nanoseconds until a slot frees (less than 0)
   */
  public synchronized long tryAdmit(long now) {
    if (size == limit) {
      long oldest = admitted[next]; // the ring is full: the next slot holds the oldest entry
      if (now - oldest < windowNanos) {
        return -Math.max(1, oldest + windowNanos - now);
      }
    }
    admitted[next] = now;
    next = (next + 1) % limit;
    if (size < limit) {
      size++;
    }
    // Remaining: the limit less the admissions still inside the window.
    int inside = 0;
    for (int i = 0; i < size; i++) {
      if (now - admitted[i] < windowNanos) {
        inside++;
      }
    }
    return limit - inside;
  }
}
