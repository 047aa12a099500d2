package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * What the hand-written contenders share with the extensions client, so that only the layer
 * above OkHttp differs: the OkHttp configuration of the client's own transport (timeouts, pool,
 * no redirects, no silent retries, TCP_NODELAY) and its User-Agent.
 */
public final class Transports {
  // The benchmarks' own copy of the project version (filtered at build time): the client's
  // copy sits in its internal package, which is no business of the benchmarks.
  private static final String VERSION_PROPERTIES = "dev/eventpatch/hubspot/marketingevents/benchmarks/version.properties";

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
        .socketFactory(new NoDelaySockets())
        .build();
  }

  /** @param http a client made by {@link #okHttp()} */
  public static void close(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** @return the User-Agent the extensions client sends, so that every contender sends it */
  public static String userAgent() {
    String version = "unknown";
    // A resource, not a class of the client's: contender A must not load the client. The client
    // and the benchmarks are built from one reactor, so the version is the client's.
    try (InputStream in = Transports.class.getClassLoader().getResourceAsStream(VERSION_PROPERTIES)) {
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
