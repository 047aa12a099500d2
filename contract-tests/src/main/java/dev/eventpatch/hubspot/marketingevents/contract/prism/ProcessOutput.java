package dev.eventpatch.hubspot.marketingevents.contract.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a process's merged output on a daemon thread, so that the process never blocks on a
 * full pipe: keeps the most recent lines in memory and, optionally, writes all of them to a file.
 */
final class ProcessOutput {

  /** Enough for Prism's start-up failure and the last few dozen requests, and bounded. */
  static final int MAX_CHARS = 64 * 1024;

  private final Deque<String> lines = new ArrayDeque<>();
  private final Writer file;
  private final Thread reader;
  private int chars;

  private ProcessOutput(InputStream stream, Path logFile, String threadName) throws IOException {
    if (logFile != null) {
      Path parent = logFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
    } else {
      this.file = null;
    }
    this.reader = new Thread(() -> pump(stream), threadName);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Starts reading; {@code logFile} may be null. */
  static ProcessOutput capture(Process process, Path logFile, String threadName)
      throws IOException {
    return new ProcessOutput(process.getInputStream(), logFile, threadName);
  }

  private void pump(InputStream stream) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        append(line);
      }
    } catch (IOException e) {
      append("[prism launcher] output could no longer be read: " + e.getMessage());
    } finally {
      closeFile();
    }
  }

  private synchronized void append(String line) {
    lines.addLast(line);
    chars += line.length() + 1;
    while (chars > MAX_CHARS && lines.size() > 1) {
      chars -= lines.removeFirst().length() + 1;
    }
    if (file != null) {
      try {
        file.write(line);
        file.write(System.lineSeparator());
        file.flush();
      } catch (IOException e) {
        // The in-memory copy is still there; a full disk must not stop the mock.
      }
    }
  }

  private synchronized void closeFile() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // Nothing left to save.
      }
    }
  }

  /** Waits, bounded, until the process's output has been read to its end. */
  void awaitEnd(Duration timeout) {
    try {
      reader.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The most recent output, one line per line, at most about {@link #MAX_CHARS} characters. */
  synchronized String text() {
    return String.join("\n", lines);
  }
}
