package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Requests over okio's 8 KiB segment go out in two writes; without TCP_NODELAY the second waits
 * for the server's delayed ACK (40 ms on Linux). Every socket the transport opens has it.
 */
class HttpTransportSocketTest {
  @Test
  void socketsHaveTcpNoDelay() throws Exception {
    try (HttpTransport transport =
        TestTransports.transport("http://127.0.0.1/")) {
      Field field = HttpTransport.class.getDeclaredField("http");
      field.setAccessible(true);
      OkHttpClient http = (OkHttpClient) field.get(transport);
      try (Socket unconnected = http.socketFactory().createSocket()) {
        assertThat(unconnected.getTcpNoDelay()).isTrue();
      }
    }
  }
}
