package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.exception.ApiConnectionException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The builder's network settings against real sockets on loopback: an authenticating forward
 * proxy, a TLS server with a certificate made here, and the connection pool's limits.
 */
class NetworkSettingsTest {
  private static final String TOKEN = "pat-test-NETWORK-0000-not-a-real-token";
  private static final String PROXY_USER = "sync-job";
  private static final String PROXY_PASSWORD = "proxy-Secret-4711-never-shown";

  @StartStop private final MockWebServer target = new MockWebServer();

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closeLater(T resource) {
    toClose.add(resource);
    return resource;
  }

  private MarketingEventsClient.Builder builder(String baseUrl) {
    return MarketingEventsClient.builder()
        .accessToken(TOKEN)
        .baseUrl(baseUrl)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(RateLimit.none());
  }

  private static MarketingEventUpdate rename() {
    return MarketingEventUpdate.builder().eventName("Renamed").build();
  }

  // ---- proxy ----

  @Test
  void sendsThroughAnAuthenticatingProxyAfterItsChallenge() throws Exception {
    ForwardProxy proxy = closeLater(new ForwardProxy(PROXY_USER, PROXY_PASSWORD));
    target.enqueue(Responses.event());
    MarketingEventsClient client =
        closeLater(
            builder(target.url("/").toString())
                .proxy(new Proxy(Proxy.Type.HTTP, proxy.address()))
                .proxyCredentials(PROXY_USER, PROXY_PASSWORD)
                .build());

    MarketingEvent event = client.update("webinar-1", "acct-42", rename());

    assertThat(event.id()).isEqualTo("58237132332");
    assertThat(proxy.seen).hasSize(2);
    // First without credentials (answered 407 with a Basic challenge), then with them.
    assertThat(proxy.seen.get(0).proxyAuthorization).isNull();
    assertThat(proxy.seen.get(1).proxyAuthorization).isEqualTo(basic(PROXY_USER, PROXY_PASSWORD));
    // Absolute-form request lines: the client talked to the proxy, not to the target.
    String expectedTarget =
        "http://" + target.getHostName() + ":" + target.getPort()
            + "/marketing/marketing-events/2026-09/events/webinar-1?externalAccountId=acct-42";
    assertThat(proxy.seen.get(1).requestLine).isEqualTo("PATCH " + expectedTarget + " HTTP/1.1");
    RecordedRequest arrived = target.takeRequest(5, TimeUnit.SECONDS);
    assertThat(arrived).isNotNull();
    assertThat(arrived.getHeaders().get("Via")).isEqualTo("1.1 loopback-test-proxy");
    assertThat(arrived.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(arrived.getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(target.getRequestCount()).isEqualTo(1);
  }

  @Test
  void sendsThroughTheProxyTheSelectorPicks() throws Exception {
    ForwardProxy proxy = closeLater(new ForwardProxy(PROXY_USER, PROXY_PASSWORD));
    target.enqueue(Responses.event());
    List<URI> asked = new CopyOnWriteArrayList<>();
    ProxySelector selector =
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(new Proxy(Proxy.Type.HTTP, proxy.address()));
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        };
    MarketingEventsClient client =
        closeLater(
            builder(target.url("/").toString())
                .proxySelector(selector)
                .proxyCredentials(PROXY_USER, PROXY_PASSWORD)
                .build());

    client.update("webinar-1", "acct-42", rename());

    assertThat(asked).isNotEmpty();
    assertThat(asked.get(0).getPort()).isEqualTo(target.getPort());
    assertThat(proxy.seen).extracting(r -> r.proxyAuthorization).containsExactly(null, basic(PROXY_USER, PROXY_PASSWORD));
    RecordedRequest arrived = target.takeRequest(5, TimeUnit.SECONDS);
    assertThat(arrived.getHeaders().get("Via")).isEqualTo("1.1 loopback-test-proxy");
  }

  @Test
  void neverShowsTheProxyPasswordInToStringOrExceptions() throws Exception {
    // The proxy expects another password: it refuses the client's, and the call fails with 407.
    ForwardProxy proxy = closeLater(new ForwardProxy(PROXY_USER, "the-proxy-wants-another-one"));
    MarketingEventsClient client =
        closeLater(
            builder(target.url("/").toString())
                .proxy(new Proxy(Proxy.Type.HTTP, proxy.address()))
                .proxyCredentials(PROXY_USER, PROXY_PASSWORD)
                .build());

    assertThat(client.toString()).contains(PROXY_USER).doesNotContain(PROXY_PASSWORD);
    Throwable failure = catchFailure(() -> client.update("webinar-1", "acct-42", rename()));

    assertThat(failure).isInstanceOf(HubSpotApiException.class);
    assertThat(((HubSpotApiException) failure).statusCode()).isEqualTo(407);
    // One try with the credential, then the client gives up rather than resend it.
    assertThat(proxy.seen).hasSize(2);
    assertThat(target.getRequestCount()).isZero();
    assertThat(everythingShown(failure)).doesNotContain(PROXY_PASSWORD).doesNotContain(TOKEN);
  }

  @Test
  void neverShowsTheProxyPasswordWhenTheProxyIsUnreachable() throws Exception {
    InetSocketAddress closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = (InetSocketAddress) socket.getLocalSocketAddress();
    }
    MarketingEventsClient client =
        closeLater(
            builder(target.url("/").toString())
                .proxy(new Proxy(Proxy.Type.HTTP, closed))
                .proxyCredentials(PROXY_USER, PROXY_PASSWORD)
                .build());

    Throwable failure = catchFailure(() -> client.update("webinar-1", "acct-42", rename()));

    assertThat(failure).isInstanceOf(ApiConnectionException.class);
    assertThat(everythingShown(failure)).doesNotContain(PROXY_PASSWORD).doesNotContain(TOKEN);
    assertThat(target.getRequestCount()).isZero();
  }

  // ---- custom trust ----

  @Test
  void failsTheHandshakeWithAnUnknownCertificateAndSucceedsWithCustomTrust() throws Exception {
    HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CA").build();
    HeldCertificate serverCertificate =
        new HeldCertificate.Builder()
            .signedBy(authority)
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .build();
    HandshakeCertificates serverSide =
        new HandshakeCertificates.Builder().heldCertificate(serverCertificate, authority.certificate()).build();
    MockWebServer tls = closeLater(new MockWebServer());
    tls.useHttps(serverSide.sslSocketFactory());
    tls.start(InetAddress.getLoopbackAddress(), 0);
    tls.enqueue(Responses.event());
    String baseUrl = "https://127.0.0.1:" + tls.getPort();

    MarketingEventsClient untrusting = closeLater(builder(baseUrl).build());
    Throwable failure = catchFailure(() -> untrusting.update("webinar-1", "acct-42", rename()));
    assertThat(failure).isInstanceOf(ApiConnectionException.class);
    assertThat(causes(failure)).anyMatch(SSLHandshakeException.class::isInstance);

    HandshakeCertificates clientSide = new HandshakeCertificates.Builder().addTrustedCertificate(authority.certificate()).build();
    MarketingEventsClient trusting =
        closeLater(builder(baseUrl).sslContext(clientSide.sslContext(), clientSide.trustManager()).build());
    MarketingEvent event = trusting.update("webinar-1", "acct-42", rename());

    assertThat(event.id()).isEqualTo("58237132332");
    RecordedRequest arrived = tls.takeRequest(5, TimeUnit.SECONDS);
    assertThat(arrived.getHandshake()).isNotNull();
    assertThat(arrived.getUrl().encodedPath()).isEqualTo("/marketing/marketing-events/2026-09/events/webinar-1");
    assertThat(trusting.toString()).contains("customTrust=true");
  }

  // ---- connection pool ----

  @Test
  void keepsNoMoreIdleConnectionsThanMaxIdleAfterConcurrentCalls() throws Exception {
    int calls = 6;
    int maxIdle = 2;
    // Holds every answer until all the calls have arrived, so that each needs a connection of its own.
    CountDownLatch allArrived = new CountDownLatch(calls);
    target.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            allArrived.countDown();
            allArrived.await(10, TimeUnit.SECONDS);
            return Responses.event();
          }
        });
    MarketingEventsClient client =
        closeLater(
            builder(target.url("/").toString())
                .maxConcurrentRequests(calls)
                .connectionPool(maxIdle, Duration.ofMinutes(5))
                .build());

    List<CompletableFuture<MarketingEvent>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      futures.add(client.updateAsync("webinar-" + i, "acct-42", rename()));
    }
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);

    Set<Integer> connections = new HashSet<>();
    for (int i = 0; i < calls; i++) {
      connections.add(target.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex());
    }
    assertThat(connections).hasSize(calls);
    // The pool trims its idle connections on a thread of its own: poll, boundedly, for the end state.
    assertThat(pollUntil(() -> client.idleConnections() <= maxIdle)).isTrue();
    assertThat(client.idleConnections()).isLessThanOrEqualTo(maxIdle);
    assertThat(client.openConnections()).isLessThanOrEqualTo(maxIdle);

    // What was kept is reused: the next call opens no new connection.
    target.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return Responses.event();
          }
        });
    client.update("webinar-again", "acct-42", rename());
    assertThat(connections).contains(target.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex());
  }

  @Test
  void closesIdleConnectionsOnceTheirKeepAliveRunsOut() throws Exception {
    target.enqueue(Responses.event());
    MarketingEventsClient client =
        closeLater(builder(target.url("/").toString()).connectionPool(4, Duration.ofMillis(50)).build());

    client.update("webinar-1", "acct-42", rename());

    // No timing asserted: only that the idle connection goes, at some point within the bound.
    assertThat(pollUntil(() -> client.openConnections() == 0)).isTrue();
  }

  @Test
  void keepsAnIdleConnectionForReuseWithinItsKeepAlive() throws Exception {
    target.enqueue(Responses.event());
    target.enqueue(Responses.event());
    MarketingEventsClient client =
        closeLater(builder(target.url("/").toString()).connectionPool(1, Duration.ofMinutes(5)).build());

    client.update("webinar-1", "acct-42", rename());
    assertThat(client.idleConnections()).isEqualTo(1);
    client.update("webinar-2", "acct-42", rename());

    RecordedRequest first = target.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = target.takeRequest(5, TimeUnit.SECONDS);
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(second.getExchangeIndex()).isEqualTo(1);
  }

  // ---- helpers ----

  private interface Call {
    void run() throws Exception;
  }

  private static Throwable catchFailure(Call call) {
    try {
      call.run();
    } catch (Throwable e) {
      return e;
    }
    throw new AssertionError("the call did not fail");
  }

  /** Messages, toString and stack trace of the exception and all its causes. */
  private static String everythingShown(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(String.valueOf(t)).append('\n');
    }
    return text.toString();
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable t = failure; t != null && !all.contains(t); t = t.getCause()) {
      all.add(t);
    }
    return all;
  }

  private static boolean pollUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * A forward HTTP proxy on loopback, just enough for the client: it answers 407 with a Basic
   * challenge unless the request carries the expected {@code Proxy-Authorization}, and otherwise
   * forwards the absolute-form request to its origin and relays the answer. One request per
   * connection ({@code Connection: close} both ways), so that no keep-alive handling is needed.
   */
  static final class ForwardProxy implements AutoCloseable {
    /** What the proxy received, in order. */
    record Seen(String requestLine, String proxyAuthorization) {}

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String expected;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ForwardProxy(String user, String password) throws IOException {
      expected = basic(user, password);
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::acceptLoop, "loopback-test-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    InetSocketAddress address() {
      return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          sockets.add(socket);
          Thread handler = new Thread(() -> handle(socket), "loopback-test-proxy-connection");
          handler.setDaemon(true);
          handler.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void handle(Socket client) {
      try (client) {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        String requestLine = readLine(in);
        Map<String, String> headers = readHeaders(in);
        byte[] body = in.readNBytes(contentLength(headers));
        String authorization = headers.get("proxy-authorization");
        seen.add(new Seen(requestLine, authorization));
        if (!expected.equals(authorization)) {
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
              + "Proxy-Authenticate: Basic realm=\"loopback\"\r\n"
              + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          return;
        }
        String[] parts = requestLine.split(" ");
        URI uri = URI.create(parts[1]);
        try (Socket origin = new Socket(uri.getHost(), uri.getPort())) {
          sockets.add(origin);
          StringBuilder forwarded = new StringBuilder();
          forwarded.append(parts[0]).append(' ').append(uri.getRawPath());
          if (uri.getRawQuery() != null) {
            forwarded.append('?').append(uri.getRawQuery());
          }
          forwarded.append(' ').append(parts[2]).append("\r\n");
          headers.forEach(
              (name, value) -> {
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                  forwarded.append(name).append(": ").append(value).append("\r\n");
                }
              });
          forwarded.append("via: 1.1 loopback-test-proxy\r\nconnection: close\r\n\r\n");
          OutputStream toOrigin = origin.getOutputStream();
          toOrigin.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
          toOrigin.write(body);
          toOrigin.flush();
          InputStream fromOrigin = origin.getInputStream();
          String statusLine = readLine(fromOrigin);
          Map<String, String> answerHeaders = readHeaders(fromOrigin);
          byte[] answer = fromOrigin.readNBytes(contentLength(answerHeaders));
          StringBuilder relayed = new StringBuilder(statusLine).append("\r\n");
          answerHeaders.forEach(
              (name, value) -> {
                if (!name.equals("connection")) {
                  relayed.append(name).append(": ").append(value).append("\r\n");
                }
              });
          relayed.append("connection: close\r\n\r\n");
          out.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
          out.write(answer);
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        // The test sees the failure as the client's; the proxy just drops the connection.
      }
    }

    private static int contentLength(Map<String, String> headers) {
      String length = headers.get("content-length");
      return length == null ? 0 : Integer.parseInt(length.trim());
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      return headers;
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          throw new IOException("connection closed mid-line");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
      server.close();
      for (Socket socket : sockets) {
        socket.close();
      }
      acceptor.join(5_000);
    }
  }
}
