package dev.eventpatch.hubspot.marketingevents.contract.junit;

import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMode;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismStartException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives tests a running Prism mock of the spec: one Prism per {@link PrismMode} for the whole
 * test run, started on first use and stopped when the run ends, whether tests passed or not.
 *
 * <pre>{@code
 * @ExtendWith(PrismExtension.class)
 * class SomeContractIT {
 *   @Test
 *   void acceptsTheUpdate(PrismMock prism) { ... prism.baseUrl() ... }
 * }
 * }</pre>
 *
 * <p>Inputs come from system properties, which the module's Failsafe configuration sets:
 * {@value #SPEC_PROPERTY} (the spec to serve), {@value #NODE_MODULES_PROPERTY} (where
 * {@code npm ci} installed Prism), {@value #LOG_DIR_PROPERTY} (where each Prism writes its
 * log, {@code <mode>.log}) and {@value #NODE_PROPERTY}. Without them (a run from an IDE in the
 * module folder) the module's own layout is assumed.
 *
 * <p>When a test fails, the end of each running Prism's log is printed to standard error.
 */
public final class PrismExtension implements ParameterResolver, TestWatcher {

  public static final String SPEC_PROPERTY = "prism.spec";
  public static final String NODE_MODULES_PROPERTY = "prism.nodeModules";
  public static final String LOG_DIR_PROPERTY = "prism.logDir";
  public static final String NODE_PROPERTY = "node.executable";

  private static final Namespace NAMESPACE = Namespace.create(PrismExtension.class);
  private static final int LOG_LINES_ON_FAILURE = 40;

  /**
   * The shared Prism of this mode, started on first use and kept in the root context's store,
   * which closes it at the end of the run. For other extensions that need the mock.
   *
   * @throws IllegalStateException if Prism cannot start; the message says why and what to do
   */
  public static PrismMock prism(ExtensionContext context, PrismMode mode) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(mode, "mode == null");
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(mode, PrismExtension::start, PrismMock.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PrismMock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PrismMode mode =
        parameter.findAnnotation(Prism.class).map(Prism::value).orElse(PrismMode.STATIC_EXAMPLES);
    try {
      return prism(context, mode);
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    for (PrismMode mode : PrismMode.values()) {
      PrismMock prism = startedOrNull(context, mode);
      if (prism != null) {
        System.err.printf(
            "--- %s failed; last lines of %s (full log: %s) ---%n%s%n",
            context.getDisplayName(), prism, logFile(mode), tail(prism.log()));
      }
    }
  }

  private static PrismMock startedOrNull(ExtensionContext context, PrismMode mode) {
    try {
      return context.getRoot().getStore(NAMESPACE).get(mode, PrismMock.class);
    } catch (RuntimeException startFailed) {
      return null;
    }
  }

  /**
   * A Prism of its own for one test, which the test must close: for a test that reads Prism's
   * log, complete only once Prism is closed, and that must see no other test's requests in it.
   * Its log file is {@code <name>.log} in the log directory.
   *
   * @throws IllegalStateException if Prism cannot start; the message says why and what to do
   */
  public static PrismMock startDedicated(PrismMode mode, String name) {
    Objects.requireNonNull(mode, "mode == null");
    Objects.requireNonNull(name, "name == null");
    return start(mode, path(LOG_DIR_PROPERTY, "target/prism").resolve(name + ".log"));
  }

  private static PrismMock start(PrismMode mode) {
    return start(mode, logFile(mode));
  }

  private static PrismMock start(PrismMode mode, Path logFile) {
    Path spec = path(SPEC_PROPERTY, "target/spec/marketing-events-spec.yaml");
    try {
      return PrismMock.builder()
          .spec(spec)
          .nodeModules(path(NODE_MODULES_PROPERTY, "node_modules"))
          .nodeExecutable(System.getProperty(NODE_PROPERTY, "node"))
          .mode(mode)
          .logFile(logFile)
          .start();
    } catch (PrismStartException e) {
      boolean outsideMaven =
          System.getProperty(SPEC_PROPERTY) == null
              || System.getProperty(NODE_MODULES_PROPERTY) == null;
      throw new IllegalStateException(
          "The Prism mock ("
              + mode.slug()
              + ") could not start, so no contract test that needs it can run. "
              + e.getMessage()
              + (outsideMaven
                  ? "\n-D" + SPEC_PROPERTY + " and -D" + NODE_MODULES_PROPERTY
                      + " are not set, so the module's layout was assumed: run the tests"
                      + " through Maven (`mvn -pl contract-tests -am verify`) to have them set."
                  : ""),
          e);
    }
  }

  private static Path logFile(PrismMode mode) {
    return path(LOG_DIR_PROPERTY, "target/prism").resolve(mode.slug() + ".log");
  }

  private static Path path(String property, String moduleDefault) {
    String value = System.getProperty(property);
    return Path.of(value == null || value.isBlank() ? moduleDefault : value).toAbsolutePath();
  }

  private static String tail(String log) {
    String[] lines = log.split("\n", -1);
    int from = Math.max(0, lines.length - LOG_LINES_ON_FAILURE);
    return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
  }
}
