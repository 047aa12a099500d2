package dev.eventpatch.hubspot.marketingevents.contract.prism;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Prism mock server of an OpenAPI spec, listening on a loopback port.
 *
 * <p>Prism runs with {@code --errors}: a request that breaks the spec is answered with an error
 * status (the spec's 422, else its 400) and the violations in an {@code sl-violations} header,
 * and a request without the bearer token with 401.
 *
 * <pre>{@code
 * try (PrismMock prism = PrismMock.builder()
 *     .spec(Path.of("target/spec/marketing-events-spec.yaml"))
 *     .nodeModules(Path.of("node_modules"))
 *     .start()) {
 *   String baseUrl = prism.baseUrl(); // "http://127.0.0.1:PORT/"
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops Prism and every process it started. A JVM shutdown hook does the
 * same if the JVM exits without closing it; only a killed JVM can leave Prism behind.
 */
public final class PrismMock implements AutoCloseable {

  /** How long Prism gets to exit on a polite signal before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  /** Tries of a fresh free port, when the one picked was taken before Prism could bind it. */
  private static final int PORT_ATTEMPTS = 3;

  private final Process process;
  private final ProcessOutput output;
  private final Thread shutdownHook;
  private final int port;
  private final PrismMode mode;
  private final Path spec;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PrismMock(
      Process process,
      ProcessOutput output,
      Thread shutdownHook,
      int port,
      PrismMode mode,
      Path spec) {
    this.process = process;
    this.output = output;
    this.shutdownHook = shutdownHook;
    this.port = port;
    this.mode = mode;
    this.spec = spec;
  }

  /** A builder; {@link Builder#spec} and {@link Builder#nodeModules} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL to point a client at, with the trailing slash Retrofit needs. */
  public String baseUrl() {
    return "http://" + PrismCommand.HOST + ":" + port + "/";
  }

  /** The loopback port Prism listens on. */
  public int port() {
    return port;
  }

  /** How this Prism builds its responses. */
  public PrismMode mode() {
    return mode;
  }

  /** The spec this Prism serves. */
  public Path spec() {
    return spec;
  }

  /** Whether Prism is still running: not closed, and its process has not died. */
  public boolean isRunning() {
    return !closed.get() && process.isAlive();
  }

  /**
   * Prism's own output so far (start-up, and one block per request with its validation
   * verdict), bounded to the most recent lines. It is read on another thread, so the latest
   * lines may still be on their way; after {@link #close()} it is complete.
   */
  public String log() {
    return output.text();
  }

  /** Stops Prism and all its descendant processes; does nothing the second time. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    destroyTree(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it does the same thing.
    }
    output.awaitEnd(Duration.ofSeconds(2));
  }

  /** The process, for the launcher's own tests. */
  Process process() {
    return process;
  }

  @Override
  public String toString() {
    return "PrismMock{" + mode.slug() + ", " + baseUrl() + ", spec=" + spec + "}";
  }

  /**
   * Stops the process and every descendant. Descendants are collected first: once the parent
   * is gone they are re-parented and no longer reachable from it.
   */
  static void destroyTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>();
    process.descendants().forEach(tree::add);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Killed forcibly below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Configures and starts a {@link PrismMock}. */
  public static final class Builder {

    private Path spec;
    private Path nodeModules;
    private String nodeExecutable = "node";
    private PrismMode mode = PrismMode.STATIC_EXAMPLES;
    private int port;
    private Duration startupTimeout = Duration.ofSeconds(30);
    private Path logFile;

    private Builder() {}

    /** The OpenAPI document to serve. Required. */
    public Builder spec(Path spec) {
      this.spec = Objects.requireNonNull(spec, "spec == null");
      return this;
    }

    /**
     * The {@code node_modules} folder where {@code npm ci} installed
     * {@code @stoplight/prism-cli}. Required.
     */
    public Builder nodeModules(Path nodeModules) {
      this.nodeModules = Objects.requireNonNull(nodeModules, "nodeModules == null");
      return this;
    }

    /** The Node.js executable, a name on the PATH or a path; {@code node} by default. */
    public Builder nodeExecutable(String nodeExecutable) {
      Objects.requireNonNull(nodeExecutable, "nodeExecutable == null");
      if (nodeExecutable.isBlank()) {
        throw new IllegalArgumentException("nodeExecutable is blank");
      }
      this.nodeExecutable = nodeExecutable;
      return this;
    }

    /** Static examples (the default) or dynamic, schema-generated responses. */
    public Builder mode(PrismMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** A fixed loopback port; 0, the default, picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** How long to wait for Prism to accept connections; 30 seconds by default. */
    public Builder startupTimeout(Duration startupTimeout) {
      Objects.requireNonNull(startupTimeout, "startupTimeout == null");
      if (startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /** Also writes all of Prism's output to this file (replaced, folders created). Optional. */
    public Builder logFile(Path logFile) {
      this.logFile = Objects.requireNonNull(logFile, "logFile == null");
      return this;
    }

    /**
     * Starts Prism and returns once it accepts connections.
     *
     * @throws IllegalStateException if the spec or the node_modules folder was not set
     * @throws PrismStartException if the spec file or Prism is missing, Node.js cannot be run,
     *     Prism exits, or it does not answer within the start-up timeout; the message carries
     *     Prism's output
     */
    public PrismMock start() {
      if (spec == null) {
        throw new IllegalStateException("spec required");
      }
      if (nodeModules == null) {
        throw new IllegalStateException("nodeModules required");
      }
      if (!Files.isRegularFile(spec)) {
        throw new PrismStartException("The spec to mock does not exist: " + spec);
      }
      Path cli = PrismCommand.cliScript(nodeModules);
      if (!Files.isRegularFile(cli)) {
        throw new PrismStartException(
            "Prism is not installed: "
                + cli
                + " does not exist. Install it with `mvn -pl contract-tests -am verify`"
                + " (which runs npm ci in contract-tests/) and retry.");
      }
      int attempts = port == 0 ? PORT_ATTEMPTS : 1;
      for (int attempt = 1; ; attempt++) {
        int chosen = port == 0 ? LoopbackPorts.free() : port;
        try {
          return launch(chosen);
        } catch (PortTakenException e) {
          if (attempt >= attempts) {
            throw new PrismStartException(e.getMessage());
          }
        }
      }
    }

    private PrismMock launch(int chosenPort) {
      List<String> command =
          PrismCommand.command(nodeExecutable, nodeModules, spec, chosenPort, mode);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // Plain text in logs and exception messages, without colour escapes.
      builder.environment().put("FORCE_COLOR", "0");
      builder.environment().put("NO_COLOR", "1");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new PrismStartException(
            "Node.js could not be run as `"
                + nodeExecutable
                + "` ("
                + e.getMessage()
                + "): Node.js 20+ is required on the PATH to run Prism; install it"
                + " (https://nodejs.org) and retry.",
            e);
      }
      Thread hook = new Thread(() -> destroyTree(process), "prism-stop-" + chosenPort);
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        process.getOutputStream().close();
        ProcessOutput output =
            ProcessOutput.capture(process, logFile, "prism-output-" + chosenPort);
        awaitReady(process, output, chosenPort);
        return new PrismMock(process, output, hook, chosenPort, mode, spec);
      } catch (IOException e) {
        stopAfterFailedStart(process, hook);
        throw new PrismStartException("Prism's output could not be captured: " + e, e);
      } catch (RuntimeException | Error e) {
        stopAfterFailedStart(process, hook);
        throw e;
      }
    }

    private void awaitReady(Process process, ProcessOutput output, int chosenPort) {
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      while (true) {
        if (!process.isAlive()) {
          output.awaitEnd(Duration.ofSeconds(2));
          String log = output.text();
          if (port == 0 && log.contains("EADDRINUSE")) {
            throw new PortTakenException(
                "Prism could not bind a free port; the last try said:\n" + log);
          }
          throw new PrismStartException(
              "Prism exited with code "
                  + process.exitValue()
                  + " before accepting connections on "
                  + PrismCommand.HOST
                  + ":"
                  + chosenPort
                  + " ("
                  + spec
                  + "). Prism's output:\n"
                  + log);
        }
        if (LoopbackPorts.accepts(chosenPort, POLL_INTERVAL.multipliedBy(2))
            && process.isAlive()) {
          return;
        }
        if (System.nanoTime() - deadline > 0) {
          // Stopped first, so that the message carries all that Prism said.
          destroyTree(process);
          output.awaitEnd(Duration.ofSeconds(2));
          throw new PrismStartException(
              "Prism did not accept connections on "
                  + PrismCommand.HOST
                  + ":"
                  + chosenPort
                  + " within "
                  + startupTimeout.toSeconds()
                  + " s ("
                  + spec
                  + "), and was stopped. Prism's output:\n"
                  + output.text());
        }
        try {
          Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PrismStartException("Interrupted while waiting for Prism to start", e);
        }
      }
    }

    private static void stopAfterFailedStart(Process process, Thread hook) {
      destroyTree(process);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook does the same.
      }
    }
  }

  /** The free port picked was taken by someone else before Prism could bind it. */
  private static final class PortTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
