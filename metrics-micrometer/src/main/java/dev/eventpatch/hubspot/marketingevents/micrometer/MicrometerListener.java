package dev.eventpatch.hubspot.marketingevents.micrometer;

import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what the client does as Micrometer meters. Give it to the client (and to a shared
 * rate limiter) as its {@link ClientListener}:
 *
 * <pre>{@code
 * ClientListener metrics = MicrometerListener.create(registry);
 * MarketingEventsClient client = MarketingEventsClient.builder()
 *     .accessToken(token)
 *     .listener(metrics)
 *     .build();
 * }</pre>
 *
 * <p>The meters (names as Micrometer spells them; registries rename them for their backend):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td><td>{@code operation}, {@code api.version},
 *       {@code status}</td><td>every attempt and its duration; {@code status} is the HTTP status,
 *       or {@code none} when no answer came</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>{@code operation}, {@code reason}</td>
 *       <td>retries scheduled</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td>{@code policy}</td><td>429 answers,
 *       by HubSpot's {@code policyName}</td></tr>
 *   <tr><td>{@value #PERMIT_WAIT}</td><td>timer</td><td></td><td>time spent waiting for a
 *       rate-limit permit</td></tr>
 *   <tr><td>{@value #LIMIT_REQUESTS}</td><td>gauge</td><td></td><td>requests allowed per window
 *       by the limit in force (0 until one is reported)</td></tr>
 *   <tr><td>{@value #LIMIT_WINDOW}</td><td>gauge (seconds)</td><td></td><td>that window</td></tr>
 *   <tr><td>{@value #FALLBACKS}</td><td>counter</td><td>{@code limiter}</td><td>times a shared
 *       limiter fell back to its in-process share</td></tr>
 *   <tr><td>{@value #FALLBACK_ACTIVE}</td><td>gauge</td><td>{@code limiter}</td><td>1 while it
 *       is falling back, else 0</td></tr>
 * </table>
 *
 * <p>Every meter also carries the common tags given to {@link #create(MeterRegistry, Iterable)}.
 * No meter carries the token, event ids or property values. Thread-safe.
 */
public final class MicrometerListener implements ClientListener {

  /** Attempts, by status. */
  public static final String REQUESTS = "hubspot.marketing.events.requests";

  /** Retries scheduled. */
  public static final String RETRIES = "hubspot.marketing.events.retries";

  /** 429 answers, by policy. */
  public static final String RATE_LIMITED = "hubspot.marketing.events.rate.limited";

  /** Time spent waiting for permits. */
  public static final String PERMIT_WAIT = "hubspot.marketing.events.permit.wait";

  /** Requests per window of the limit in force. */
  public static final String LIMIT_REQUESTS = "hubspot.marketing.events.limit.requests";

  /** The window of the limit in force, in seconds. */
  public static final String LIMIT_WINDOW = "hubspot.marketing.events.limit.window";

  /** Fallbacks of a shared limiter to its in-process share. */
  public static final String FALLBACKS = "hubspot.marketing.events.limiter.fallbacks";

  /** 1 while a shared limiter is falling back. */
  public static final String FALLBACK_ACTIVE = "hubspot.marketing.events.limiter.fallback.active";

  private final MeterRegistry registry;
  private final Tags common;
  private final Timer permitWait;
  private final AtomicInteger limitRequests = new AtomicInteger();
  private final AtomicLong limitWindowMillis = new AtomicLong();
  private final ConcurrentMap<String, AtomicInteger> fallbackActive = new ConcurrentHashMap<>();

  private MicrometerListener(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
    this.permitWait =
        Timer.builder(PERMIT_WAIT)
            .description("Time spent waiting for a rate-limit permit")
            .tags(common)
            .register(registry);
    Gauge.builder(LIMIT_REQUESTS, limitRequests, AtomicInteger::get)
        .description("Requests allowed per window by the limit in force")
        .tags(common)
        .register(registry);
    Gauge.builder(LIMIT_WINDOW, limitWindowMillis, millis -> millis.get() / 1000.0)
        .description("The window of the limit in force")
        .baseUnit("seconds")
        .tags(common)
        .register(registry);
  }

  /**
   * @param registry where the meters go
   * @return a listener
   */
  public static MicrometerListener create(MeterRegistry registry) {
    return create(registry, Tags.empty());
  }

  /**
   * @param registry where the meters go
   * @param commonTags tags every meter carries, such as the app or the client's name
   * @return a listener
   */
  public static MicrometerListener create(MeterRegistry registry, Iterable<Tag> commonTags) {
    Objects.requireNonNull(registry, "registry == null");
    Objects.requireNonNull(commonTags, "commonTags == null");
    return new MicrometerListener(registry, Tags.of(commonTags));
  }

  @Override
  public void attemptEnded(String operation, String apiVersion, int attempt, int statusCode, Duration duration) {
    Timer.builder(REQUESTS)
        .description("Attempts sent to HubSpot, by answer status")
        .tags(common)
        .tag("operation", operation)
        .tag("api.version", apiVersion)
        .tag("status", statusCode == 0 ? "none" : Integer.toString(statusCode))
        .register(registry)
        .record(duration);
  }

  @Override
  public void retryScheduled(String operation, int attempt, Duration delay, String reason) {
    Counter.builder(RETRIES)
        .description("Retries scheduled")
        .tags(common)
        .tag("operation", operation)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  @Override
  public void permitWaited(Duration waited) {
    permitWait.record(waited);
  }

  @Override
  public void rateLimited(String policyName) {
    Counter.builder(RATE_LIMITED)
        .description("429 answers, by HubSpot's policy name")
        .tags(common)
        .tag("policy", policyName)
        .register(registry)
        .increment();
  }

  @Override
  public void limitInForce(int requests, Duration window) {
    limitRequests.set(requests);
    limitWindowMillis.set(window.toMillis());
  }

  @Override
  public void limiterFallback(String limiter, boolean fallingBack) {
    AtomicInteger active =
        fallbackActive.computeIfAbsent(
            limiter,
            name -> {
              AtomicInteger state = new AtomicInteger();
              Gauge.builder(FALLBACK_ACTIVE, state, AtomicInteger::get)
                  .description("1 while a shared rate limiter uses its in-process fallback")
                  .tags(common)
                  .tag("limiter", name)
                  .register(registry);
              return state;
            });
    active.set(fallingBack ? 1 : 0);
    if (fallingBack) {
      Counter.builder(FALLBACKS)
          .description("Times a shared rate limiter fell back to its in-process share")
          .tags(common)
          .tag("limiter", limiter)
          .register(registry)
          .increment();
    }
  }
}
