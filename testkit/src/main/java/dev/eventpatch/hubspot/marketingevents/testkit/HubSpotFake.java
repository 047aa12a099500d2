package dev.eventpatch.hubspot.marketingevents.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake HubSpot for tests: an HTTP server on loopback, in the test's JVM, that serves the
 * marketing-event update endpoint at every API version the pinned spec declares and behaves as
 * HubSpot does. Any HTTP client can call it.
 *
 * <pre>{@code
 * try (HubSpotFake fake = HubSpotFake.start()) {
 *   fake.givenEvent("acme-events-4821", "webinar-2026-12-01");
 *   MarketingEventsClient client =
 *       MarketingEventsClient.builder().accessToken("test-token").baseUrl(fake.baseUrl()).build();
 *   // ... run the code under test, then assert on fake.requests() and fake.event(..)
 * }
 * }</pre>
 *
 * <p>Each request goes through, in order: a scripted {@link Fault}, if one is queued or a rule
 * matches; the bearer token (none: 401; one registered by {@link #tokenWithoutScope}: 403); the
 * rolling rate limit, if on (429 {@code TEN_SECONDLY_ROLLING}); the path (not an update path of
 * the spec: 404; another method: 405); the spec (any violation: 400 naming it); the event
 * (unknown: 404); the custom property values (a bad date: 400); then the update, answered with
 * the event after it. Every request is recorded ({@link #requests()}).
 *
 * <p>The fake prints nothing. It keeps a journal of what it answered and why, which {@link
 * HubSpotFakeExtension} prints when a test fails. Thread-safe.
 */
public final class HubSpotFake implements AutoCloseable {
  static final String SCOPE = "crm.objects.marketing_events.write";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_BURST_MAX = 100;
  private static final long DAILY_MAX = 250_000;
  private static final int MAX_JOURNAL = 2_000;
  private static final List<String> STRING_FIELDS =
      List.of("eventName", "eventType", "eventOrganizer", "eventUrl", "eventDescription", "startDateTime", "endDateTime");
  private static final List<String> BOOLEAN_FIELDS = List.of("eventCancelled", "eventCompleted");

  static {
    // The JDK's server writes the status line and headers, then the body, in two packets; with
    // Nagle's algorithm on, the second waits for the client's delayed ACK: 40 ms a request. The
    // server reads this property once, when its first instance starts; a test JVM that set it
    // either way keeps its choice.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final PinnedSpec spec;
  private final String specVersion;
  private final Clock clock;
  private final int rateLimit;
  private final Duration rateWindow;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;

  private final Object lock = new Object();
  private final Map<List<String>, StoredEvent> events = new HashMap<>();
  private final Map<String, PropertyKind> definitions = new HashMap<>();
  private final Set<String> unscopedTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, RollingWindow> windows = new ConcurrentHashMap<>();
  private final Deque<Fault> queued = new ArrayDeque<>();
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
  private final Deque<String> journal = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong nextId = new AtomicLong(58_237_100_001L);

  private HubSpotFake(Builder b) throws IOException {
    spec = b.specText == null ? PinnedSpec.pinned() : PinnedSpec.parse(b.specText);
    specVersion = b.specText == null ? PinnedSpec.pinnedVersion() : "given";
    clock = b.clock;
    rateLimit = b.rateLimit;
    rateWindow = b.rateWindow;
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "hubspot-fake-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    baseUrl = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /**
   * Starts a fake with the defaults: the pinned spec, the system clock, no rate limit.
   *
   * @return a running fake; close it when done
   * @throws UncheckedIOException if no loopback port could be bound
   */
  public static HubSpotFake start() {
    return builder().start();
  }

  /** @return a builder of a fake with non-default settings */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the address to give the client, such as {@code http://127.0.0.1:50123}, no trailing slash */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * @return the API versions served, as the spec's paths spell them ({@code v3}, {@code
   *     2026-03}, ...), in the spec's order
   */
  public List<String> apiVersions() {
    List<String> out = new ArrayList<>();
    for (PinnedSpec.Route r : spec.routes()) {
      out.add(r.version);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * @return the version of the spec requests are checked against: the kit's own version for the
   *     pinned spec, {@code given} for one set by {@link Builder#spec(Path)}
   */
  public String specVersion() {
    return specVersion;
  }

  /**
   * Creates (or replaces) an event, as an external event application would have created it
   * through HubSpot, with a default name and organizer.
   *
   * @param externalAccountId the account id in the external application
   * @param externalEventId the event id in the external application
   * @throws NullPointerException if an id is null
   */
  public void givenEvent(String externalAccountId, String externalEventId) {
    givenEvent(externalAccountId, externalEventId, Map.of());
  }

  /**
   * Creates (or replaces) an event with the given fields.
   *
   * @param externalAccountId the account id in the external application
   * @param externalEventId the event id in the external application
   * @param fields values of {@code eventName}, {@code eventType}, {@code eventOrganizer}, {@code
   *     eventUrl}, {@code eventDescription}, {@code startDateTime}, {@code endDateTime} (strings)
   *     and {@code eventCancelled}, {@code eventCompleted} (booleans); the name defaults to the
   *     event id and the organizer to {@code Fake organizer}
   * @throws IllegalArgumentException for a field the event does not have, or a value of the
   *     wrong type
   */
  public void givenEvent(String externalAccountId, String externalEventId, Map<String, ?> fields) {
    Objects.requireNonNull(externalAccountId, "externalAccountId == null");
    Objects.requireNonNull(externalEventId, "externalEventId == null");
    Objects.requireNonNull(fields, "fields == null");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventName", externalEventId);
    values.put("eventOrganizer", "Fake organizer");
    fields.forEach(
        (name, value) -> {
          boolean ok =
              STRING_FIELDS.contains(name) && value instanceof String
                  || BOOLEAN_FIELDS.contains(name) && value instanceof Boolean;
          if (!ok) {
            throw new IllegalArgumentException("not a field of an event, or not of its type: " + name + "=" + value);
          }
          values.put(name, value);
        });
    Instant now = now();
    synchronized (lock) {
      events.put(
          key(externalAccountId, externalEventId),
          new StoredEvent(Long.toString(nextId.getAndIncrement()), now, values));
    }
  }

  /**
   * The event as the fake holds it, in the shape of HubSpot's answer (field names as in the
   * spec; {@code customProperties} a list of maps with {@code name}, {@code value}, ...).
   *
   * @param externalAccountId the account id in the external application
   * @param externalEventId the event id in the external application
   * @return the event, or empty if there is none with these ids
   */
  public Optional<Map<String, Object>> event(String externalAccountId, String externalEventId) {
    ObjectNode json;
    synchronized (lock) {
      StoredEvent e = events.get(key(externalAccountId, externalEventId));
      if (e == null) {
        return Optional.empty();
      }
      json = e.toJson();
    }
    return Optional.of(Collections.unmodifiableMap(JSON.convertValue(json, new TypeReference<Map<String, Object>>() {})));
  }

  /**
   * The stored value of one custom property of an event, as the fake would return it.
   *
   * @param externalAccountId the account id in the external application
   * @param externalEventId the event id in the external application
   * @param name the property's name
   * @return the value, or empty if the event or the value does not exist
   */
  public Optional<String> property(String externalAccountId, String externalEventId, String name) {
    synchronized (lock) {
      StoredEvent e = events.get(key(externalAccountId, externalEventId));
      StoredProperty p = e == null ? null : e.properties.get(name);
      return p == null ? Optional.empty() : Optional.of(p.value);
    }
  }

  /**
   * Defines a custom property on the account's MarketingEvent object. Values of names not
   * defined are dropped without an error, as HubSpot drops them.
   *
   * @param name the property's internal name
   * @param kind its type, which decides the values accepted and how they come back
   */
  public void defineProperty(String name, PropertyKind kind) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    synchronized (lock) {
      definitions.put(name, kind);
    }
  }

  /**
   * Registers a token as one whose app lacks the scope {@code
   * crm.objects.marketing_events.write}: requests with it get HubSpot's 403. Any other bearer
   * token is accepted.
   *
   * @param token the token, never printed or recorded
   */
  public void tokenWithoutScope(String token) {
    unscopedTokens.add(Objects.requireNonNull(token, "token == null"));
  }

  /**
   * Queues faults for the next requests, one each, in order; queued faults go before rules.
   *
   * @param faults what the next requests get
   */
  public void enqueue(Fault... faults) {
    synchronized (lock) {
      for (Fault f : faults) {
        queued.add(Objects.requireNonNull(f, "fault == null"));
      }
    }
  }

  /**
   * Plays a fault for every request that matches, until {@link #reset()}. Rules are tried in the
   * order added; the first that matches wins.
   *
   * @param when the requests to fail (their {@link RecordedRequest#status()} is still 0)
   * @param fault what they get
   */
  public void faultWhen(Predicate<RecordedRequest> when, Fault fault) {
    rules.add(new FaultRule(Objects.requireNonNull(when, "when == null"), Objects.requireNonNull(fault, "fault == null")));
  }

  /** @return every request received since start or {@link #reset()}, oldest first */
  public List<RecordedRequest> requests() {
    return List.copyOf(recorded);
  }

  /**
   * Forgets everything a test set up or caused: events, property definitions, tokens without
   * scope, faults and rules, rate-limit windows, recorded requests and the journal. The server
   * keeps its port.
   */
  public void reset() {
    synchronized (lock) {
      events.clear();
      definitions.clear();
      queued.clear();
      journal.clear();
    }
    rules.clear();
    unscopedTokens.clear();
    windows.clear();
    recorded.clear();
  }

  /** Stops the server and its threads; a second call does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "HubSpotFake{" + baseUrl + ", versions=" + apiVersions() + "}";
  }

  /** What the fake answered and why, one line a request; printed by the JUnit extension on failure. */
  List<String> journal() {
    synchronized (lock) {
      return new ArrayList<>(journal);
    }
  }

  // ---- request handling ----

  private void handle(HttpExchange ex) throws IOException {
    RecordedRequest rec = null;
    boolean cut = false;
    try {
      byte[] raw = ex.getRequestBody().readAllBytes();
      String bodyText = new String(raw, StandardCharsets.UTF_8);
      String rawPath = ex.getRequestURI().getRawPath();
      Map<String, List<String>> query = parseQuery(ex.getRequestURI().getRawQuery());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      PinnedSpec.Match match = spec.match(rawPath);
      rec =
          new RecordedRequest(
              ex.getRequestMethod(),
              rawPath,
              Collections.unmodifiableMap(query),
              Collections.unmodifiableMap(masked(headers)),
              bodyText,
              parseObject(bodyText),
              match == null ? null : match.route.version,
              match == null ? null : match.externalEventId);
      // Recorded before anything is answered (its status set before the answer goes out), so
      // that a test reading requests() right after its call returned sees it.
      recorded.add(rec);
      Fault fault = nextFault(rec);
      if (fault != null && fault.kind() == Fault.Kind.DELAY) {
        sleep(fault.duration());
        fault = null;
      }
      if (fault != null && fault.kind() == Fault.Kind.DISCONNECT) {
        cut = true;
        note(rec, "closed the connection mid-answer (scripted)");
        sendHalf(ex);
        // The JDK's server closes the connection when a handler throws, and only then: closing
        // the exchange with a short body would leave the client waiting.
        throw new IOException("scripted disconnect");
      }
      Answer answer = fault != null ? faultAnswer(fault) : process(rec, match, headers, query, bodyText);
      rec.status(answer.status);
      note(rec, answer.why);
      send(ex, answer);
    } catch (RuntimeException e) {
      // Whatever broke is the fake's fault, not the test's: answer 500 and say why in the journal.
      if (rec != null) {
        rec.status(500);
        note(rec, "the fake failed: " + e);
      }
      send(ex, error(500, "INTERNAL_ERROR", "The fake failed: " + e.getClass().getSimpleName(), null, null, null));
    } finally {
      if (!cut) {
        ex.close();
      }
    }
  }

  private Answer process(
      RecordedRequest rec,
      PinnedSpec.Match match,
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      String bodyText) {
    String token = bearerToken(headers);
    if (token == null) {
      return error(
          401,
          "INVALID_AUTHENTICATION",
          "Authentication credentials not found: send a private app access token or an OAuth access token"
              + " as a bearer token.",
          null,
          null,
          null).why("no bearer token");
    }
    if (unscopedTokens.contains(token)) {
      ObjectNode detail = JSON.createObjectNode().put("message", "One or more of the following scopes are required.");
      detail.putObject("context").putArray("requiredGranularScopes").add(SCOPE);
      return error(403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call.", null, null,
              List.of(detail))
          .why("token registered as lacking " + SCOPE);
    }
    Map<String, String> limitHeaders = new LinkedHashMap<>();
    if (rateLimit > 0) {
      RollingWindow window = windows.computeIfAbsent(token, t -> new RollingWindow(rateLimit, rateWindow, clock));
      RollingWindow.Decision d = window.tryAcquire();
      limitHeaders.put("X-HubSpot-RateLimit-Max", Integer.toString(rateLimit));
      limitHeaders.put("X-HubSpot-RateLimit-Remaining", Integer.toString(d.remaining()));
      limitHeaders.put("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(rateWindow.toMillis()));
      if (!d.admitted()) {
        Answer a = rateLimitAnswer("TEN_SECONDLY_ROLLING", "ten_secondly_rolling");
        a.headers.putAll(limitHeaders);
        a.headers.put("Retry-After", Long.toString(ceilSeconds(d.retryAfter())));
        return a.why("rolling rate limit of " + rateLimit + " per " + rateWindow + " reached");
      }
    }
    Answer answer = route(rec, match, headers, query, bodyText);
    answer.headers.putAll(limitHeaders);
    return answer;
  }

  private Answer route(
      RecordedRequest rec,
      PinnedSpec.Match match,
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      String bodyText) {
    if (match == null) {
      return error(404, "OBJECT_NOT_FOUND", "No API at " + rec.path() + " in the spec this fake serves.", null, null, null)
          .why("path not declared by the spec");
    }
    if (!"PATCH".equals(rec.method())) {
      Answer a = error(405, "METHOD_NOT_ALLOWED", "Method " + rec.method() + " is not allowed here; use PATCH.", null,
          null, null);
      a.headers.put("Allow", "PATCH");
      return a.why("method not allowed");
    }
    List<PinnedSpec.Violation> violations =
        spec.violations(rec.method(), rec.path(), query, headers, bodyText);
    if (!violations.isEmpty()) {
      List<ObjectNode> details = new ArrayList<>();
      for (PinnedSpec.Violation v : violations) {
        details.add(JSON.createObjectNode().put("message", v.message).put("code", v.key));
      }
      String message =
          "Invalid input: "
              + violations.get(0).message
              + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
      return error(400, "VALIDATION_ERROR", message, null, null, details)
          .why("breaks the spec: " + violations.get(0).key + ": " + violations.get(0).message);
    }
    String accountId = rec.queryParameter("externalAccountId").orElseThrow();
    JsonNode body;
    try {
      body = JSON.readTree(bodyText);
    } catch (JsonProcessingException e) {
      // The validator passed it, so it is JSON; keep the compiler and a future validator honest.
      return error(400, "VALIDATION_ERROR", "Invalid input JSON: " + e.getOriginalMessage(), null, null, null)
          .why("body not JSON");
    }
    synchronized (lock) {
      StoredEvent event = events.get(key(accountId, match.externalEventId));
      if (event == null) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put("externalEventId", List.of(match.externalEventId));
        context.put("externalAccountId", List.of(accountId));
        return error(404, "OBJECT_NOT_FOUND",
                "No marketing event found for externalEventId " + match.externalEventId + " and externalAccountId "
                    + accountId + ".",
                null, context, null)
            .why("no event given for these ids");
      }
      return update(event, body);
    }
  }

  // Under lock. Checks every property value first, so that a 400 changes nothing.
  private Answer update(StoredEvent event, JsonNode body) {
    Instant now = now();
    Map<String, StoredProperty> accepted = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    List<ObjectNode> problems = new ArrayList<>();
    for (JsonNode p : body.path("customProperties")) {
      String name = p.path("name").asText();
      String value = p.path("value").asText();
      PropertyKind kind = definitions.get(name);
      if (kind == null) {
        dropped.add(name);
        continue;
      }
      String stored;
      try {
        stored = PropertyValues.store(kind, value);
      } catch (IllegalArgumentException e) {
        problems.add(
            JSON.createObjectNode().put("message", name + ": " + e.getMessage()).put("code", PropertyValues.code(kind))
                .put("in", name));
        continue;
      }
      accepted.put(name, new StoredProperty(stored, now, p));
    }
    if (!problems.isEmpty()) {
      String message = "Property values were not valid: " + problems.get(0).path("message").asText()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
      return error(400, "VALIDATION_ERROR", message, null, null, problems).why("invalid property value");
    }
    for (String field : STRING_FIELDS) {
      if (body.has(field)) {
        event.fields.put(field, body.get(field).asText());
      }
    }
    for (String field : BOOLEAN_FIELDS) {
      if (body.has(field)) {
        event.fields.put(field, body.get(field).asBoolean());
      }
    }
    event.properties.putAll(accepted);
    event.touch(now);
    Answer a = new Answer(200, "application/json", json(event.toJson()));
    return a.why(dropped.isEmpty() ? "updated" : "updated; dropped undefined properties " + dropped);
  }

  private Fault nextFault(RecordedRequest rec) {
    synchronized (lock) {
      Fault f = queued.poll();
      if (f != null) {
        return f;
      }
    }
    for (FaultRule r : rules) {
      if (r.when.test(rec)) {
        return r.fault;
      }
    }
    return null;
  }

  private Answer faultAnswer(Fault f) {
    switch (f.kind()) {
      case RATE_LIMITED: {
        Answer a = rateLimitAnswer("TEN_SECONDLY_ROLLING", "ten_secondly_rolling");
        a.headers.put("Retry-After", Long.toString(ceilSeconds(f.duration())));
        a.headers.put("X-HubSpot-RateLimit-Max", Integer.toString(rateLimit > 0 ? rateLimit : DEFAULT_BURST_MAX));
        a.headers.put("X-HubSpot-RateLimit-Remaining", "0");
        a.headers.put("X-HubSpot-RateLimit-Interval-Milliseconds",
            Long.toString(rateLimit > 0 ? rateWindow.toMillis() : 10_000));
        return a.why("scripted " + f);
      }
      case DAILY_LIMIT: {
        Answer a = rateLimitAnswer("DAILY", "daily");
        a.headers.put("X-HubSpot-RateLimit-Daily", Long.toString(DAILY_MAX));
        a.headers.put("X-HubSpot-RateLimit-Daily-Remaining", "0");
        return a.why("scripted " + f);
      }
      case SERVER_ERROR:
        return error(f.status(), "INTERNAL_ERROR", "An internal error occurred.", null, null, null).why("scripted " + f);
      case GATEWAY_PAGE: {
        String html =
            "<!DOCTYPE html>\n<html><head><title>" + f.status() + " Gateway error</title></head>\n<body><h1>"
                + f.status() + " Gateway error</h1><p>The server behind this gateway did not answer in time."
                + "</p></body></html>\n";
        return new Answer(f.status(), "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8))
            .why("scripted " + f);
      }
      default:
        throw new IllegalStateException("not an answer: " + f);
    }
  }

  private Answer rateLimitAnswer(String policy, String lowerPolicy) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", "error");
    body.put("message", "You have reached your " + lowerPolicy + " limit.");
    body.put("errorType", "RATE_LIMIT");
    String correlationId = UUID.randomUUID().toString();
    body.put("correlationId", correlationId);
    body.put("policyName", policy);
    body.put("requestId", UUID.randomUUID().toString());
    Answer a = new Answer(429, "application/json", json(body));
    a.headers.put("X-HubSpot-Correlation-Id", correlationId);
    return a;
  }

  private static Answer error(
      int status,
      String category,
      String message,
      String subCategory,
      Map<String, List<String>> context,
      List<ObjectNode> errors) {
    // HubSpot adds "status":"error" to some of these; the spec's Error schema does not have it,
    // and the fake keeps to the spec.
    ObjectNode body = JSON.createObjectNode();
    body.put("message", message);
    String correlationId = UUID.randomUUID().toString();
    body.put("correlationId", correlationId);
    body.put("category", category);
    if (subCategory != null) {
      body.put("subCategory", subCategory);
    }
    if (context != null) {
      body.set("context", JSON.valueToTree(context));
    }
    if (errors != null) {
      ArrayNode list = body.putArray("errors");
      errors.forEach(list::add);
    }
    Answer a = new Answer(status, "application/json", json(body));
    a.headers.put("X-HubSpot-Correlation-Id", correlationId);
    return a;
  }

  private static void send(HttpExchange ex, Answer a) throws IOException {
    ex.getResponseHeaders().set("Content-Type", a.contentType);
    a.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(a.status, a.body.length == 0 ? -1 : a.body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(a.body);
    }
  }

  // Announces a whole answer and sends half of it; the caller then drops the connection.
  private void sendHalf(HttpExchange ex) throws IOException {
    byte[] body = ("{\"id\":\"" + nextId.get() + "\",\"eventName\":\"cut short\",\"customProperties\":[]}")
        .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    OutputStream out = ex.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
  }

  private void note(RecordedRequest rec, String why) {
    String line = rec.method() + " " + rec.path() + (rec.query().isEmpty() ? "" : "?" + rec.query()) + " -> "
        + (rec.status() == 0 ? "no answer" : rec.status()) + ": " + why;
    synchronized (lock) {
      if (journal.size() == MAX_JOURNAL) {
        journal.removeFirst();
      }
      journal.addLast(line);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String bearerToken(Map<String, List<String>> headers) {
    List<String> values = headers.get("authorization");
    if (values == null || values.size() != 1) {
      return null;
    }
    String v = values.get(0).trim();
    if (v.length() < 7 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = v.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private static Map<String, List<String>> masked(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>(headers);
    List<String> auth = headers.get("authorization");
    if (auth != null) {
      List<String> m = new ArrayList<>();
      for (String v : auth) {
        int space = v.trim().indexOf(' ');
        m.add(space < 0 ? "****" : v.trim().substring(0, space) + " ****");
      }
      out.put("authorization", List.copyOf(m));
    }
    return out;
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private static Map<String, Object> parseObject(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        return null;
      }
      return Collections.unmodifiableMap(JSON.convertValue(node, new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long ceilSeconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, s);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> key(String accountId, String eventId) {
    return List.of(accountId, eventId);
  }

  // ---- state ----

  private static final class StoredEvent {
    final String id;
    final Instant createdAt;
    Instant updatedAt;
    final Map<String, Object> fields;
    final Map<String, StoredProperty> properties = new LinkedHashMap<>();

    StoredEvent(String id, Instant createdAt, Map<String, Object> fields) {
      this.id = id;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
      this.fields = fields;
    }

    // updatedAt always moves on, even when the clock has not (a fixed test clock, or two
    // updates within one millisecond).
    void touch(Instant now) {
      updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
    }

    ObjectNode toJson() {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", id);
      n.put("objectId", id);
      n.put("createdAt", createdAt.toString());
      n.put("updatedAt", updatedAt.toString());
      fields.forEach((k, v) -> {
        if (v instanceof Boolean) {
          n.put(k, (Boolean) v);
        } else {
          n.put(k, (String) v);
        }
      });
      ArrayNode props = n.putArray("customProperties");
      properties.forEach((name, p) -> props.add(p.toJson(name)));
      return n;
    }
  }

  private static final class StoredProperty {
    final String value;
    final long timestamp;
    final String source;
    final String sourceId;
    final String sourceLabel;
    final String dataSensitivity;

    StoredProperty(String value, Instant now, JsonNode sent) {
      this.value = value;
      this.timestamp = now.toEpochMilli();
      this.source = sent.hasNonNull("source") ? sent.get("source").asText() : "INTEGRATION";
      this.sourceId = sent.hasNonNull("sourceId") ? sent.get("sourceId").asText() : null;
      this.sourceLabel = sent.hasNonNull("sourceLabel") ? sent.get("sourceLabel").asText() : null;
      this.dataSensitivity = sent.hasNonNull("dataSensitivity") ? sent.get("dataSensitivity").asText() : "none";
    }

    ObjectNode toJson(String name) {
      ObjectNode n = JSON.createObjectNode();
      n.put("name", name);
      n.put("value", value);
      n.put("timestamp", timestamp);
      n.put("source", source);
      if (sourceId != null) {
        n.put("sourceId", sourceId);
      }
      if (sourceLabel != null) {
        n.put("sourceLabel", sourceLabel);
      }
      n.put("selectedByUser", false);
      n.put("selectedByUserTimestamp", 0);
      n.put("persistenceTimestamp", timestamp);
      n.put("useTimestampAsPersistenceTimestamp", false);
      n.put("isEncrypted", false);
      n.put("isLargeValue", false);
      n.put("dataSensitivity", dataSensitivity);
      return n;
    }
  }

  private static final class FaultRule {
    final Predicate<RecordedRequest> when;
    final Fault fault;

    FaultRule(Predicate<RecordedRequest> when, Fault fault) {
      this.when = when;
      this.fault = fault;
    }
  }

  private static final class Answer {
    final int status;
    final String contentType;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();
    String why = "";

    Answer(int status, String contentType, byte[] body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    Answer why(String why) {
      this.why = why;
      return this;
    }
  }

  /** Settings of a fake; {@link #start()} binds a loopback port and starts it. */
  public static final class Builder {
    private String specText;
    private Clock clock = Clock.systemUTC();
    private int rateLimit;
    private Duration rateWindow = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * Serves and validates against this spec file instead of the pinned one: for a spec newer
     * than the kit, or one of your own.
     *
     * @param specFile an OpenAPI 3 document (YAML or JSON) that declares the update operation
     * @return this builder
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder spec(Path specFile) {
      Objects.requireNonNull(specFile, "specFile == null");
      try {
        this.specText = Files.readString(specFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /**
     * Enforces HubSpot's burst limit: at most {@code limit} requests per access token (one
     * token, one app) in any rolling {@code window}; beyond it, 429 {@code
     * TEN_SECONDLY_ROLLING} with {@code Retry-After}. Every answer after the token check then
     * carries {@code X-HubSpot-RateLimit-Max}, {@code -Remaining} (the truth) and {@code
     * -Interval-Milliseconds}. Off by default.
     *
     * @param limit requests per window, at least 1 (HubSpot's tiers: 100, 190, 250)
     * @param window the rolling window (HubSpot's: 10 seconds)
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} or {@code window} is not positive
     */
    public Builder rateLimit(int limit, Duration window) {
      Objects.requireNonNull(window, "window == null");
      if (limit < 1 || window.toMillis() < 1) {
        throw new IllegalArgumentException("limit and window must be positive: " + limit + ", " + window);
      }
      this.rateLimit = limit;
      this.rateWindow = window;
      return this;
    }

    /**
     * The clock behind {@code createdAt}, {@code updatedAt}, property timestamps and the rate
     * limit: a test moves a clock of its own instead of waiting.
     *
     * @param clock the time source
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake; close it when done
     * @throws IllegalArgumentException if the spec declares no update operation
     * @throws UncheckedIOException if no port could be bound
     */
    public HubSpotFake start() {
      try {
        return new HubSpotFake(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
