package dev.eventpatch.hubspot.marketingevents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw requests with the JDK's client: what no generated client would send, too. */
final class Http {
  static final String V3 = "/marketing/v3/marketing-events/events/";
  static final String TOKEN = "pat-na1-secret-token-1234";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  static HttpResponse<String> patch(HubSpotFake fake, String pathAndQuery, String body) {
    return send(fake, pathAndQuery, body, "Bearer " + TOKEN);
  }

  static HttpResponse<String> send(HubSpotFake fake, String pathAndQuery, String body, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
