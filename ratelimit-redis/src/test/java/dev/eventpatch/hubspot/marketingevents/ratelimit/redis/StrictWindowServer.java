package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for HubSpot's burst limit: it counts every request when it arrives, and
 * answers 429 with HubSpot's body ({@code policyName} {@code TEN_SECONDLY_ROLLING}) when the
 * requests that arrived within the last rolling window, this one included, exceed the limit;
 * 200 otherwise. It keeps every arrival, so that a test can count the busiest window.
 */
final class StrictWindowServer implements AutoCloseable {
  private final int limit;
  private final Duration window;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Long> arrivals = new ArrayList<>();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final Set<String> succeeded = ConcurrentHashMap.newKeySet();
  private final AtomicInteger duplicates = new AtomicInteger();

  StrictWindowServer(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** @return the API root, for a real client */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI uri(String updateId) {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort()
            + "/marketing/v3/marketing-events/events/" + updateId + "?externalAccountId=1");
  }

  private void handle(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    boolean over;
    synchronized (arrivals) {
      arrivals.add(now);
      long from = now - window.toNanos();
      int inWindow = 0;
      for (int i = arrivals.size() - 1; i >= 0 && arrivals.get(i) - from > 0; i--) {
        inWindow++;
      }
      over = inWindow > limit;
    }
    exchange.getRequestBody().readAllBytes();
    byte[] body;
    if (over) {
      rateLimited.incrementAndGet();
      body = ("{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
              + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"00000000-0000-4000-8000-000000000001\","
              + "\"policyName\":\"TEN_SECONDLY_ROLLING\",\"requestId\":\"r1\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(429, body.length);
    } else {
      String path = exchange.getRequestURI().getPath();
      if (!succeeded.add(path.substring(path.lastIndexOf('/') + 1))) {
        duplicates.incrementAndGet();
      }
      // An event with the fields HubSpot always sends, so that the real client can read it too.
      String id = path.substring(path.lastIndexOf('/') + 1);
      body = ("{\"id\":\"hs-" + id + "\",\"createdAt\":\"2026-11-01T09:00:00Z\",\"updatedAt\":\"2026-12-01T10:00:00Z\","
              + "\"eventName\":\"x\",\"eventOrganizer\":\"Acme Events\",\"customProperties\":[]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
    }
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** @return the most requests that arrived within any one rolling window */
  int busiestWindow() {
    List<Long> sorted;
    synchronized (arrivals) {
      sorted = new ArrayList<>(arrivals);
    }
    Collections.sort(sorted);
    long length = window.toNanos();
    int most = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (sorted.get(end) - sorted.get(start) >= length) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  int requests() {
    synchronized (arrivals) {
      return arrivals.size();
    }
  }

  int rateLimited() {
    return rateLimited.get();
  }

  /** @return distinct updates answered 200 */
  int succeeded() {
    return succeeded.size();
  }

  /** @return updates answered 200 more than once */
  int duplicates() {
    return duplicates.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
