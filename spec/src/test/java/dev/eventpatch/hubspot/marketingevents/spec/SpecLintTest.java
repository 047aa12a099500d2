package dev.eventpatch.hubspot.marketingevents.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proves that the lint the build runs on the spec can fail: the same linter, with the same
 * ruleset, accepts the real spec and rejects a deliberately broken fixture, naming each fault.
 */
class SpecLintTest {

  @Test
  void acceptsTheEndpointSpec() throws Exception {
    LintResult result = lint(Path.of(requiredProperty("spec.path")));

    assertThat(result.exitCode).as(result.output).isZero();
  }

  @Test
  void rejectsABrokenSpecNamingEachFault() throws Exception {
    LintResult result = lint(fixture("fixtures/broken-spec.yaml"));

    assertThat(result.exitCode).as(result.output).isNotZero();
    assertThat(result.output).contains("path-params").contains("oas3-valid-media-example");
  }

  private static LintResult lint(Path spec) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            requiredProperty("node.executable"),
            requiredProperty("spectral.cli"),
            "lint",
            "--fail-severity=warn",
            "--ruleset=" + requiredProperty("spectral.ruleset"),
            spec.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Spectral did not finish within 60 s:\n" + output);
    }
    return new LintResult(process.exitValue(), output);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(SpecLintTest.class.getClassLoader().getResource(name), name).toURI());
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + name + " is not set: run this test through Maven (mvn verify)");
    }
    return value;
  }

  private record LintResult(int exitCode, String output) {}
}
