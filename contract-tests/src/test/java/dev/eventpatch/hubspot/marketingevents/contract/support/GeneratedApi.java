package dev.eventpatch.hubspot.marketingevents.contract.support;

import com.google.gson.Gson;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.invoker.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.Buffer;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The generated Retrofit client pointed at a Prism mock, with a (fake) bearer token and the
 * generated Gson set-up, recording the body of the last request it sent.
 */
public final class GeneratedApi {

  /** Prism checks that a bearer token is present, never its value. */
  public static final String TOKEN = "test-token-not-real";

  public static final String EXTERNAL_EVENT_ID = "webinar-2026-12-01";
  public static final String EXTERNAL_ACCOUNT_ID = "acme-events-4821";

  private final Gson gson = new JSON().getGson();
  private final AtomicReference<String> lastRequestBody = new AtomicReference<>();
  private final MarketingEventsApi api;

  private GeneratedApi(PrismMock prism, Map<String, String> extraHeaders) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Request.Builder request =
                      chain.request().newBuilder().header("Authorization", "Bearer " + TOKEN);
                  extraHeaders.forEach(request::header);
                  Request sent = request.build();
                  lastRequestBody.set(bodyOf(sent));
                  return chain.proceed(sent);
                })
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(prism.baseUrl())
            .client(http)
            .addConverterFactory(GsonConverterFactory.create(gson))
            .build()
            .create(MarketingEventsApi.class);
  }

  /** A client of the mock that sends only what the generated code sends, plus the token. */
  public static GeneratedApi against(PrismMock prism) {
    return against(prism, Map.of());
  }

  /** A client of the mock that also sends these headers, such as {@code Prefer: code=404}. */
  public static GeneratedApi against(PrismMock prism, Map<String, String> extraHeaders) {
    Objects.requireNonNull(prism, "prism == null");
    return new GeneratedApi(prism, Map.copyOf(extraHeaders));
  }

  /** The generated API interface. */
  public MarketingEventsApi api() {
    return api;
  }

  /** The generated Gson set-up, to read error bodies with. */
  public Gson gson() {
    return gson;
  }

  /** The JSON body of the last request sent, exactly as it went on the wire. */
  public String lastRequestBody() {
    return lastRequestBody.get();
  }

  private static String bodyOf(Request request) throws IOException {
    if (request.body() == null) {
      return null;
    }
    try (Buffer buffer = new Buffer()) {
      request.body().writeTo(buffer);
      return buffer.readUtf8();
    }
  }
}
