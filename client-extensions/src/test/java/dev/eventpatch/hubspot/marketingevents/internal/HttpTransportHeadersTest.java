package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The answer's headers, read in one pass: what Headers.toMultimap() would give. */
class HttpTransportHeadersTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void headersAreCaseInsensitiveLowerCasedAndKeepRepeatedValuesInOrder() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("X-HubSpot-Correlation-Id", "3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71")
            .addHeader("X-Multi", "first")
            .addHeader("x-multi", "second")
            .body("{}")
            .build());
    Exchange exchange;
    try (HttpTransport transport =
        TestTransports.transport(server.url("/").toString())) {
      exchange = TestTransports.send(transport, "e", "a", new MarketingEventUpdateRequestParams().customProperties(List.of()));
    }

    Headers sent =
        new Headers.Builder()
            .add("X-HubSpot-Correlation-Id", "3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71")
            .add("X-Multi", "first")
            .add("x-multi", "second")
            .add("Content-Length", "2")
            .build();
    assertThat(exchange.headers()).isEqualTo(sent.toMultimap());
    assertThat(exchange.headers().keySet()).contains("x-multi", "x-hubspot-correlation-id");
    assertThat(exchange.header("X-MULTI")).isEqualTo("first");
    assertThat(exchange.headers().get("X-Multi")).containsExactly("first", "second");
    assertThat(exchange.correlationId()).isEqualTo("3d1f2a8c-7b4e-4c1a-9f53-2e6d8b0c4a71");
  }
}
