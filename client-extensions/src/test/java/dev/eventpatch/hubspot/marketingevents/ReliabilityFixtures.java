package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.internal.CallContext;
import dev.eventpatch.hubspot.marketingevents.internal.Timing;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Shared pieces of the reliability suites ({@link FaultMatrixTest}, {@link
 * BadInputPropertiesTest}, {@link LoadTest}, {@link SecretLeakTest}): virtual time, canned
 * HubSpot bodies, a raw socket server for faults MockWebServer cannot make, server-side decoding
 * of what arrived, and a log capture.
 */
final class ReliabilityFixtures {
  /** Recognisable and obviously fake: {@link SecretLeakTest} looks for it everywhere. */
  static final String TOKEN = "pat-test-RELIABILITY-0000-not-a-real-token";

  /** Where virtual time starts: a whole second, so that HTTP dates compare exactly. */
  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  /** The endpoint's path up to the event id, as the server sees it. */
  static final String PATH_PREFIX = "/marketing/marketing-events/2026-09/events/";

  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private ReliabilityFixtures() {}

  /** Virtual time starting at {@link #START}; see {@link dev.eventpatch.hubspot.marketingevents.VirtualTime}. */
  static final class VirtualTime extends dev.eventpatch.hubspot.marketingevents.VirtualTime {
    VirtualTime() {
      super(START);
    }
  }

  /**
   * Real monotonic time with waits that return at once and are counted, for runs whose many
   * threads share one client: a shared virtual clock would let one call's waits eat another's
   * deadline.
   */
  static final class CountingSleeper implements Timing {
    final AtomicInteger sleeps = new AtomicInteger();
    final AtomicLong millis = new AtomicLong();

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Clock wallClock() {
      return Clock.systemUTC();
    }

    @Override
    public void sleep(long nanos, CallContext call) {
      sleeps.incrementAndGet();
      millis.addAndGet(nanos / 1_000_000);
    }
  }

  /** Full-jitter backoff with this draw waits {@code floor(0.5 * (ceiling + 1))} ms: exact waits. */
  static final double HALF = 0.5;

  /**
   * A retry policy whose waits are exact once the client draws {@link #HALF}: attempts as given,
   * 500 ms base, 20 s cap, so that the waits are 250, 500, 1000, ... ms.
   */
  static RetryPolicy.Builder exactRetries(int maxAttempts) {
    return RetryPolicy.builder().maxAttempts(maxAttempts);
  }

  // ---- Bodies as HubSpot sends them ----

  /** A 200 body holding every required field, echoing the name and properties given. */
  static String eventJson(String id, String eventName, String organizer, JsonArray customProperties) {
    JsonObject event = new JsonObject();
    event.addProperty("id", id);
    event.addProperty("objectId", "91" + Math.abs(id.hashCode()));
    event.addProperty("createdAt", "2026-11-01T09:00:00Z");
    event.addProperty("updatedAt", "2026-12-01T10:00:00.123Z");
    event.addProperty("eventName", eventName);
    event.addProperty("eventOrganizer", organizer);
    event.add("customProperties", customProperties == null ? new JsonArray() : customProperties);
    return GSON.toJson(event);
  }

  static String eventJson(String id, String eventName) {
    return eventJson(id, eventName, "Acme Events", new JsonArray());
  }

  /** HubSpot's ordinary error body, every field set. */
  static String errorJson(int status, String category, String subCategory, String correlationId, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("status", "error");
    error.addProperty("category", category);
    error.addProperty("subCategory", subCategory);
    error.addProperty("correlationId", correlationId);
    error.addProperty("message", message);
    JsonObject context = new JsonObject();
    JsonArray ids = new JsonArray();
    ids.add("webinar-2026-12-01");
    context.add("externalEventId", ids);
    error.add("context", context);
    JsonObject links = new JsonObject();
    links.addProperty("knowledge-base", "https://developers.hubspot.com/docs/api/marketing/marketing-events");
    error.add("links", links);
    JsonArray errors = new JsonArray();
    JsonObject detail = new JsonObject();
    detail.addProperty("message", message + " (detail of " + status + ")");
    detail.addProperty("code", "E" + status);
    detail.addProperty("in", "externalEventId");
    errors.add(detail);
    error.add("errors", errors);
    return GSON.toJson(error);
  }

  /** HubSpot's 429 body, which has a shape of its own. */
  static String rateLimitJson(String policyName, String correlationId) {
    JsonObject body = new JsonObject();
    body.addProperty("status", "error");
    body.addProperty("message", "You have reached your " + policyName.toLowerCase(Locale.ROOT) + " limit.");
    body.addProperty("errorType", "RATE_LIMIT");
    body.addProperty("correlationId", correlationId);
    body.addProperty("policyName", policyName);
    body.addProperty("requestId", "req-" + correlationId);
    return GSON.toJson(body);
  }

  static MockResponse.Builder json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=utf-8").body(body);
  }

  /** A 200 answer to {@link FaultRun#update}: the name given, and its one property applied. */
  static MockResponse ok(String eventName) {
    return json(200, okBody(eventName)).setHeader("X-HubSpot-Correlation-Id", "ok-corr").build();
  }

  /** The body of {@link #ok}. */
  static String okBody(String eventName) {
    JsonArray properties = new JsonArray();
    JsonObject seats = new JsonObject();
    seats.addProperty("name", "seats_available");
    seats.addProperty("value", "120");
    properties.add(seats);
    return eventJson("hs-1", eventName, "Acme Events", properties);
  }

  /**
   * @return a MockWebServer, not started, whose connections send at once (TCP_NODELAY): it
   *     writes an answer's head and body separately, and Nagle's algorithm would hold the body
   *     back for the client's delayed acknowledgement, some 40 ms an answer on Linux loopback
   */
  static MockWebServer newServer() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new ServerSocketFactory() {
      @Override
      public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
      }

      @Override
      public ServerSocket createServerSocket(int port) throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        throw new UnsupportedOperationException();
      }
    });
    return server;
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  // ---- What the server received ----

  /**
   * An update as the server received it, decoded on the server side from the raw request
   * target (not from OkHttp's view of it): the path must be the endpoint's with one segment
   * after it, the query exactly one {@code externalAccountId}.
   *
   * @param eventId the decoded path segment
   * @param accountId the decoded query value
   * @param body the JSON body
   */
  record Received(String eventId, String accountId, JsonObject body) {
    static Received of(RecordedRequest request) {
      if (!"PATCH".equals(request.getMethod())) {
        throw new AssertionError("expected PATCH, got " + request.getMethod());
      }
      String target = request.getTarget();
      int query = target.indexOf('?');
      if (query < 0) {
        throw new AssertionError("no query in " + target);
      }
      String path = target.substring(0, query);
      if (!path.startsWith(PATH_PREFIX)) {
        throw new AssertionError("request went to another path: " + abbreviate(path));
      }
      String segment = path.substring(PATH_PREFIX.length());
      if (segment.indexOf('/') >= 0 || segment.isEmpty()) {
        throw new AssertionError("the event id is not exactly one path segment: " + abbreviate(path));
      }
      String rawQuery = target.substring(query + 1);
      if (rawQuery.indexOf('&') >= 0 || rawQuery.indexOf('#') >= 0 || !rawQuery.startsWith("externalAccountId=")) {
        throw new AssertionError("the query is not exactly one externalAccountId: " + abbreviate(rawQuery));
      }
      String accountId = percentDecode(rawQuery.substring("externalAccountId=".length()));
      JsonElement body = JsonParser.parseString(strictUtf8(request.getBody().toByteArray(), "the body"));
      return new Received(percentDecode(segment), accountId, body.getAsJsonObject());
    }

    /** @return the request's custom properties, name to value, in order */
    List<String[]> customProperties() {
      List<String[]> pairs = new ArrayList<>();
      for (JsonElement element : body.getAsJsonArray("customProperties")) {
        JsonObject property = element.getAsJsonObject();
        pairs.add(new String[] {property.get("name").getAsString(), property.get("value").getAsString()});
      }
      return pairs;
    }

    /** @return a body field as text, or null when absent */
    String text(String field) {
      JsonElement value = body.get(field);
      return value == null || value.isJsonNull() ? null : value.getAsString();
    }
  }

  /**
   * Strict RFC 3986 percent-decoding into UTF-8: {@code +} stays a plus, and bytes that are not
   * UTF-8 fail instead of becoming replacement characters.
   */
  static String percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          throw new AssertionError("truncated percent-escape in " + abbreviate(encoded));
        }
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c > 0x20 && c < 0x7f) {
        bytes.write(c);
      } else {
        throw new AssertionError("unencoded character 0x" + Integer.toHexString(c) + " on the request line");
      }
    }
    return strictUtf8(bytes.toByteArray(), abbreviate(encoded));
  }

  /** Decodes UTF-8, failing on malformed bytes instead of replacing them. */
  static String strictUtf8(byte[] bytes, String what) {
    try {
      return UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("the server received bytes that are not UTF-8 in " + what, e);
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)";
  }

  /** @return whether the text is well-formed UTF-16: every surrogate in a pair */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // ---- A raw server, for a real TCP reset ----

  /**
   * An HTTP/1.1 server on loopback, for what MockWebServer cannot do:
   * reset a connection (RST, not FIN) in the middle of an answer. Each accepted connection is
   * served by the next step of its script; the last step repeats.
   */
  static final class RawServer implements AutoCloseable {
    /** What to do with one connection, after its request was read. */
    interface Step {
      void serve(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final List<Step> script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();

    RawServer(Step... script) throws IOException {
      this.script = List.of(script);
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::acceptLoop, "reliability-raw-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** @return connections accepted so far: one per attempt, as each answer closes its connection */
    int connections() {
      return connections.get();
    }

    /** @return connections the server has closed so far */
    int closedConnections() {
      return closed.get();
    }

    /** @return the head (request line and headers) of every request read */
    List<String> requestHeads() {
      return List.copyOf(requestHeads);
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        Socket socket;
        try {
          socket = server.accept();
        } catch (IOException e) {
          return; // closed by close()
        }
        Step step = script.get(Math.min(connections.getAndIncrement(), script.size() - 1));
        Thread handler = new Thread(() -> serve(socket, step), "reliability-raw-connection");
        handler.setDaemon(true);
        handlers.add(handler);
        handler.start();
      }
    }

    private void serve(Socket socket, Step step) {
      try (socket) {
        socket.setSoTimeout(5_000);
        requestHeads.add(readRequest(socket.getInputStream()));
        step.serve(socket, socket.getOutputStream());
      } catch (IOException e) {
        // The client went away, which is what several steps provoke.
      } finally {
        closed.incrementAndGet();
      }
    }

    private static String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("request ended early");
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String text = head.toString(US_ASCII);
      long length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Long.parseLong(line.substring("content-length:".length()).trim());
        }
      }
      for (long i = 0; i < length; i++) {
        if (in.read() < 0) {
          throw new IOException("request body ended early");
        }
      }
      return text;
    }

    /** Sends the head and the first bytes of a 200 answer, then resets the connection. */
    static Step resetMidResponse(String body) {
      return (socket, out) -> {
        byte[] bytes = body.getBytes(UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(US_ASCII));
        out.write(bytes, 0, bytes.length / 3);
        out.flush();
        socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
      };
    }

    /**
     * Sends a 200 head at once, then its body one byte per interval, until the body ends or the
     * client goes away.
     */
    static Step trickle(String body, Duration interval) {
      return (socket, out) -> {
        byte[] bytes = body.getBytes(UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
            + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(US_ASCII));
        out.flush();
        try {
          for (byte b : bytes) {
            Thread.sleep(interval.toMillis());
            out.write(b);
            out.flush();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
    }

    /**
     * Sends a complete answer that keeps the connection alive (no {@code Connection: close}),
     * then, after {@code idle} without another request, closes the socket without notice: what a
     * load balancer does to idle keep-alive connections. The client's pool still holds it.
     */
    static Step keepAliveThenCloseWhenIdle(int status, String body, Duration idle) {
      return (socket, out) -> {
        byte[] bytes = body.getBytes(UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length + "\r\nConnection: keep-alive\r\nKeep-Alive: timeout=300\r\n\r\n";
        out.write(head.getBytes(US_ASCII));
        out.write(bytes);
        out.flush();
        try {
          Thread.sleep(idle.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
    }

    /** Sends a complete answer and closes the connection. */
    static Step answer(int status, String body) {
      return (socket, out) -> {
        byte[] bytes = body.getBytes(UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
            + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(US_ASCII));
        out.write(bytes);
        out.flush();
      };
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        acceptor.join(5_000);
        for (Thread handler : handlers) {
          handler.interrupt();
          handler.join(5_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** @return a loopback URL on which nothing listens: connecting is refused */
  static String refusingUrl() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    return "http://127.0.0.1:" + port;
  }

  // ---- Logs ----

  /**
   * Collects what the client logs. The client logs through {@link System.Logger}, whose default
   * backend is java.util.logging: a handler at level ALL on the client's logger (and OkHttp's)
   * sees every line, DEBUG included, formatted as a console would print it.
   */
  static final class LogCapture extends Handler implements AutoCloseable {
    private static final String[] NAMES = {"dev.eventpatch.hubspot.marketingevents", "okhttp3"};

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    static LogCapture install() {
      LogCapture capture = new LogCapture();
      capture.setLevel(Level.ALL);
      for (String name : NAMES) {
        Logger logger = Logger.getLogger(name); // held here: JUL keeps loggers only weakly
        capture.loggers.add(logger);
        capture.previous.add(logger.getLevel());
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
      }
      return capture;
    }

    @Override
    public void publish(LogRecord record) {
      lines.add(formatter.format(record));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          lines.add(String.valueOf(parameter));
        }
      }
    }

    List<String> lines() {
      return Collections.unmodifiableList(lines);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).removeHandler(this);
        loggers.get(i).setLevel(previous.get(i));
      }
    }
  }

  /** @return everything a throwable shows: toString, message, causes and suppressed, stack trace */
  static String describe(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
