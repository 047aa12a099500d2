package dev.eventpatch.hubspot.marketingevents.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.invoker.JSON;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.EventListener;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Sends one request and reads its whole answer, on a connection pool of the client's own. The
 * request (method, path with its encoded ids, query, JSON body) comes from the generated Retrofit
 * interface, so that what goes on the wire is what the spec describes; the pipeline adds
 * credentials and headers, and this class the network settings and the limits on the answer.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = System.getLogger("dev.eventpatch.hubspot.marketingevents.http");

  private final OkHttpClient http;
  private final MarketingEventsApi api;
  private final ExecutorService dispatcherExecutor;
  private final long maxBodyBytes;

  /**
   * Network settings, all JDK types.
   *
   * @param connectTimeout to open a connection
   * @param readTimeout between two reads (and writes)
   * @param proxy a fixed proxy, or null
   * @param proxySelector a proxy selector, or null
   * @param proxyUser the proxy's user name for Basic authentication, or null
   * @param proxyPassword the proxy's password, or null
   * @param sslContext custom trust, or null for the JDK's
   * @param trustManager the trust manager of {@code sslContext}, or null
   * @param maxIdleConnections idle connections kept
   * @param keepAlive how long an idle connection is kept
   * @param maxBodyBytes the largest answer body read
   */
  public record Network(
      Duration connectTimeout,
      Duration readTimeout,
      Proxy proxy,
      ProxySelector proxySelector,
      String proxyUser,
      String proxyPassword,
      SSLContext sslContext,
      X509TrustManager trustManager,
      int maxIdleConnections,
      Duration keepAlive,
      long maxBodyBytes) {
    @Override
    public String toString() {
      // Never the proxy password.
      return "Network{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", proxy="
          + (proxy != null ? proxy : proxySelector != null ? "selector" : "none")
          + (proxyUser != null ? ", proxyUser=" + proxyUser : "") + ", customTrust=" + (sslContext != null)
          + ", maxIdleConnections=" + maxIdleConnections + ", keepAlive=" + keepAlive + ", maxBodyBytes="
          + maxBodyBytes + "}";
    }
  }

  /** The request failed on a reused keep-alive connection before any byte of its answer came. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(IOException cause) {
      super("a reused connection failed before the answer began: " + cause, cause);
    }
  }

  /** The answer's body was larger than the client reads. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String correlationId;
    // The answer's headers (names in lower case): a 429's Retry-After and rate-limit headers still
    // count when its body is too large to read.
    final transient Map<String, List<String>> headers;

    BodyTooLargeException(int status, String correlationId, long max, Map<String, List<String>> headers) {
      super("HubSpot answered " + status + " with a body over the limit of " + max + " bytes");
      this.status = status;
      this.correlationId = correlationId;
      this.headers = headers;
    }
  }

  /**
   * @param baseUrl the API root, with a trailing slash
   * @param network the network settings
   */
  public HttpTransport(String baseUrl, Network network) {
    // The dispatcher only serves asynchronous OkHttp calls, which this client does not make; it
    // still gets an executor of its own so that close() leaves no thread of OkHttp's behind.
    this.dispatcherExecutor =
        new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
            Threads.daemonFactory("marketing-events-okhttp-dispatcher"));
    this.maxBodyBytes = network.maxBodyBytes();
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(network.connectTimeout())
            .readTimeout(network.readTimeout())
            .writeTimeout(network.readTimeout())
            .connectionPool(
                new ConnectionPool(network.maxIdleConnections(), network.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
            .dispatcher(new Dispatcher(dispatcherExecutor))
            .socketFactory(new NoDelaySocketFactory())
            .eventListenerFactory(ConnectionEvents::of)
            // Redirects would resend the token to wherever a proxy points; HubSpot's API answers
            // this endpoint directly.
            .followRedirects(false)
            .followSslRedirects(false)
            // The pipeline decides what is resent: OkHttp's own silent retries would resend a
            // PATCH after any recoverable failure, and count nothing.
            .retryOnConnectionFailure(false);
    if (network.proxy() != null) {
      builder.proxy(network.proxy());
    } else if (network.proxySelector() != null) {
      builder.proxySelector(network.proxySelector());
    }
    if (network.proxyUser() != null) {
      String credential = Credentials.basic(network.proxyUser(), network.proxyPassword());
      builder.proxyAuthenticator(
          (route, response) -> {
            // One try: a proxy that refuses the credential once will refuse it again.
            if (response.request().header("Proxy-Authorization") != null) {
              return null;
            }
            return response.request().newBuilder().header("Proxy-Authorization", credential).build();
          });
    }
    if (network.sslContext() != null) {
      builder.sslSocketFactory(network.sslContext().getSocketFactory(), network.trustManager());
    }
    this.http = builder.build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(http)
            .addConverterFactory(new JsonRequestBodies())
            .addConverterFactory(GsonConverterFactory.create(Json.GSON))
            .build()
            .create(MarketingEventsApi.class);
  }

  /** @return the generated interface, whose calls only build requests here */
  public MarketingEventsApi api() {
    return api;
  }

  /**
   * Sends one request and reads the whole answer, up to the body limit.
   *
   * @param request the complete request
   * @param timeoutNanos this attempt's timeout
   * @param context the call, to cancel the exchange
   * @return the answer
   * @throws IOException if the connection failed, a timeout ran out, or the body was too large
   */
  Exchange execute(Request request, long timeoutNanos, CallContext context) throws IOException {
    ConnectionEvents events = new ConnectionEvents();
    Call call = http.newCall(request.newBuilder().tag(ConnectionEvents.class, events).build());
    call.timeout().timeout(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
    long started = System.nanoTime();
    context.sending(call);
    try (Response response = call.execute()) {
      ResponseBody responseBody = response.body();
      Headers raw = response.headers();
      // One case-insensitive map, names in lower case as Headers.toMultimap() gives them, built
      // directly: copying toMultimap()'s map into another one allocated both on every call.
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 0, n = raw.size(); i < n; i++) {
        headers.computeIfAbsent(raw.name(i).toLowerCase(Locale.ROOT), name -> new ArrayList<>(1)).add(raw.value(i));
      }
      // Made unmodifiable here, once, so that UpdateResponse can hand the same map to callers.
      headers.replaceAll((name, values) -> Collections.unmodifiableList(values));
      BufferedSource source = responseBody.source();
      // request(n) reads until n bytes are buffered or the body ends: never more than the limit
      // plus one segment is held, whatever the server sends.
      if (source.request(maxBodyBytes + 1)) {
        List<String> ids = headers.get("x-hubspot-correlation-id");
        throw new BodyTooLargeException(response.code(), ids == null ? null : ids.get(0), maxBodyBytes, headers);
      }
      byte[] bytes = source.readByteArray();
      MediaType type = responseBody.contentType();
      Exchange exchange =
          new Exchange(response.code(), Collections.unmodifiableMap(headers),
              type == null ? null : type.type() + "/" + type.subtype(), bytes);
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "<-- {0} {1} ({2} ms, {3} bytes, correlationId {4})", response.code(),
            request.url(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), bytes.length,
            exchange.correlationId());
      }
      return exchange;
    } catch (IOException e) {
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "<-- failed {0} ({1} ms): {2}", request.url(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), e.toString());
      }
      if (!(e instanceof BodyTooLargeException) && events.reusedAndSilent() && !call.isCanceled()
          && !(e instanceof InterruptedIOException)) {
        // The server had closed this keep-alive connection while it sat in the pool. Its idle
        // siblings are most likely closed too: drop them, so that the resend opens a fresh one.
        http.connectionPool().evictAll();
        throw new StaleConnectionException(e);
      }
      throw e;
    } finally {
      context.sent();
    }
  }

  /** @return idle plus active connections of this client's pool */
  public int connectionCount() {
    return http.connectionPool().connectionCount();
  }

  /** @return idle connections of this client's pool */
  public int idleConnectionCount() {
    return http.connectionPool().idleConnectionCount();
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    dispatcherExecutor.shutdownNow();
    http.connectionPool().evictAll();
  }

  /**
   * What one call did with its connection: whether it opened one (or reused a pooled one), and
   * whether any of the answer arrived. OkHttp reports these as events; the request's tag carries
   * the record from the call to its listener.
   */
  static final class ConnectionEvents extends EventListener {
    private volatile boolean connected;
    private volatile boolean answerBegan;

    private static ConnectionEvents of(Call call) {
      ConnectionEvents events = call.request().tag(ConnectionEvents.class);
      return events == null ? new ConnectionEvents() : events;
    }

    boolean reusedAndSilent() {
      return !connected && !answerBegan;
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      connected = true;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      answerBegan = true;
    }
  }

  /**
   * Writes request bodies with the shared Gson straight into an okio buffer as UTF-8, then copies
   * the bytes out once. Retrofit's Gson converter writes through an {@code OutputStreamWriter}, which
   * allocates an 8 KiB buffer per body and, on Java 17, a new {@code char[]} for every string it
   * writes: three quarters of the allocation of serializing an update. Same bytes (unpaired
   * surrogates become {@code ?} either way), same media type; Retrofit caches the converter, so
   * the adapter is looked up once per method, not per call.
   */
  private static final class JsonRequestBodies extends Converter.Factory {
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

    @Override
    public Converter<?, RequestBody> requestBodyConverter(
        Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
      TypeAdapter<?> adapter = Json.GSON.getAdapter(TypeToken.get(type));
      return value -> {
        Buffer buffer = new Buffer();
        JsonWriter json = Json.GSON.newJsonWriter(new Utf8Writer(buffer));
        write(adapter, json, value);
        json.flush();
        // One exact copy; the buffer's segments go back to okio's pool. (readByteString() would
        // keep the segments of a body over 4 KiB instead: 8 KiB each, never pooled again.)
        return RequestBody.create(buffer.readByteArray(), JSON);
      };
    }

    @SuppressWarnings("unchecked")
    private static <T> void write(TypeAdapter<T> adapter, JsonWriter json, Object value) throws IOException {
      adapter.write(json, (T) value);
    }
  }

  /** The Gson set-up for the generated models: java.time date-times, no HTML escaping. */
  public static final class Json {
    /** Shared and thread-safe, built once: building adapters per call would cost every call. */
    public static final Gson GSON =
        new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter())
            .registerTypeAdapterFactory(new NonNullFieldsWriter())
            .create();

    private Json() {}
  }

  /**
   * Writes the generated models field by field like Gson's reflective adapter (same fields, same
   * order, same names and adapters) but looks at each value before writing its name: Gson's
   * adapter writes the name of every null field and then discards it, which for a custom
   * property (19 fields, most of them null) was most of the time of serializing an update.
   * Reading is left to Gson's reflective adapter.
   */
  private static final class NonNullFieldsWriter implements TypeAdapterFactory {
    private static final String MODELS = MarketingEventUpdateRequestParams.class.getPackageName();

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!raw.getPackageName().equals(MODELS) || raw.isEnum() || raw.getSuperclass() != Object.class) {
        return null;
      }
      List<Field> fields = new ArrayList<>();
      for (Field field : raw.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        if (field.getAnnotation(SerializedName.class) == null || field.getAnnotation(JsonAdapter.class) != null) {
          return null; // not the shape the generator writes: leave it to Gson
        }
        field.setAccessible(true);
        fields.add(field);
      }
      TypeAdapter<T> reflective = gson.getDelegateAdapter(this, type);
      Field[] accessors = fields.toArray(new Field[0]);
      String[] names = new String[accessors.length];
      @SuppressWarnings("unchecked")
      TypeAdapter<Object>[] adapters = new TypeAdapter[accessors.length];
      for (int i = 0; i < accessors.length; i++) {
        names[i] = accessors[i].getAnnotation(SerializedName.class).value();
        @SuppressWarnings("unchecked")
        TypeAdapter<Object> adapter =
            (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(accessors[i].getGenericType()));
        adapters[i] = adapter;
      }
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          if (value == null) {
            out.nullValue();
            return;
          }
          out.beginObject();
          try {
            for (int i = 0; i < accessors.length; i++) {
              Object fieldValue = accessors[i].get(value);
              if (fieldValue != null) {
                out.name(names[i]);
                adapters[i].write(out, fieldValue);
              }
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
          out.endObject();
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return reflective.read(in);
        }
      };
    }
  }
}
