package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.eventpatch.hubspot.marketingevents.testkit.RollingWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process loopback server every contender talks to: the JDK's HTTP server (HTTP/1.1,
 * keep-alive), answering every request with the spec's 200 example, or, with a {@link
 * RollingWindow} (the testkit's, one per server: the benchmarks play a single app), with
 * HubSpot's 429 once the window is full. The same server, headers and body for every contender;
 * the request body is always read whole.
 */
public final class LoopbackServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY the server's small writes can wait on the client's delayed ACK (Nagle).
    // The JDK's server reads this once, when its first instance is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The correlation id every answer carries (the spec's example). */
  public static final String CORRELATION_ID = "3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71";

  private final HttpServer server;
  private final RollingWindow window;
  private final RequestRecorder recorder;
  private final ExecutorService executor;
  private final byte[] ok = SpecExamples.get().updatedEvent();
  private final byte[] tooMany = SpecExamples.get().tooManyRequests();
  private final AtomicLong okCount = new AtomicLong();
  private final AtomicLong tooManyCount = new AtomicLong();

  /** Receives each request the server read; for tests. */
  @FunctionalInterface
  public interface RequestRecorder {
    /**
     * @param method the request method
     * @param uri the raw request target
     * @param headers the request headers
     * @param body the request body
     */
    void received(String method, String uri, Headers headers, byte[] body);
  }

  private LoopbackServer(RollingWindow window, ExecutorService executor, RequestRecorder recorder)
      throws IOException {
    this.window = window;
    this.recorder = recorder;
    this.executor = executor;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::handle);
    // Null: requests are served on the server's dispatcher thread, the quickest path for one
    // connection; a pool serves concurrent connections at once.
    server.setExecutor(executor);
    server.start();
  }

  /**
   * A server that always answers 200, on its dispatcher thread.
   *
   * @return the started server
   * @throws IOException if it cannot listen
   */
  public static LoopbackServer start() throws IOException {
    return new LoopbackServer(null, null, null);
  }

  /**
   * @param window the rolling window to enforce, or null for none
   * @param executor the threads that serve requests, or null for the dispatcher thread; shut
   *     down by {@link #close()}
   * @param recorder told of every request, or null
   * @return the started server
   * @throws IOException if it cannot listen
   */
  public static LoopbackServer start(RollingWindow window, ExecutorService executor, RequestRecorder recorder)
      throws IOException {
    return new LoopbackServer(window, executor, recorder);
  }

  /** @return the base URL, such as {@code http://127.0.0.1:41234}, without a trailing slash */
  public String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /** @return the port */
  public int port() {
    return server.getAddress().getPort();
  }

  /** @return 200 answers sent */
  public long okCount() {
    return okCount.get();
  }

  /** @return 429 answers sent */
  public long tooManyCount() {
    return tooManyCount.get();
  }

  /** Sets both counters back to zero. */
  public void resetCounts() {
    okCount.set(0);
    tooManyCount.set(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (recorder != null) {
        recorder.received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
            exchange.getRequestHeaders(), body);
      }
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "application/json;charset=utf-8");
      headers.set("X-HubSpot-Correlation-Id", CORRELATION_ID);
      if (window == null) {
        headers.set("X-HubSpot-RateLimit-Max", "190");
        headers.set("X-HubSpot-RateLimit-Remaining", "189");
        headers.set("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        send(exchange, 200, ok);
        okCount.incrementAndGet();
        return;
      }
      RollingWindow.Decision decision = window.tryAcquire();
      headers.set("X-HubSpot-RateLimit-Max", Integer.toString(window.limit()));
      headers.set("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(window.window().toMillis()));
      if (decision.admitted()) {
        headers.set("X-HubSpot-RateLimit-Remaining", Integer.toString(decision.remaining()));
        send(exchange, 200, ok);
        okCount.incrementAndGet();
      } else {
        // Whole seconds, rounded up, as HubSpot sends it: never earlier than the slot frees.
        long millis = decision.retryAfter().toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        headers.set("X-HubSpot-RateLimit-Remaining", "0");
        headers.set("Retry-After", Long.toString(seconds));
        send(exchange, 429, tooMany);
        tooManyCount.incrementAndGet();
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body);
    out.flush();
  }

  @Override
  public void close() {
    server.stop(0);
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
