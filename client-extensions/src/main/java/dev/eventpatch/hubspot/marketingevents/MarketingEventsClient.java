package dev.eventpatch.hubspot.marketingevents;

import com.google.gson.JsonParseException;
import dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitWaitTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.UnappliedPropertiesException;
import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.internal.CallContext;
import dev.eventpatch.hubspot.marketingevents.internal.Errors;
import dev.eventpatch.hubspot.marketingevents.internal.Exchange;
import dev.eventpatch.hubspot.marketingevents.internal.HttpTransport;
import dev.eventpatch.hubspot.marketingevents.internal.Limiters;
import dev.eventpatch.hubspot.marketingevents.internal.OkHttpVersion;
import dev.eventpatch.hubspot.marketingevents.internal.Operation;
import dev.eventpatch.hubspot.marketingevents.internal.Pipeline;
import dev.eventpatch.hubspot.marketingevents.internal.Threads;
import dev.eventpatch.hubspot.marketingevents.internal.Timing;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.IDN;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.Request;

/**
 * Updates HubSpot marketing events by the ids of the external application that created them.
 * Immutable and thread-safe: build one per app (access token or token provider) and share it; it
 * holds one connection pool and one rate limiter. Close it to release its threads and
 * connections.
 *
 * <pre>{@code
 * try (MarketingEventsClient client = MarketingEventsClient.builder()
 *     .accessToken(System.getenv("HUBSPOT_ACCESS_TOKEN"))
 *     .build()) {
 *   MarketingEvent event = client.update("webinar-2026-12-01", "acme-events-4821",
 *       MarketingEventUpdate.builder()
 *           .eventName("Winter product webinar")
 *           .customProperty(CustomProperty.number("seats_available", 120))
 *           .build());
 * }
 * }</pre>
 *
 * <p>Every call is rate-limited on the client side ({@link RateLimit}), retried by the {@link
 * RetryPolicy} when HubSpot or the network fails transiently, bounded by one deadline ({@link
 * Builder#callTimeout}), and checked for custom properties HubSpot dropped (see {@link
 * PropertyCheck}). Failures are unchecked {@link MarketingEventsException}s: {@link
 * HubSpotApiException} subclasses for HubSpot's answers, {@link ApiConnectionException} for the
 * network, {@link DecodingException} for an answer that is not the expected JSON, {@link
 * RateLimitWaitTimeoutException} when the client's own limiter held a call to its deadline, {@link
 * AccessTokenException} when the token provider gave no usable token.
 *
 * <p>Logging goes through {@link System.Logger} (names under {@code
 * dev.eventpatch.hubspot.marketingevents}): no logging library is imposed. Request and response
 * lines are logged at DEBUG, never with the token; custom property values only at DEBUG.
 */
public final class MarketingEventsClient implements AutoCloseable {
  /** HubSpot's API host. */
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  private static final Logger LOG = System.getLogger("dev.eventpatch.hubspot.marketingevents");

  private final String baseUrl;
  private final ApiVersion apiVersion;
  private final RetryPolicy retryPolicy;
  private final String rateLimitDescription;
  private final PropertyCheck propertyCheck;
  private final HttpTransport.Network network;
  private final Duration callTimeout;
  private final Duration attemptTimeout;
  private final Pipeline pipeline;
  private final PropertyWarnings warnings;
  private final Executor executor;
  private final ThreadPoolExecutor ownExecutor;
  private final Set<PendingCall<?>> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private MarketingEventsClient(Builder b) {
    baseUrl = b.baseUrl;
    apiVersion = b.apiVersion;
    retryPolicy = b.retryPolicy;
    propertyCheck = b.propertyCheck;
    callTimeout = b.callTimeout;
    attemptTimeout = b.attemptTimeout;
    network =
        new HttpTransport.Network(b.connectTimeout, b.readTimeout, b.proxy, b.proxySelector, b.proxyUser,
            b.proxyPassword, b.sslContext, b.trustManager, b.maxIdleConnections, b.keepAlive, b.maxResponseBytes);
    Timing timing = b.timing;
    RateLimiter limiter =
        b.rateLimiter != null ? b.rateLimiter : Limiters.inProcess(b.rateLimit, b.listener, timing::nanoTime);
    rateLimitDescription = b.rateLimiter != null ? b.rateLimiter.getClass().getSimpleName() : b.rateLimit.toString();
    pipeline =
        new Pipeline(
            new Pipeline.Settings(baseUrl + "/", network, b.tokens, retryPolicy, limiter, b.listener, callTimeout,
                attemptTimeout, userAgent(b.userAgentSuffix), timing, b.jitter));
    warnings = new PropertyWarnings(timing);
    if (b.executor != null) {
      executor = b.executor;
      ownExecutor = null;
    } else {
      // Bounded: a caller that queues faster than HubSpot's limit lets through learns it at once
      // (the future fails with RejectedExecutionException) instead of filling the heap.
      ownExecutor =
          new ThreadPoolExecutor(b.maxConcurrentRequests, b.maxConcurrentRequests, 30, TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(b.maxQueuedRequests), Threads.daemonFactory(Threads.PREFIX + "async"));
      ownExecutor.allowCoreThreadTimeOut(true);
      executor = ownExecutor;
    }
  }

  /** @return a builder; an access token or token provider is required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Updates an event: sets what {@code update} sets and leaves the rest as it is.
   *
   * @param externalEventId the event's id in the external event application
   * @param externalAccountId the id of the account, in the external application, that owns it
   * @param update the changes
   * @return the event as HubSpot holds it after the update
   * @throws IllegalArgumentException if an id is null or blank, or not a valid path segment, or
   *     a text to send is not well-formed Unicode (an unpaired surrogate)
   * @throws IllegalStateException if the client is closed, or gets closed during the call
   * @throws HubSpotApiException (a subclass per kind) if HubSpot answered with an error
   * @throws ApiConnectionException if no answer came back, or a timeout ran out
   * @throws DecodingException if the answer was not the expected JSON, or too large
   * @throws RateLimitWaitTimeoutException if the client-side rate limit held the call to its
   *     deadline
   * @throws AccessTokenException if the token provider failed or gave no token
   * @throws UnappliedPropertiesException in {@link PropertyCheck#STRICT} mode, if custom
   *     properties were not applied as sent
   */
  public MarketingEvent update(String externalEventId, String externalAccountId, MarketingEventUpdate update) {
    return updateWithResponse(externalEventId, externalAccountId, update, RequestOptions.none()).event();
  }

  /**
   * Like {@link #update}, returning the full answer: status, headers, rate-limit status,
   * correlation id, the report of custom properties not applied as sent, and attempts.
   *
   * @param externalEventId the event's id in the external event application
   * @param externalAccountId the id of the account, in the external application, that owns it
   * @param update the changes
   * @param options per-call headers and timeouts
   * @return the full answer
   * @throws IllegalArgumentException if an id is null or blank, or not a valid path segment, or
   *     a text to send is not well-formed Unicode (an unpaired surrogate)
   * @throws IllegalStateException if the client is closed, or gets closed during the call
   * @throws HubSpotApiException (a subclass per kind) if HubSpot answered with an error
   * @throws ApiConnectionException if no answer came back, or a timeout ran out
   * @throws DecodingException if the answer was not the expected JSON, or too large
   * @throws RateLimitWaitTimeoutException if the client-side rate limit held the call to its
   *     deadline
   * @throws AccessTokenException if the token provider failed or gave no token
   * @throws UnappliedPropertiesException in {@link PropertyCheck#STRICT} mode
   */
  public UpdateResponse updateWithResponse(
      String externalEventId, String externalAccountId, MarketingEventUpdate update, RequestOptions options) {
    UpdateOperation operation = prepare(externalEventId, externalAccountId, update, options);
    return run(operation, options, new CallContext());
  }

  /**
   * Asynchronous {@link #update}: runs on the client's own threads (or its {@link
   * Builder#executor}), never on the caller's. Arguments are checked at once. The future always
   * completes: with the event, or exceptionally with what {@link #update} throws; with a {@link
   * RejectedExecutionException} at once when the client's queue is full; with the {@link
   * IllegalStateException} of a closed client when {@link #close()} cuts it. {@code cancel(true)}
   * aborts the HTTP exchange or the wait for a permit.
   *
   * @param externalEventId the event's id in the external event application
   * @param externalAccountId the id of the account, in the external application, that owns it
   * @param update the changes
   * @return the event after the update
   * @throws IllegalArgumentException if an id is null or blank, or not a valid path segment, or
   *     a text to send is not well-formed Unicode (an unpaired surrogate)
   */
  public CompletableFuture<MarketingEvent> updateAsync(
      String externalEventId, String externalAccountId, MarketingEventUpdate update) {
    CompletableFuture<UpdateResponse> call =
        updateWithResponseAsync(externalEventId, externalAccountId, update, RequestOptions.none());
    // Not thenApply: cancelling a dependent future leaves its source running, so cancel(true)
    // would neither abort the exchange nor end the wait for a permit.
    CancelsSource<MarketingEvent> event = new CancelsSource<>(call);
    call.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            event.completeExceptionally(failure);
          } else {
            event.complete(response.event());
          }
        });
    return event;
  }

  /**
   * Asynchronous {@link #updateWithResponse}; see {@link #updateAsync} for how the future
   * completes.
   *
   * @param externalEventId the event's id in the external event application
   * @param externalAccountId the id of the account, in the external application, that owns it
   * @param update the changes
   * @param options per-call headers and timeouts
   * @return the full answer
   * @throws IllegalArgumentException if an id is null or blank, or not a valid path segment, or
   *     a text to send is not well-formed Unicode (an unpaired surrogate)
   */
  public CompletableFuture<UpdateResponse> updateWithResponseAsync(
      String externalEventId, String externalAccountId, MarketingEventUpdate update, RequestOptions options) {
    UpdateOperation operation = prepare(externalEventId, externalAccountId, update, options);
    PendingCall<UpdateResponse> future = new PendingCall<>();
    if (closed.get()) {
      future.completeExceptionally(Pipeline.closedException());
      return future;
    }
    pending.add(future);
    future.whenComplete((result, failure) -> pending.remove(future));
    try {
      executor.execute(
          () -> {
            if (future.isDone()) {
              return; // cancelled, or failed by close(), while queued
            }
            try {
              future.complete(run(operation, options, future.context));
            } catch (Throwable e) {
              future.completeExceptionally(e);
              if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
              }
            }
          });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(
          closed.get()
              ? Pipeline.closedException()
              : new RejectedExecutionException("the client's queue of asynchronous calls is full", e));
    }
    if (closed.get() && !future.isDone()) {
      future.closing(); // closed while submitting
    }
    return future;
  }

  private UpdateOperation prepare(
      String externalEventId, String externalAccountId, MarketingEventUpdate update, RequestOptions options) {
    requireId("externalEventId", externalEventId);
    requireId("externalAccountId", externalAccountId);
    Objects.requireNonNull(update, "update == null");
    Objects.requireNonNull(options, "options == null");
    // Mapped on the caller's thread, so that bad input fails there, before anything is queued.
    return new UpdateOperation(externalEventId, externalAccountId, update, Wire.toRequest(update));
  }

  private UpdateResponse run(UpdateOperation operation, RequestOptions options, CallContext call) {
    UpdateResponse response = pipeline.execute(operation, options, call);
    checkProperties(operation.externalEventId, response);
    return response;
  }

  /** The update at the client's API version: only its request and its decoding. */
  private final class UpdateOperation implements Operation<UpdateResponse> {
    private final String externalEventId;
    private final String externalAccountId;
    private final MarketingEventUpdate update;
    private final MarketingEventUpdateRequestParams body;

    UpdateOperation(
        String externalEventId, String externalAccountId, MarketingEventUpdate update,
        MarketingEventUpdateRequestParams body) {
      this.externalEventId = externalEventId;
      this.externalAccountId = externalAccountId;
      this.update = update;
      this.body = body;
    }

    @Override
    public String name() {
      return "update";
    }

    @Override
    public String apiVersion() {
      return apiVersion.toString();
    }

    @Override
    public Request request(MarketingEventsApi api) {
      return apiVersion.updateRoute().call(api, externalEventId, externalAccountId, body).request();
    }

    @Override
    public UpdateResponse decode(Exchange answer, int attempts) {
      String json = new String(answer.body(), StandardCharsets.UTF_8);
      MarketingEvent event = decodeEvent(answer, json);
      PropertyReport report =
          PropertyReport.compare(
              propertyCheck == PropertyCheck.OFF ? List.of() : update.customProperties(), event.customProperties());
      return new UpdateResponse(event, answer.statusCode(), answer.headers(), report, attempts, json);
    }
  }

  static MarketingEvent decodeEvent(Exchange answer, String json) {
    String type = answer.contentType();
    if (type != null && !type.equals("application/json") && !type.endsWith("+json")) {
      throw Errors.get().decoding(answer.statusCode(), answer.correlationId(),
          "HubSpot answered " + answer.statusCode() + " with content type " + type + ", not JSON", null);
    }
    MarketingEventPublicDefaultResponse parsed;
    try {
      parsed = HttpTransport.Json.GSON.fromJson(json, MarketingEventPublicDefaultResponse.class);
    } catch (JsonParseException | java.time.DateTimeException e) {
      throw Errors.get().decoding(answer.statusCode(), answer.correlationId(),
          "HubSpot's answer is not the expected JSON: " + e.getMessage(), e);
    }
    if (parsed == null) {
      throw Errors.get().decoding(answer.statusCode(), answer.correlationId(),
          "HubSpot answered " + answer.statusCode() + " with an empty body", null);
    }
    List<String> missing = Wire.missingRequiredFields(parsed);
    if (!missing.isEmpty()) {
      throw Errors.get().decoding(answer.statusCode(), answer.correlationId(),
          "HubSpot's answer lacks required fields " + missing, null);
    }
    return Wire.fromResponse(parsed);
  }

  /** The property report's post-step: throw, warn (names only, throttled) or stay silent. */
  private void checkProperties(String eventId, UpdateResponse response) {
    PropertyReport report = response.propertyReport();
    if (report.allApplied() || propertyCheck == PropertyCheck.OFF) {
      return;
    }
    if (propertyCheck == PropertyCheck.STRICT) {
      throw Errors.get().unapplied(response);
    }
    warnings.warn(eventId, report);
  }

  /**
   * Releases the client's threads and connections, and closes its rate limiter. Calls in flight
   * fail with {@link IllegalStateException} (never retried, and no connection is opened again),
   * asynchronous calls still queued complete exceptionally with it, and later calls throw it.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (PendingCall<?> call : pending) {
      call.closing();
    }
    pipeline.close();
    if (ownExecutor != null) {
      ownExecutor.shutdown();
      try {
        if (!ownExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
          ownExecutor.shutdownNow();
        }
      } catch (InterruptedException e) {
        ownExecutor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** @return connections open in this client's pool, idle or in use; for diagnostics */
  int openConnections() {
    return pipeline.openConnections();
  }

  /** @return idle connections in this client's pool; for tests */
  int idleConnections() {
    return pipeline.idleConnections();
  }

  @Override
  public String toString() {
    // Never the token, nor the proxy password: only how the client is configured.
    return "MarketingEventsClient{baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", retryPolicy=" + retryPolicy
        + ", rateLimit=" + rateLimitDescription + ", propertyCheck=" + propertyCheck + ", callTimeout=" + callTimeout
        + ", attemptTimeout=" + attemptTimeout + ", network=" + network + ", closed=" + closed.get() + "}";
  }

  private static void requireId(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (name.equals("externalEventId") && (value.equals(".") || value.equals(".."))) {
      throw new IllegalArgumentException(name + " must not be '.' or '..', which address another path");
    }
    PropertyValues.requireWellFormed(name, value);
  }

  private static String userAgent(String suffix) {
    String version = "unknown";
    try (InputStream in = MarketingEventsClient.class.getResourceAsStream("internal/client.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        version = properties.getProperty("version", version);
      }
    } catch (IOException ignored) {
      // The version only decorates the User-Agent.
    }
    String base = "hubspot-marketing-events-java/" + version + " Java/" + System.getProperty("java.version");
    return suffix == null ? base : base + " " + suffix;
  }

  /**
   * A future that cancels its call: {@code cancel} aborts the exchange in flight or the wait for a
   * permit, and the permit goes back to the limiter.
   */
  private static final class PendingCall<T> extends CompletableFuture<T> {
    final CallContext context = new CallContext();

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        context.cancel(CallContext.Reason.CANCELLED);
      }
      return cancelled;
    }

    void closing() {
      completeExceptionally(Pipeline.closedException());
      context.cancel(CallContext.Reason.CLIENT_CLOSED);
    }
  }

  /** A future derived from a call's future, whose cancel cancels the call. */
  private static final class CancelsSource<T> extends CompletableFuture<T> {
    private final CompletableFuture<?> source;

    CancelsSource(CompletableFuture<?> source) {
      this.source = source;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        source.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }
  }

  /**
   * Warns about custom properties HubSpot did not apply: names and event only (values may be
   * personal data, and go to DEBUG), and each name at most once a minute, with the number of
   * repeats since its last warning, so that a sync job sending an undefined property on every
   * update does not flood the log.
   */
  static final class PropertyWarnings {
    private static final long INTERVAL = TimeUnit.MINUTES.toNanos(1);
    private final Timing timing;
    // Per name: when it was last warned about, and how often it was skipped since.
    private final Map<String, long[]> byName = new HashMap<>();

    PropertyWarnings(Timing timing) {
      this.timing = timing;
    }

    void warn(String eventId, PropertyReport report) {
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "Event {0}: custom properties not applied as sent, with values: {1}", eventId,
            report.describeWithValues());
      }
      long now = timing.nanoTime();
      List<String> names = new ArrayList<>();
      long repeats = 0;
      synchronized (byName) {
        for (PropertyReport.Discrepancy d : report.discrepancies()) {
          String name = d.property().name();
          long[] state = byName.get(name);
          if (state == null || now - state[0] >= INTERVAL) {
            names.add(name);
            repeats += state == null ? 0 : state[1];
            byName.put(name, new long[] {now, 0});
          } else {
            state[1]++;
          }
        }
      }
      if (!names.isEmpty()) {
        LOG.log(Level.WARNING, "Event {0}: HubSpot did not apply custom properties {1} as sent (are they defined on"
            + " the account''s MarketingEvent object?){2}", eventId, names,
            repeats == 0 ? "" : "; skipped " + repeats + " more time(s) in the last minute without a warning");
      }
    }
  }

  /** Builds a {@link MarketingEventsClient}. Not thread-safe; {@link #build()} checks everything. */
  public static final class Builder {
    private AccessTokenProvider tokens;
    private String baseUrl = DEFAULT_BASE_URL;
    private ApiVersion apiVersion = ApiVersion.DEFAULT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimit rateLimit = RateLimit.adaptive();
    private RateLimiter rateLimiter;
    private ClientListener listener = new ClientListener() {};
    private PropertyCheck propertyCheck = PropertyCheck.REPORT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private String userAgentSuffix;
    private int maxConcurrentRequests = 64;
    private int maxQueuedRequests = 10_000;
    private Executor executor;
    private Proxy proxy;
    private ProxySelector proxySelector;
    private String proxyUser;
    private String proxyPassword;
    private SSLContext sslContext;
    private X509TrustManager trustManager;
    private int maxIdleConnections = 64;
    private Duration keepAlive = Duration.ofMinutes(5);
    private long maxResponseBytes = 4L * 1024 * 1024;
    private Timing timing = Timing.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private String problem;

    private Builder() {}

    /**
     * A fixed access token: a private app's token, or an OAuth token you replace by building a
     * new client. For OAuth tokens that refresh, use {@link #accessTokenProvider}.
     *
     * @param token the token, sent as {@code Authorization: Bearer <token>}
     * @return this builder
     */
    public Builder accessToken(String token) {
      if (token == null || token.isBlank()) {
        problem = "accessToken must not be blank";
        tokens = null;
        return this;
      }
      String fixed = token.strip();
      if (!Pipeline.isHeaderSafe(fixed)) {
        problem = "accessToken must be visible ASCII without spaces (the value is not shown)";
        tokens = null;
        return this;
      }
      tokens = new FixedToken(fixed);
      problem = null;
      return this;
    }

    /**
     * @param provider asked for the token before every attempt, once its rate-limit permit is
     *     granted, from any thread
     * @return this builder
     */
    public Builder accessTokenProvider(AccessTokenProvider provider) {
      tokens = Objects.requireNonNull(provider, "accessTokenProvider == null");
      problem = null;
      return this;
    }

    /**
     * @param url the API root, such as {@value #DEFAULT_BASE_URL}; {@code http} only for a
     *     loopback host (a local mock)
     * @return this builder
     */
    public Builder baseUrl(String url) {
      baseUrl = Objects.requireNonNull(url, "baseUrl == null");
      return this;
    }

    /**
     * @param version HubSpot's API version to call; {@link ApiVersion#DEFAULT} by default
     * @return this builder
     */
    public Builder apiVersion(ApiVersion version) {
      apiVersion = Objects.requireNonNull(version, "apiVersion == null");
      return this;
    }

    /** @param timeout to open a connection; 10 s by default @return this builder */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = Objects.requireNonNull(timeout, "connectTimeout == null");
      return this;
    }

    /**
     * @param timeout between two reads of the answer, and between two writes of the request;
     *     30 s by default
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      readTimeout = Objects.requireNonNull(timeout, "readTimeout == null");
      return this;
    }

    /**
     * @param timeout the longest one attempt may take, from sending to the end of the answer;
     *     30 s by default. A retry gets a fresh one, cut to what is left of {@link #callTimeout}.
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      attemptTimeout = Objects.requireNonNull(timeout, "attemptTimeout == null");
      return this;
    }

    /**
     * @param timeout the deadline of a whole call: the wait for a rate-limit permit, every
     *     attempt and every backoff; 60 s by default, so that no call takes longer
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      callTimeout = Objects.requireNonNull(timeout, "callTimeout == null");
      return this;
    }

    /** @param policy when to retry; {@link RetryPolicy#none()} to never @return this builder */
    public Builder retryPolicy(RetryPolicy policy) {
      retryPolicy = Objects.requireNonNull(policy, "retryPolicy == null");
      return this;
    }

    /**
     * @param limit the in-process rate limit; {@link RateLimit#adaptive()} by default
     * @return this builder
     */
    public Builder rateLimit(RateLimit limit) {
      rateLimit = Objects.requireNonNull(limit, "rateLimit == null");
      rateLimiter = null;
      return this;
    }

    /**
     * @param limiter a rate limiter of your own, such as one shared by every process of the app
     *     through Redis; used instead of {@link #rateLimit}, by this client only, and closed with
     *     it
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter limiter) {
      rateLimiter = Objects.requireNonNull(limiter, "rateLimiter == null");
      return this;
    }

    /**
     * @param listener hears about attempts, retries, waits and rate limits, for metrics and
     *     tracing
     * @return this builder
     */
    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * @param check what to do when custom properties come back other than sent; {@link
     *     PropertyCheck#REPORT} by default
     * @return this builder
     */
    public Builder propertyCheck(PropertyCheck check) {
      propertyCheck = Objects.requireNonNull(check, "propertyCheck == null");
      return this;
    }

    /**
     * @param suffix appended to the User-Agent, such as {@code acme-sync/2.3}
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      userAgentSuffix = suffix;
      return this;
    }

    /**
     * @param max asynchronous calls running at once on the client's own threads; 64 by default
     * @return this builder
     */
    public Builder maxConcurrentRequests(int max) {
      maxConcurrentRequests = max;
      return this;
    }

    /**
     * @param max asynchronous calls waiting for one of the client's threads; 10,000 by default.
     *     Past it, the future fails at once with {@link RejectedExecutionException}: the caller
     *     is never blocked.
     * @return this builder
     */
    public Builder maxQueuedRequests(int max) {
      maxQueuedRequests = max;
      return this;
    }

    /**
     * @param executor runs asynchronous calls instead of the client's own threads, such as
     *     {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+; the caller owns it and
     *     shuts it down
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * @param proxy the HTTP proxy every request goes through
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      this.proxySelector = null;
      return this;
    }

    /**
     * @param selector picks a proxy per request, such as {@link ProxySelector#getDefault()} for
     *     the JVM's {@code https.proxyHost} settings
     * @return this builder
     */
    public Builder proxySelector(ProxySelector selector) {
      this.proxySelector = Objects.requireNonNull(selector, "proxySelector == null");
      this.proxy = null;
      return this;
    }

    /**
     * @param user the proxy's user name, sent with Basic authentication when the proxy asks (407)
     * @param password the proxy's password; never logged or shown
     * @return this builder
     */
    public Builder proxyCredentials(String user, String password) {
      proxyUser = Objects.requireNonNull(user, "user == null");
      proxyPassword = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * Custom trust, such as the certificate authority of a corporate TLS-inspecting proxy.
     *
     * @param context an initialised TLS context
     * @param trustManager the trust manager it was initialised with
     * @return this builder
     */
    public Builder sslContext(SSLContext context, X509TrustManager trustManager) {
      sslContext = Objects.requireNonNull(context, "sslContext == null");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager == null");
      return this;
    }

    /**
     * @param maxIdle idle connections kept for reuse; 64 by default
     * @param keepAlive how long an idle connection is kept; 5 minutes by default
     * @return this builder
     */
    public Builder connectionPool(int maxIdle, Duration keepAlive) {
      maxIdleConnections = maxIdle;
      this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive == null");
      return this;
    }

    /**
     * @param max the largest answer body read, in bytes; 4 MiB by default. A larger answer fails
     *     with {@link DecodingException} after no more than this was read.
     * @return this builder
     */
    public Builder maxResponseBytes(long max) {
      maxResponseBytes = max;
      return this;
    }

    /** Tests only: virtual time. */
    Builder timing(Timing timing) {
      this.timing = Objects.requireNonNull(timing, "timing == null");
      return this;
    }

    /** Tests only: the source of backoff jitter. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException if no access token or token provider was set, or if the
     *     OkHttp on the class path is not OkHttp 5
     * @throws IllegalArgumentException if a setting is invalid, such as a plain {@code http}
     *     base URL for a host that is not loopback
     */
    public MarketingEventsClient build() {
      OkHttpVersion.check();
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (tokens == null) {
        throw new IllegalStateException("an access token or access token provider is required");
      }
      baseUrl = checkBaseUrl(baseUrl);
      requireTimeout("connectTimeout", connectTimeout);
      requireTimeout("readTimeout", readTimeout);
      requireTimeout("attemptTimeout", attemptTimeout);
      requireTimeout("callTimeout", callTimeout);
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests);
      }
      if (maxQueuedRequests < 1) {
        throw new IllegalArgumentException("maxQueuedRequests must be at least 1, got " + maxQueuedRequests);
      }
      if (maxIdleConnections < 0) {
        throw new IllegalArgumentException("connectionPool maxIdle must not be negative, got " + maxIdleConnections);
      }
      requireTimeout("connectionPool keepAlive", keepAlive);
      if (maxResponseBytes < 1024 || maxResponseBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("maxResponseBytes must be between 1 KiB and 2 GiB, got " + maxResponseBytes);
      }
      if (userAgentSuffix != null) {
        for (int i = 0; i < userAgentSuffix.length(); i++) {
          char c = userAgentSuffix.charAt(i);
          if (c < ' ' || c >= 0x7f) {
            throw new IllegalArgumentException("userAgentSuffix must be printable ASCII");
          }
        }
      }
      return new MarketingEventsClient(this);
    }

    private static void requireTimeout(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
    }

    private static String checkBaseUrl(String url) {
      URI uri;
      try {
        uri = new URI(url.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (host == null || host.isEmpty()) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host: " + url);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not carry a query, fragment or user info");
      }
      if (scheme.equals("http")) {
        if (!isLoopback(host)) {
          throw new IllegalArgumentException(
              "baseUrl must use https; plain http is allowed only for a loopback host, got " + host);
        }
      } else if (!scheme.equals("https")) {
        throw new IllegalArgumentException("baseUrl must use https, got " + url);
      }
      String text = uri.toString();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      return text;
    }

    private static boolean isLoopback(String host) {
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      // Only literal addresses: a name is never resolved here, so no lookup can be spoofed.
      if (!h.matches("[0-9.]+") && !h.contains(":")) {
        return false;
      }
      try {
        return InetAddress.getByName(IDN.toASCII(h)).isLoopbackAddress();
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }
  }

  /** A fixed token whose toString() never shows it. */
  private static final class FixedToken implements AccessTokenProvider {
    private final String token;

    FixedToken(String token) {
      this.token = token;
    }

    @Override
    public String accessToken() {
      return token;
    }

    @Override
    public String toString() {
      return "FixedToken{<redacted>}";
    }
  }
}
