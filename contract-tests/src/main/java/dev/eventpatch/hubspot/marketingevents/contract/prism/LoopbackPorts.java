package dev.eventpatch.hubspot.marketingevents.contract.prism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Finding a free loopback port, and checking whether something listens on one. */
final class LoopbackPorts {

  private LoopbackPorts() {}

  /**
   * A port that was free on the loopback interface a moment ago. Another process may take it
   * before Prism binds it; the launcher retries on a fresh port when that happens.
   */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PrismCommand.HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port could be found", e);
    }
  }

  /** Whether a TCP connection to the loopback port is accepted within the timeout. */
  static boolean accepts(int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(PrismCommand.HOST, port), (int) timeout.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
