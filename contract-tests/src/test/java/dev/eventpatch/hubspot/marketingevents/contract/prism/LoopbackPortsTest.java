package dev.eventpatch.hubspot.marketingevents.contract.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void freePortCanBeBoundOnLoopback() throws IOException {
    int port = LoopbackPorts.free();

    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void acceptsOnlyWhileSomethingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
      assertThat(LoopbackPorts.accepts(port, TIMEOUT)).isTrue();
    }
    assertThat(LoopbackPorts.accepts(port, TIMEOUT)).isFalse();
  }
}
