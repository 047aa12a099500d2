package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * What the hand-written contenders share with the extensions client, so that only the layer
 * above OkHttp differs: the OkHttp configuration of the client's own transport (timeouts, pool,
 * no redirects, no silent retries, TCP_NODELAY) and its User-Agent.
 */
public final class Transports {
  private static final String CLIENT_PROPERTIES = "dev/eventpatch/hubspot/marketingevents/internal/client.properties";

  private Transports() {}

  /** @return an OkHttp client configured like the extensions client's defaults */
  public static OkHttpClient okHttp() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .socketFactory(new NoDelaySocketFactory())
        .build();
  }

  /** Plain sockets with TCP_NODELAY, as the extensions client's transport makes them. */
  private static final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** @param http a client made by {@link #okHttp()} */
  public static void close(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** @return the User-Agent the extensions client sends, so that every contender sends it */
  public static String userAgent() {
    String version = "unknown";
    // Read as a resource, not through the client's class: contender A must not load the client.
    try (InputStream in = Transports.class.getClassLoader().getResourceAsStream(CLIENT_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        version = properties.getProperty("version", version);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "hubspot-marketing-events-java/" + version + " Java/" + System.getProperty("java.version");
  }
}
