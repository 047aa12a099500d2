package dev.eventpatch.hubspot.marketingevents.cli;

import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Starts a Prism mock of the spec for the demo: the spec comes from the spec artifact on the
 * class path, Prism from the contract tests' npm install, found through the {@code
 * MARKETING_EVENTS_PRISM_HOME} variable (the launcher script sets it) or by looking for {@code
 * contract-tests/node_modules} from the working directory up.
 */
final class EmbeddedMock {
  static final String PRISM_HOME = "MARKETING_EVENTS_PRISM_HOME";
  private static final String SPEC_RESOURCE = "/openapi/marketing-events-update.yaml";

  /** A running mock. */
  interface Running extends AutoCloseable {
    String baseUrl();

    @Override
    void close();
  }

  /** Starts a mock; replaced in tests. */
  @FunctionalInterface
  interface Starter {
    Running start(Environment env);
  }

  static final Starter PRISM =
      env -> {
        Path nodeModules = findNodeModules(env);
        Path spec = extractSpec();
        PrismMock mock = PrismMock.builder().spec(spec).nodeModules(nodeModules).start();
        return new Running() {
          @Override
          public String baseUrl() {
            return mock.baseUrl();
          }

          @Override
          public void close() {
            mock.close();
            try {
              Files.deleteIfExists(spec);
            } catch (IOException ignored) {
              // A temporary file the OS cleans up anyway.
            }
          }
        };
      };

  private EmbeddedMock() {}

  static Path findNodeModules(Environment env) {
    String configured = env.nonBlank(PRISM_HOME);
    if (configured != null) {
      Path path = Path.of(configured);
      requirePrism(path);
      return path;
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("contract-tests").resolve("node_modules");
      if (Files.isDirectory(candidate.resolve("@stoplight/prism-cli"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new MockUnavailableException(
        "Prism is not installed: run `mvn -pl contract-tests -am install -DskipTests` from the repository"
            + " (Node.js 20+ and npm needed), or set HUBSPOT_BASE_URL and HUBSPOT_ACCESS_TOKEN to call a real API");
  }

  private static void requirePrism(Path nodeModules) {
    if (!Files.isDirectory(nodeModules.resolve("@stoplight/prism-cli"))) {
      throw new MockUnavailableException(
          PRISM_HOME + " points at " + nodeModules + ", which has no @stoplight/prism-cli: run"
              + " `mvn -pl contract-tests -am install -DskipTests` to install it");
    }
  }

  private static Path extractSpec() {
    try (InputStream in = EmbeddedMock.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new MockUnavailableException("the spec " + SPEC_RESOURCE + " is not on the class path");
      }
      Path file = Files.createTempFile("marketing-events-spec-", ".yaml");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new MockUnavailableException("could not write the spec to a temporary file: " + e.getMessage());
    }
  }

  /** The mock cannot be started; the message says what to run. */
  static final class MockUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MockUnavailableException(String message) {
      super(message);
    }
  }
}
