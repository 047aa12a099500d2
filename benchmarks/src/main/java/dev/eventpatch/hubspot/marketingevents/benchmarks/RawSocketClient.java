package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Contender S, the server's share: one kept-alive socket that writes a request prepared once
 * (the bytes the other contenders send) and reads the answer into a reused buffer, with no
 * JSON and no HTTP library. What it costs is the loopback server plus the kernel: the part of
 * every contender's time and allocation that no client can remove.
 */
public final class RawSocketClient implements AutoCloseable {
  private static final byte[] CONTENT_LENGTH = "\ncontent-length:".getBytes(StandardCharsets.ISO_8859_1);

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] request;
  private final byte[] buffer = new byte[64 * 1024];

  /**
   * @param port the loopback server's port
   * @param request the whole request: request line, headers and body
   * @throws IOException if it cannot connect
   */
  public RawSocketClient(int port, byte[] request) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
    this.request = request.clone();
  }

  /**
   * The request the other contenders send, as OkHttp writes it.
   *
   * @param port the server's port
   * @param userAgent the User-Agent
   * @param token the access token
   * @param body the JSON body
   * @return the request's bytes
   */
  public static byte[] request(int port, String userAgent, String token, byte[] body) {
    String head =
        "PATCH /marketing/v3/marketing-events/events/" + Fixtures.EVENT_ID + "?externalAccountId="
            + Fixtures.ACCOUNT_ID + " HTTP/1.1\r\n"
            + "User-Agent: " + userAgent + "\r\n"
            + "Authorization: Bearer " + token + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\n"
            + "Host: 127.0.0.1:" + port + "\r\n"
            + "Connection: Keep-Alive\r\n"
            + "Accept-Encoding: gzip\r\n"
            + "\r\n";
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    all.writeBytes(body);
    return all.toByteArray();
  }

  /**
   * Sends the request and reads the whole answer.
   *
   * @return the answer's status
   * @throws IOException if the connection fails or the answer is not understood
   */
  public int exchange() throws IOException {
    out.write(request);
    out.flush();
    int filled = 0;
    int headerEnd = -1;
    while (headerEnd < 0) {
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        throw new IOException("connection closed");
      }
      int from = Math.max(0, filled - 3);
      filled += n;
      headerEnd = indexOfCrlfCrlf(buffer, from, filled);
    }
    int length = contentLength(buffer, headerEnd);
    int total = headerEnd + 4 + length;
    if (total > buffer.length) {
      throw new IOException("answer too large");
    }
    while (filled < total) {
      int n = in.read(buffer, filled, total - filled);
      if (n < 0) {
        throw new IOException("connection closed");
      }
      filled += n;
    }
    return (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
  }

  private static int indexOfCrlfCrlf(byte[] b, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int contentLength(byte[] b, int headerEnd) throws IOException {
    byte[] name = CONTENT_LENGTH;
    outer:
    for (int i = 0; i + name.length < headerEnd; i++) {
      for (int j = 0; j < name.length; j++) {
        int c = b[i + j];
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        }
        if (c != name[j]) {
          continue outer;
        }
      }
      int k = i + name.length;
      while (b[k] == ' ') {
        k++;
      }
      int value = 0;
      while (b[k] >= '0' && b[k] <= '9') {
        value = value * 10 + (b[k] - '0');
        k++;
      }
      return value;
    }
    throw new IOException("no Content-Length");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
