package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.internal.Exchange;
import dev.eventpatch.hubspot.marketingevents.internal.HttpTransport;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.RequestBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Contender C's serialization, alone: the very code the extensions client runs, reached
 * without copying it (so that a change there shows here; if a signature changes, this class
 * fails to load and the module's tests fail). The mapping to the wire model and the decoding of an answer are
 * package-private or private in the client, so they are called through method handles (held in
 * constants, so the JIT compiles them like direct calls); the JSON writer is the request-body
 * converter of the Retrofit instance inside the client's transport, dug out by reflection once.
 */
public final class ClientInternals {
  private static final MethodHandle TO_REQUEST;
  private static final MethodHandle DECODE;
  private static final Converter<MarketingEventUpdateRequestParams, RequestBody> BODY_CONVERTER;
  private static final Map<String, List<String>> JSON_HEADERS;

  static {
    try {
      Class<?> wire = Class.forName("dev.eventpatch.hubspot.marketingevents.Wire");
      TO_REQUEST =
          MethodHandles.privateLookupIn(wire, MethodHandles.lookup())
              .findStatic(wire, "toRequest",
                  MethodType.methodType(MarketingEventUpdateRequestParams.class, MarketingEventUpdate.class));
      DECODE =
          MethodHandles.privateLookupIn(MarketingEventsClient.class, MethodHandles.lookup())
              .findStatic(MarketingEventsClient.class, "decodeEvent",
                  MethodType.methodType(MarketingEvent.class, Exchange.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    BODY_CONVERTER = clientsBodyConverter();
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", List.of("application/json;charset=utf-8"));
    JSON_HEADERS = headers;
  }

  private ClientInternals() {}

  /**
   * The request-body converter of the Retrofit instance inside the client's own transport: the
   * transport's generated-API proxy, its invocation handler, the Retrofit it belongs to (each
   * found by type, not by name), asked for the converter of the request model.
   */
  private static Converter<MarketingEventUpdateRequestParams, RequestBody> clientsBodyConverter() {
    try (HttpTransport transport =
        new HttpTransport("http://127.0.0.1/", new HttpTransport.Network(Duration.ofSeconds(1), Duration.ofSeconds(1),
            null, null, null, null, null, null, 1, Duration.ofMinutes(1), 1024 * 1024))) {
      Object api = transport.api();
      Retrofit retrofit = (Retrofit) fieldOfType(Proxy.getInvocationHandler(api), Retrofit.class);
      return retrofit.requestBodyConverter(
          MarketingEventUpdateRequestParams.class, new Annotation[0], new Annotation[0]);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Object fieldOfType(Object owner, Class<?> type) throws ReflectiveOperationException {
    for (Field field : owner.getClass().getDeclaredFields()) {
      if (type.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        return field.get(owner);
      }
    }
    throw new NoSuchFieldException(owner.getClass().getName() + " has no field of type " + type.getName());
  }

  /**
   * Update to request body, as the client does it: its mapping to the generated model, then the
   * Retrofit Gson converter.
   *
   * @param update the update
   * @return the request body, its bytes in memory
   */
  public static RequestBody requestBody(MarketingEventUpdate update) {
    try {
      MarketingEventUpdateRequestParams params = (MarketingEventUpdateRequestParams) TO_REQUEST.invokeExact(update);
      return BODY_CONVERTER.convert(params);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Answer to event, as the client does it with a 200 answer's bytes: the text of the body (which
   * it keeps for {@code UpdateResponse.body()}), then its own decoding.
   *
   * @param body the answer's JSON
   * @return the event
   */
  public static MarketingEvent decode(byte[] body) {
    try {
      Exchange exchange = new Exchange(200, JSON_HEADERS, "application/json", body);
      String json = new String(exchange.body(), StandardCharsets.UTF_8);
      return (MarketingEvent) DECODE.invokeExact(exchange, json);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
