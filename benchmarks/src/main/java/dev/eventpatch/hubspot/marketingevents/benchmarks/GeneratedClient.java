package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.PropertyMetadata;
import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.invoker.JSON;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.generated.model.PropertyValue;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Contender B: the generated Retrofit interface called directly, as a user of the generated
 * client alone would: the generated Gson set-up, an interceptor for the credentials, the
 * caller's own mapping to the generated request model.
 */
public final class GeneratedClient implements AutoCloseable {
  private final OkHttpClient http;
  private final MarketingEventsApi api;

  /**
   * @param baseUrl the API root, without a trailing slash
   * @param token the access token
   */
  public GeneratedClient(String baseUrl, String token) {
    String authorization = "Bearer " + token;
    String userAgent = Transports.userAgent();
    this.http =
        Transports.okHttp()
            .newBuilder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request()
                            .newBuilder()
                            .header("User-Agent", userAgent)
                            .header("Authorization", authorization)
                            .build()))
            .build();
    this.api =
        new Retrofit.Builder()
            .baseUrl(baseUrl + "/")
            .client(http)
            .addConverterFactory(GsonConverterFactory.create(new JSON().getGson()))
            .build()
            .create(MarketingEventsApi.class);
  }

  /**
   * @param eventId the external event id
   * @param accountId the external account id
   * @param update the update
   * @return the event after the update, as the generated model
   * @throws IOException if the call failed or HubSpot did not answer 2xx
   */
  public MarketingEventPublicDefaultResponse update(String eventId, String accountId, MarketingEventUpdate update)
      throws IOException {
    Response<MarketingEventPublicDefaultResponse> response =
        api.updateEventByExternalIds(eventId, accountId, toParams(update)).execute();
    if (!response.isSuccessful() || response.body() == null) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }

  /**
   * The caller's mapping to the generated model.
   *
   * @param update the update
   * @return the generated request model
   */
  public static MarketingEventUpdateRequestParams toParams(MarketingEventUpdate update) {
    MarketingEventUpdateRequestParams params = new MarketingEventUpdateRequestParams();
    update.eventName().ifPresent(params::setEventName);
    update.eventType().ifPresent(params::setEventType);
    update.eventOrganizer().ifPresent(params::setEventOrganizer);
    update.eventUrl().ifPresent(params::setEventUrl);
    update.eventDescription().ifPresent(params::setEventDescription);
    update.startDateTime().ifPresent(t -> params.setStartDateTime(t.atOffset(ZoneOffset.UTC)));
    update.endDateTime().ifPresent(t -> params.setEndDateTime(t.atOffset(ZoneOffset.UTC)));
    update.eventCancelled().ifPresent(params::setEventCancelled);
    update.eventCompleted().ifPresent(params::setEventCompleted);
    List<PropertyValue> values = new ArrayList<>(update.customProperties().size());
    for (CustomProperty property : update.customProperties()) {
      PropertyValue value = new PropertyValue().name(property.name()).value(property.value());
      PropertyMetadata m = property.metadata();
      m.timestamp().ifPresent(value::setTimestamp);
      m.sourceId().ifPresent(value::setSourceId);
      m.sourceLabel().ifPresent(value::setSourceLabel);
      m.source().ifPresent(value::setSource);
      m.dataSensitivity()
          .ifPresent(d -> value.setDataSensitivity(PropertyValue.DataSensitivityEnum.fromValue(d.name().toLowerCase(java.util.Locale.ROOT))));
      values.add(value);
    }
    params.setCustomProperties(values);
    return params;
  }

  @Override
  public void close() {
    Transports.close(http);
  }
}
