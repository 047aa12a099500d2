package dev.eventpatch.hubspot.marketingevents.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted misbehaviour of the fake, for one request ({@link HubSpotFake#enqueue}) or for
 * every request a rule matches ({@link HubSpotFake#faultWhen}). A fault is played before the
 * token, the rate limit and the spec are looked at, as a gateway in front of HubSpot would.
 */
public final class Fault {
  enum Kind {
    RATE_LIMITED,
    DAILY_LIMIT,
    SERVER_ERROR,
    GATEWAY_PAGE,
    DELAY,
    DISCONNECT
  }

  private final Kind kind;
  private final int status;
  private final Duration duration;

  private Fault(Kind kind, int status, Duration duration) {
    this.kind = kind;
    this.status = status;
    this.duration = duration;
  }

  /**
   * HubSpot's 429 for the burst limit: policy {@code TEN_SECONDLY_ROLLING}, {@code Retry-After}
   * of one second, and the {@code X-HubSpot-RateLimit-*} headers with nothing remaining.
   *
   * @return the fault
   */
  public static Fault rateLimited() {
    return rateLimited(Duration.ofSeconds(1));
  }

  /**
   * Like {@link #rateLimited()}, with the given {@code Retry-After} (whole seconds, rounded up).
   *
   * @param retryAfter the wait the answer asks for
   * @return the fault
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(Kind.RATE_LIMITED, 429, nonNegative(retryAfter, "retryAfter"));
  }

  /**
   * HubSpot's 429 for the daily limit: policy {@code DAILY}, no {@code Retry-After} (waiting a
   * few seconds does not help), and the daily headers with nothing remaining.
   *
   * @return the fault
   */
  public static Fault dailyLimit() {
    return new Fault(Kind.DAILY_LIMIT, 429, Duration.ZERO);
  }

  /**
   * A 5xx answer with HubSpot's JSON error body (category {@code INTERNAL_ERROR}).
   *
   * @param status 500 to 599
   * @return the fault
   * @throws IllegalArgumentException if {@code status} is not a 5xx status
   */
  public static Fault serverError(int status) {
    return new Fault(Kind.SERVER_ERROR, serverStatus(status), Duration.ZERO);
  }

  /**
   * A 5xx answer as a gateway in front of HubSpot sends it: an HTML page, not JSON.
   *
   * @param status 500 to 599, typically 502, 503 or 504
   * @return the fault
   * @throws IllegalArgumentException if {@code status} is not a 5xx status
   */
  public static Fault gatewayPage(int status) {
    return new Fault(Kind.GATEWAY_PAGE, serverStatus(status), Duration.ZERO);
  }

  /**
   * A slow answer: the fake waits this long, then answers as it would have. Pair it with the
   * client's read or call timeout to test them.
   *
   * @param delay how long to wait before answering
   * @return the fault
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 0, nonNegative(delay, "delay"));
  }

  /**
   * A connection closed mid-answer: status line and headers announce a full 200 body, half of
   * it is sent, then the connection is closed. The event is not changed.
   *
   * @return the fault
   */
  public static Fault disconnect() {
    return new Fault(Kind.DISCONNECT, 200, Duration.ZERO);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  Duration duration() {
    return duration;
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " < 0: " + d);
    }
    return d;
  }

  private static int serverStatus(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("not a 5xx status: " + status);
    }
    return status;
  }

  @Override
  public String toString() {
    switch (kind) {
      case RATE_LIMITED:
        return "Fault{429 TEN_SECONDLY_ROLLING, retryAfter=" + duration + "}";
      case DAILY_LIMIT:
        return "Fault{429 DAILY}";
      case DELAY:
        return "Fault{delay " + duration + "}";
      case DISCONNECT:
        return "Fault{disconnect mid-answer}";
      default:
        return "Fault{" + status + " " + kind + "}";
    }
  }
}
