package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A throwaway redis-server on a free loopback port, without persistence. {@link #close()} stops
 * it; a JVM shutdown hook does the same if the JVM exits without closing it.
 */
final class RedisServer implements AutoCloseable {

  static final String EXECUTABLE_PROPERTY = "redis-server.executable";
  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Thread shutdownHook;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisServer(Process process, Thread shutdownHook, int port) {
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.port = port;
  }

  /**
   * Starts a server and returns once it answers PING.
   *
   * @throws IllegalStateException if redis-server is missing or does not start; says what to do
   */
  static RedisServer start() {
    String executable = System.getProperty(EXECUTABLE_PROPERTY, "redis-server");
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      List<String> command =
          List.of(executable, "--port", Integer.toString(port), "--bind", HOST, "--save", "",
              "--appendonly", "no", "--protected-mode", "yes");
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "redis-server could not be run as `" + executable + "` (" + e.getMessage()
                + "): install it (Debian/Ubuntu: apt-get install -y redis-server) and rerun.", e);
      }
      Thread hook = new Thread(process::destroyForcibly, "redis-server-stop-" + port);
      Runtime.getRuntime().addShutdownHook(hook);
      RedisServer server = new RedisServer(process, hook, port);
      long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
      while (process.isAlive() && System.nanoTime() - deadline < 0) {
        if (server.ping()) {
          return server;
        }
        sleep(50);
      }
      server.close();
      if (attempt >= 3) {
        throw new IllegalStateException(
            "redis-server did not answer on " + HOST + ":" + port + " within " + STARTUP_TIMEOUT);
      }
    }
  }

  /** @return the URI to give a limiter */
  String uri() {
    return "redis://" + HOST + ":" + port;
  }

  int port() {
    return port;
  }

  /** @return whether it answers PING right now */
  boolean ping() {
    try {
      return command("PING").startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Sends one command in Redis' inline form and returns the first line of the answer.
   *
   * @throws IOException if Redis cannot be reached
   */
  String command(String inline) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 1000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it does the same.
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port: " + e, e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
