package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Contender A, the floor: OkHttp and {@link FloorCodec}, nothing else. No retries, no rate
 * limiter, no error model: a status other than 200 is an {@link IOException}.
 */
public final class FloorClient implements AutoCloseable {
  private final OkHttpClient http;
  private final HttpUrl eventsUrl;
  private final String authorization;
  private final String userAgent;

  /**
   * @param baseUrl the API root, without a trailing slash
   * @param token the access token
   */
  public FloorClient(String baseUrl, String token) {
    this.http = Transports.okHttp();
    this.eventsUrl = HttpUrl.get(baseUrl + "/marketing/v3/marketing-events/events");
    this.authorization = "Bearer " + token;
    this.userAgent = Transports.userAgent();
  }

  /**
   * @param eventId the external event id
   * @param accountId the external account id
   * @param update the update
   * @return the event after the update
   * @throws IOException if the call failed or HubSpot did not answer 200
   */
  public FloorEvent update(String eventId, String accountId, MarketingEventUpdate update) throws IOException {
    HttpUrl url =
        eventsUrl.newBuilder().addPathSegment(eventId).addQueryParameter("externalAccountId", accountId).build();
    Request request =
        new Request.Builder()
            .url(url)
            .header("User-Agent", userAgent)
            .header("Authorization", authorization)
            .patch(FloorCodec.requestBody(update))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      return FloorCodec.readEvent(response.body().string());
    }
  }

  @Override
  public void close() {
    Transports.close(http);
  }
}
