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
import java.net.Socket;
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
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Sends one attempt of an update and reads its whole answer. The request itself (method, path
 * with its encoded id, query, JSON body) is built by the generated Retrofit interface, so that
 * what goes on the wire is what the spec describes; this class adds the credentials, headers and
 * timeouts, and runs it on a connection pool of its own.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = System.getLogger("dev.eventpatch.hubspot.marketingevents.http");

  private final OkHttpClient http;
  private final MarketingEventsApi api;
  private final String userAgent;
  private final ExecutorService dispatcherExecutor;

  /**
   * @param baseUrl the API root, with a trailing slash
   * @param connectTimeout connect timeout
   * @param readTimeout read timeout, between bytes
   * @param callTimeout whole-attempt timeout; zero for none
   * @param userAgent the User-Agent header
   * @param maxIdleConnections connections kept open between calls
   */
  public HttpTransport(
      String baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      Duration callTimeout,
      String userAgent,
      int maxIdleConnections) {
    this.userAgent = userAgent;
    // The dispatcher only serves asynchronous OkHttp calls, which this client does not make; it
    // still gets an executor of its own so that close() leaves no thread of OkHttp's behind.
    this.dispatcherExecutor =
        new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
            Threads.daemonFactory("marketing-events-okhttp-dispatcher"));
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(readTimeout)
            .callTimeout(callTimeout)
            .connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES))
            .dispatcher(new Dispatcher(dispatcherExecutor))
            .socketFactory(new NoDelaySocketFactory())
            // Redirects would resend the token to wherever a proxy points; HubSpot's API answers
            // this endpoint directly.
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(http)
            .addConverterFactory(new JsonRequestBodies())
            .addConverterFactory(GsonConverterFactory.create(Json.GSON))
            .build()
            .create(MarketingEventsApi.class);
  }

  /**
   * Sends one attempt and reads the whole answer.
   *
   * @param externalEventId the event's id in the external application
   * @param externalAccountId the account's id in the external application
   * @param body the request body
   * @param bearerToken the access token, or null to send no Authorization header
   * @param extraHeaders headers to add
   * @param timeout this attempt's whole-call timeout, or null for the client's
   * @param attempt the attempt's number, for the log
   * @return the answer
   * @throws IOException if the connection failed or a timeout ran out
   */
  public Exchange send(
      String externalEventId,
      String externalAccountId,
      MarketingEventUpdateRequestParams body,
      String bearerToken,
      Map<String, String> extraHeaders,
      Duration timeout,
      int attempt)
      throws IOException {
    Request template = api.updateEventByExternalIds(externalEventId, externalAccountId, body).request();
    Request.Builder request = template.newBuilder().header("User-Agent", userAgent);
    extraHeaders.forEach(request::header);
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    Request built = request.build();
    Call call = http.newCall(built);
    if (timeout != null) {
      call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    long started = System.nanoTime();
    if (LOG.isLoggable(Level.DEBUG)) {
      // The Authorization header is never logged, not even in part.
      LOG.log(Level.DEBUG, "--> {0} {1} (attempt {2}, {3}, extra headers {4})", built.method(),
          built.url(), attempt, bearerToken == null ? "no Authorization" : "Authorization: <redacted>",
          extraHeaders.keySet());
    }
    try (Response response = call.execute()) {
      ResponseBody responseBody = response.body();
      byte[] bytes = responseBody.bytes();
      MediaType type = responseBody.contentType();
      // One case-insensitive map, names in lower case as Headers.toMultimap() gives them, built
      // directly: copying toMultimap()'s map into another one allocated both on every call.
      Headers raw = response.headers();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 0, n = raw.size(); i < n; i++) {
        headers.computeIfAbsent(raw.name(i).toLowerCase(Locale.ROOT), name -> new ArrayList<>(1)).add(raw.value(i));
      }
      // Made unmodifiable here, once, so that UpdateResponse can hand the same map to callers.
      headers.replaceAll((name, values) -> Collections.unmodifiableList(values));
      Exchange exchange =
          new Exchange(response.code(), Collections.unmodifiableMap(headers),
              type == null ? null : type.type() + "/" + type.subtype(), bytes);
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "<-- {0} {1} ({2} ms, {3} bytes, correlationId {4})", response.code(),
            built.url(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), bytes.length,
            exchange.correlationId());
      }
      return exchange;
    } catch (IOException e) {
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "<-- failed {0} ({1} ms): {2}", built.url(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), e.toString());
      }
      throw e;
    }
  }

  /** @return idle plus active connections of this client's pool */
  public int connectionCount() {
    return http.connectionPool().connectionCount();
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    dispatcherExecutor.shutdownNow();
    http.connectionPool().evictAll();
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
