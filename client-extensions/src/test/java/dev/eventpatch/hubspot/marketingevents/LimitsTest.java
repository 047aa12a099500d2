package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client refuses to read or send: answers past maxResponseBytes, unsafe extra headers. */
class LimitsTest {
  private static final String SECRET = "gw-key-SECRET-4711";

  private final List<MarketingEventsClient> clients = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = ReliabilityFixtures.newServer();
    server.start();
  }

  @AfterEach
  void stop() {
    clients.forEach(MarketingEventsClient::close);
    server.close();
  }

  private MarketingEventsClient client(long maxResponseBytes) {
    MarketingEventsClient.Builder builder = MarketingEventsClient.builder()
        .accessToken("test-token-not-real")
        .baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none())
        .propertyCheck(PropertyCheck.OFF);
    if (maxResponseBytes > 0) {
      builder.maxResponseBytes(maxResponseBytes);
    }
    MarketingEventsClient client = builder.build();
    clients.add(client);
    return client;
  }

  /** A valid event whose description pads it to about {@code size} bytes. */
  private static String eventOfSize(int size) {
    String padding = "x".repeat(Math.max(0, size - Responses.EVENT_JSON.length() - 20));
    return Responses.EVENT_JSON.replace("\"eventCancelled\":false", "\"eventCancelled\":false,\"eventDescription\":\""
        + padding + "\"");
  }

  private static MarketingEventUpdate update() {
    return MarketingEventUpdate.builder().eventName("Winter product webinar").build();
  }

  @Test
  void anAnswerOverTheDefault4MiBFailsWithDecodingExceptionAndOneUnderItIsRead() {
    server.enqueue(Responses.json(200, eventOfSize(3 * 1024 * 1024)));
    server.enqueue(Responses.json(200, eventOfSize(4 * 1024 * 1024 + 1024)));
    MarketingEventsClient client = client(0);

    assertThat(client.update("e", "a", update()).eventName()).isEqualTo("Winter product webinar");
    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    assertThat(thrown).isInstanceOf(DecodingException.class).hasMessageContaining(String.valueOf(4 * 1024 * 1024));
    assertThat(((DecodingException) thrown).statusCode()).isEqualTo(200);
  }

  @Test
  void anAnswerOverAConfiguredMaxResponseBytesFailsWithDecodingException() {
    server.enqueue(Responses.json(200, eventOfSize(4096)));
    MarketingEventsClient client = client(2048);

    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    assertThat(thrown).isInstanceOf(DecodingException.class).hasMessageContaining("2048");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "Authorization", "content-length", "Content-Type", "Transfer-Encoding", "CONNECTION"})
  void headersTheClientSetsItselfAreRefusedNamingTheHeaderNeverTheValue(String name) {
    Throwable thrown = catchThrowable(() -> RequestOptions.builder().header(name, SECRET));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name)
        .hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X Trace", "X-Trace:", "X-Tr\u00e4ce", "X-(Trace)", "X-Trace\r\nInjected"})
  void headerNamesThatAreNotHttpTokensAreRefused(String name) {
    Throwable thrown = catchThrowable(() -> RequestOptions.builder().header(name, SECRET));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\nX-Injected: 1", "\u0000", "caf\u00e9", "\u007f"})
  void headerValuesOutsideVisibleAsciiSpaceAndTabAreRefusedNamingTheHeaderNeverTheValue(String bad) {
    Throwable thrown = catchThrowable(() -> RequestOptions.builder().header("X-Gateway-Key", SECRET + bad));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Gateway-Key")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void headerValuesWithSpacesAndTabsAreSent() throws Exception {
    server.enqueue(Responses.event());
    client(0).updateWithResponse("e", "a", update(),
        RequestOptions.builder().header("X-Trace", "a b\tc").build());

    assertThat(server.takeRequest().getHeaders().get("X-Trace")).isEqualTo("a b\tc");
  }
}
