package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of Redis that a test can take down and bring back on the
 * same port: Redis "down" or "restarting" for the limiters behind it, while the run's one
 * redis-server keeps serving the other tests.
 */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private ServerSocket server;

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    this.port = RedisServer.freePort();
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Accepts connections again (or for the first time), on the same port. */
  synchronized TcpProxy up() {
    if (server != null) {
      return this;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      server = socket;
    } catch (IOException e) {
      throw new IllegalStateException("the proxy could not bind port " + port + ": " + e, e);
    }
    ServerSocket accepting = server;
    Thread acceptor = new Thread(() -> accept(accepting), "tcp-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** Refuses new connections and cuts every open one, as a Redis that went away. */
  synchronized void down() {
    if (server == null) {
      return;
    }
    closeQuietly(server);
    server = null;
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  private void accept(ServerSocket accepting) {
    while (!accepting.isClosed()) {
      try {
        Socket client = accepting.accept();
        Socket target = new Socket("127.0.0.1", targetPort);
        sockets.add(client);
        sockets.add(target);
        pump(client, target);
        pump(target, client);
      } catch (IOException e) {
        // Closed by down(), or the target refused: the client sees its connection drop.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side went away.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump-" + port);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    down();
  }
}
