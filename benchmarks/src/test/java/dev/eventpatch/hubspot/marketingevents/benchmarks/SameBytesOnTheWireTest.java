package dev.eventpatch.hubspot.marketingevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The premise of the end-to-end comparison: every contender puts the very same request on the
 * wire (request line, headers in order, body), byte for byte, as a server reading the raw socket
 * receives it; and the floor's serialization alone gives the body the client sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameBytesOnTheWireTest {
  private CapturingServer server;
  private FloorClient floor;
  private GeneratedClient generated;
  private MarketingEventsClient client;

  @BeforeAll
  void start() throws IOException {
    server = new CapturingServer();
    floor = new FloorClient(server.baseUrl(), Fixtures.TOKEN);
    generated = new GeneratedClient(server.baseUrl(), Fixtures.TOKEN);
    client = EndToEnd.extensionsClient(server.baseUrl());
  }

  @AfterAll
  void stop() throws IOException {
    floor.close();
    generated.close();
    client.close();
    server.close();
  }

  @ParameterizedTest(name = "{0} custom properties")
  @ValueSource(ints = {0, 10, 100})
  void everyContenderSendsTheSameBytes(int customProperties) throws Exception {
    MarketingEventUpdate update = Fixtures.update(customProperties);

    client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
    String c = text(server.next());
    floor.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
    String a = text(server.next());
    generated.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
    String b = text(server.next());
    client.updateAsync(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update).join();
    String d = text(server.next());
    try (RawSocketClient raw =
        new RawSocketClient(server.port(),
            RawSocketClient.request(server.port(), Transports.userAgent(), Fixtures.TOKEN,
                FloorCodec.requestBytes(update)))) {
      assertThat(raw.exchange()).isEqualTo(200);
    }
    String s = text(server.next());

    assertThat(c).startsWith("PATCH /marketing/v3/marketing-events/events/webinar-2026-12-01"
        + "?externalAccountId=acme-events-4821 HTTP/1.1\r\n");
    assertThat(c).contains("\r\nContent-Type: application/json\r\n");
    assertThat(c).contains("\"endDateTime\":\"2026-12-01T17:30:45.25Z\"");
    assertThat(countOf(c, "\"name\":")).isEqualTo(customProperties);
    assertThat(a).as("A (floor)").isEqualTo(c);
    assertThat(b).as("B (generated)").isEqualTo(c);
    assertThat(d).as("D (async)").isEqualTo(c);
    assertThat(s).as("S (raw socket)").isEqualTo(c);
  }

  @ParameterizedTest(name = "{0} custom properties")
  @ValueSource(ints = {0, 10, 100})
  void theFloorsSerializationAloneGivesTheBodyTheClientSends(int customProperties) throws Exception {
    MarketingEventUpdate update = Fixtures.update(customProperties);
    client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
    String c = text(server.next());

    assertThat(c).endsWith("\r\n\r\n" + text(FloorCodec.requestBytes(update)));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static int countOf(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
