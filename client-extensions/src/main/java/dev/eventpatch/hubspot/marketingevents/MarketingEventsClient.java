package dev.eventpatch.hubspot.marketingevents;

import com.google.gson.JsonParseException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.ApiTimeoutException;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.UnappliedPropertiesException;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.internal.ErrorDecoder;
import dev.eventpatch.hubspot.marketingevents.internal.Exchange;
import dev.eventpatch.hubspot.marketingevents.internal.HttpTransport;
import dev.eventpatch.hubspot.marketingevents.internal.RollingWindowRateLimiter;
import dev.eventpatch.hubspot.marketingevents.internal.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.IDN;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Updates HubSpot marketing events by the ids of the external application that created them.
 * Immutable and thread-safe: build one per access token (or token provider) and share it; it
 * holds one connection pool. Close it to release its threads and connections.
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
 * <p>Every call is rate-limited on the client side, retried by the {@link RetryPolicy} when
 * HubSpot or the network fails transiently, and checked for custom properties HubSpot dropped
 * (see {@link PropertyCheck}). Failures are unchecked {@link MarketingEventsException}s: {@link
 * HubSpotApiException} subclasses for HubSpot's answers, {@link ApiConnectionException} for the
 * network, {@link DecodingException} for an answer that is not the expected JSON.
 *
 * <p>Logging goes through {@link System.Logger} (names under {@code
 * dev.eventpatch.hubspot.marketingevents}): no logging library is imposed, and any of them can
 * take it over. Request and response lines are logged at DEBUG, never with the token.
 */
public final class MarketingEventsClient implements AutoCloseable {
  /** HubSpot's API host. */
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  private static final Logger LOG = System.getLogger("dev.eventpatch.hubspot.marketingevents");

  private final AccessTokenProvider tokens;
  private final String baseUrl;
  private final RetryPolicy retryPolicy;
  private final RateLimit rateLimit;
  private final PropertyCheck propertyCheck;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final String userAgentSuffix;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HttpTransport transport;
  private final RollingWindowRateLimiter limiter;
  private final ThreadPoolExecutor asyncExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MarketingEventsClient(Builder b) {
    tokens = b.tokens;
    baseUrl = b.baseUrl;
    retryPolicy = b.retryPolicy;
    rateLimit = b.rateLimit;
    propertyCheck = b.propertyCheck;
    connectTimeout = b.connectTimeout;
    readTimeout = b.readTimeout;
    callTimeout = b.callTimeout;
    userAgentSuffix = b.userAgentSuffix;
    clock = b.clock;
    sleeper = b.sleeper;
    transport =
        new HttpTransport(baseUrl + "/", connectTimeout, readTimeout, callTimeout, userAgent(userAgentSuffix),
            b.maxConcurrentRequests);
    limiter =
        rateLimit.kind() == RateLimit.Kind.NONE
            ? null
            : new RollingWindowRateLimiter(rateLimit.requests(), rateLimit.window(), rateLimit.kind() != RateLimit.Kind.FIXED, clock,
                sleeper);
    asyncExecutor =
        new ThreadPoolExecutor(b.maxConcurrentRequests, b.maxConcurrentRequests, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), Threads.daemonFactory(Threads.PREFIX + "async"));
    asyncExecutor.allowCoreThreadTimeOut(true);
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
   * @throws IllegalStateException if the client is closed, or the token provider gave no token
   * @throws HubSpotApiException (a subclass per kind) if HubSpot answered with an error
   * @throws ApiConnectionException if no answer came back
   * @throws DecodingException if the answer was not the expected JSON
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
   * @param options per-call headers and timeout
   * @return the full answer
   * @throws IllegalArgumentException if an id is null or blank, or not a valid path segment, or
   *     a text to send is not well-formed Unicode (an unpaired surrogate)
   * @throws IllegalStateException if the client is closed, or the token provider gave no token
   * @throws HubSpotApiException (a subclass per kind) if HubSpot answered with an error
   * @throws ApiConnectionException if no answer came back
   * @throws DecodingException if the answer was not the expected JSON
   * @throws UnappliedPropertiesException in {@link PropertyCheck#STRICT} mode
   */
  public UpdateResponse updateWithResponse(
      String externalEventId, String externalAccountId, MarketingEventUpdate update, RequestOptions options) {
    requireId("externalEventId", externalEventId);
    requireId("externalAccountId", externalAccountId);
    Objects.requireNonNull(update, "update == null");
    Objects.requireNonNull(options, "options == null");
    if (closed.get()) {
      throw new IllegalStateException("client is closed");
    }
    MarketingEventUpdateRequestParams body = Wire.toRequest(update);
    UpdateResponse response = execute(externalEventId, externalAccountId, body, update, options);
    checkProperties(externalEventId, response);
    return response;
  }

  /**
   * Asynchronous {@link #update}: runs on the client's own threads, never on the caller's.
   * Arguments are checked at once; failures complete the future exceptionally with the
   * exceptions {@link #update} throws.
   *
   * @param externalEventId the event's id in the external event application
   * @param externalAccountId the id of the account, in the external application, that owns it
   * @param update the changes
   * @return the event after the update
   * @throws IllegalArgumentException if an id is null or blank
   */
  public CompletableFuture<MarketingEvent> updateAsync(
      String externalEventId, String externalAccountId, MarketingEventUpdate update) {
    return updateWithResponseAsync(externalEventId, externalAccountId, update, RequestOptions.none())
        .thenApply(UpdateResponse::event);
  }

  /**
   * Asynchronous {@link #updateWithResponse}.
   *
   * @param externalEventId the event's id in the external event application
   * @param externalAccountId the id of the account, in the external application, that owns it
   * @param update the changes
   * @param options per-call headers and timeout
   * @return the full answer
   * @throws IllegalArgumentException if an id is null or blank
   */
  public CompletableFuture<UpdateResponse> updateWithResponseAsync(
      String externalEventId, String externalAccountId, MarketingEventUpdate update, RequestOptions options) {
    requireId("externalEventId", externalEventId);
    requireId("externalAccountId", externalAccountId);
    Objects.requireNonNull(update, "update == null");
    Objects.requireNonNull(options, "options == null");
    CompletableFuture<UpdateResponse> future = new CompletableFuture<>();
    try {
      asyncExecutor.execute(
          () -> {
            try {
              future.complete(updateWithResponse(externalEventId, externalAccountId, update, options));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new IllegalStateException("client is closed", e));
    }
    return future;
  }

  private UpdateResponse execute(
      String eventId, String accountId, MarketingEventUpdateRequestParams body, MarketingEventUpdate update,
      RequestOptions options) {
    long start = clock.millis();
    int attempt = 0;
    while (true) {
      attempt++;
      String token = options.omitAuthorization() ? null : currentToken();
      MarketingEventsException failure;
      Duration retryAfter = null;
      try {
        RollingWindowRateLimiter.Permit permit = limiter == null ? null : limiter.acquirePermit();
        Exchange exchange;
        try {
          exchange =
              transport.send(eventId, accountId, body, token, options.headers(), options.timeout().orElse(null),
                  attempt);
        } finally {
          if (permit != null) {
            limiter.completed(permit);
          }
        }
        adaptLimiter(exchange);
        int status = exchange.statusCode();
        if (status >= 200 && status < 300) {
          String json = new String(exchange.body(), StandardCharsets.UTF_8);
          MarketingEvent event = decode(exchange, json);
          return new UpdateResponse(event, status, exchange.headers(),
              propertyCheck == PropertyCheck.OFF
                  ? PropertyReport.compare(List.of(), event.customProperties())
                  : PropertyReport.compare(update.customProperties(), event.customProperties()),
              attempt, json);
        }
        HubSpotApiException error = ErrorDecoder.decode(exchange, clock);
        if (status == 429) {
          retryAfter = error.retryAfter().orElse(null);
          if (limiter != null) {
            limiter.onRateLimited(retryAfter);
          }
          if (((RateLimitException) error).isDailyLimit() || !retryPolicy.retriesStatus(status)) {
            throw error;
          }
        } else if (!retryPolicy.retriesStatus(status)) {
          throw error;
        }
        failure = error;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException("interrupted while waiting for the rate limiter", e);
      } catch (IOException e) {
        failure = connectionFailure(e);
        if (!retryPolicy.retryOnConnectionFailure()) {
          throw failure;
        }
      }
      Duration delay = nextDelay(attempt, retryAfter, start);
      if (delay == null) {
        throw failure;
      }
      LOG.log(Level.DEBUG, "retrying after {0} ms: {1}", delay.toMillis(), failure.getMessage());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }

  /** The wait before the next attempt, or null to give up. */
  private Duration nextDelay(int attemptsMade, Duration retryAfter, long start) {
    if (attemptsMade >= retryPolicy.maxAttempts()) {
      return null;
    }
    Duration delay = retryPolicy.backoff(attemptsMade);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    if (delay.compareTo(retryPolicy.maxDelay()) > 0) {
      return null;
    }
    long elapsed = clock.millis() - start;
    if (elapsed + delay.toMillis() > retryPolicy.budget().toMillis()) {
      return null;
    }
    return delay;
  }

  private static MarketingEventsException connectionFailure(IOException e) {
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new ApiTimeoutException("timed out waiting for HubSpot: " + e.getMessage(), e);
    }
    return new ApiConnectionException("connection to HubSpot failed: " + e, e);
  }

  private void adaptLimiter(Exchange exchange) {
    if (limiter == null) {
      return;
    }
    RateLimitStatus status = RateLimitStatus.fromHeaders(exchange.headers());
    limiter.onRateLimitHeaders(
        boxed(status.max()), status.interval().map(d -> (int) d.toMillis()).orElse(null), boxed(status.remaining()));
  }

  private static Integer boxed(java.util.OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  // Package-private for SuccessBodyFuzzTest, which feeds it every body a fuzzer can make.
  static MarketingEvent decode(Exchange exchange, String json) {
    String type = exchange.contentType();
    if (type != null && !type.equals("application/json") && !type.endsWith("+json")) {
      throw new DecodingException(exchange.statusCode(), exchange.correlationId(),
          "HubSpot answered " + exchange.statusCode() + " with content type " + type + ", not JSON", null);
    }
    MarketingEventPublicDefaultResponse parsed;
    try {
      parsed = HttpTransport.Json.GSON.fromJson(json, MarketingEventPublicDefaultResponse.class);
    } catch (JsonParseException | java.time.DateTimeException e) {
      throw new DecodingException(exchange.statusCode(), exchange.correlationId(),
          "HubSpot's answer is not the expected JSON: " + e.getMessage(), e);
    }
    if (parsed == null) {
      throw new DecodingException(exchange.statusCode(), exchange.correlationId(),
          "HubSpot answered " + exchange.statusCode() + " with an empty body", null);
    }
    List<String> missing = Wire.missingRequiredFields(parsed);
    if (!missing.isEmpty()) {
      throw new DecodingException(exchange.statusCode(), exchange.correlationId(),
          "HubSpot's answer lacks required fields " + missing, null);
    }
    return Wire.fromResponse(parsed);
  }

  private void checkProperties(String eventId, UpdateResponse response) {
    PropertyReport report = response.propertyReport();
    if (report.allApplied() || propertyCheck == PropertyCheck.OFF) {
      return;
    }
    if (propertyCheck == PropertyCheck.STRICT) {
      throw new UnappliedPropertiesException(response);
    }
    LOG.log(Level.WARNING, "Event {0}: HubSpot did not apply these custom properties as sent (are they defined"
        + " on the account''s MarketingEvent object?): {1}", eventId, report.discrepancies());
  }

  private String currentToken() {
    String token;
    try {
      token = tokens.accessToken();
    } catch (RuntimeException e) {
      throw new IllegalStateException("the access token provider failed: " + e.getClass().getName(), e);
    }
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("the access token provider returned no token; nothing was sent");
    }
    String stripped = token.strip();
    if (!isHeaderSafe(stripped)) {
      throw new IllegalStateException(
          "the access token provider returned a token with characters a header cannot carry; nothing was sent");
    }
    return stripped;
  }

  /** Visible ASCII only: anything else would fail in OkHttp, or split the header. Never echoed. */
  static boolean isHeaderSafe(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
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

  /**
   * Releases the client's threads and connections. Calls in flight may fail; later calls throw
   * {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    asyncExecutor.shutdown();
    try {
      if (!asyncExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
        asyncExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      asyncExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    transport.close();
  }

  /** @return connections open in this client's pool, idle or in use; for diagnostics */
  int openConnections() {
    return transport.connectionCount();
  }

  @Override
  public String toString() {
    // Never the token: only how the client is configured.
    return "MarketingEventsClient{baseUrl=" + baseUrl + ", retryPolicy=" + retryPolicy + ", rateLimit="
        + rateLimit + ", propertyCheck=" + propertyCheck + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", closed=" + closed.get() + "}";
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

  /** Builds a {@link MarketingEventsClient}. Not thread-safe; {@link #build()} checks everything. */
  public static final class Builder {
    private AccessTokenProvider tokens;
    private String baseUrl = DEFAULT_BASE_URL;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimit rateLimit = RateLimit.adaptive();
    private PropertyCheck propertyCheck = PropertyCheck.REPORT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private String userAgentSuffix;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private int maxConcurrentRequests = 64;
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
      if (!isHeaderSafe(fixed)) {
        problem = "accessToken must be visible ASCII without spaces (the value is not shown)";
        tokens = null;
        return this;
      }
      tokens = new FixedToken(fixed);
      problem = null;
      return this;
    }

    /**
     * @param provider asked for the token before every request, from any thread
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

    /** @param timeout to open a connection @return this builder */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = Objects.requireNonNull(timeout, "connectTimeout == null");
      return this;
    }

    /** @param timeout between two reads of the answer @return this builder */
    public Builder readTimeout(Duration timeout) {
      readTimeout = Objects.requireNonNull(timeout, "readTimeout == null");
      return this;
    }

    /**
     * @param timeout for one attempt from start to end; {@link Duration#ZERO} for none
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
     * @param limit the client-side rate limit; {@link RateLimit#none()} to send at once
     * @return this builder
     */
    public Builder rateLimit(RateLimit limit) {
      rateLimit = Objects.requireNonNull(limit, "rateLimit == null");
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
     * @param max calls in flight at once through {@link #updateAsync}, and idle connections
     *     kept; 64 by default
     * @return this builder
     */
    public Builder maxConcurrentRequests(int max) {
      maxConcurrentRequests = max;
      return this;
    }

    /**
     * @param clock the time source of retries and the rate limiter; for tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * @param sleeper how retries and the rate limiter wait; for tests
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException if no access token or token provider was set
     * @throws IllegalArgumentException if a setting is invalid, such as a plain {@code http}
     *     base URL for a host that is not loopback
     */
    public MarketingEventsClient build() {
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (tokens == null) {
        throw new IllegalStateException("an access token or access token provider is required");
      }
      baseUrl = checkBaseUrl(baseUrl);
      requireTimeout("connectTimeout", connectTimeout, false);
      requireTimeout("readTimeout", readTimeout, false);
      requireTimeout("callTimeout", callTimeout, true);
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests);
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

    private static void requireTimeout(String name, Duration value, boolean zeroAllowed) {
      if (value.isNegative() || (!zeroAllowed && value.isZero())) {
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
