package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A keep-alive HTTP/1.1 server on a raw socket that records every request byte for byte, as it
 * arrived (request line, headers in their order, body), and answers the spec's 200 example.
 */
final class CapturingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final BlockingQueue<byte[]> requests = new LinkedBlockingQueue<>();
  private final byte[] answer;

  CapturingServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    byte[] body = SpecExamples.get().updatedEvent();
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: " + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    answer = new byte[head.length + body.length];
    System.arraycopy(head, 0, answer, 0, head.length);
    System.arraycopy(body, 0, answer, head.length, body.length);
    Thread acceptor = new Thread(this::accept, "capturing-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** @return the next request received, whole */
  byte[] next() throws InterruptedException {
    byte[] request = requests.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived");
    }
    return request;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread t = new Thread(() -> serve(connection), "capturing-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      while (true) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          request.write(b);
          matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : request.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
          }
        }
        request.write(in.readNBytes(length));
        requests.add(request.toByteArray());
        out.write(answer);
        out.flush();
      }
    } catch (IOException closed) {
      // The client went away.
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
