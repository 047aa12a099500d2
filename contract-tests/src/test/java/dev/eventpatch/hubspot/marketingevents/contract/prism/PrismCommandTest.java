package dev.eventpatch.hubspot.marketingevents.contract.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrismCommandTest {

  private final Path nodeModules = Path.of("project", "node_modules");
  private final Path spec = Path.of("target", "spec", "api.yaml");

  @Test
  void findsTheCliInsideNodeModules() {
    assertThat(PrismCommand.cliScript(nodeModules))
        .isEqualTo(nodeModules.resolve(Path.of("@stoplight", "prism-cli", "dist", "index.js")));
  }

  @Test
  void staticModeMocksTheSpecOnLoopbackWithErrorsOn() {
    assertThat(PrismCommand.command("node", nodeModules, spec, 4321, PrismMode.STATIC_EXAMPLES))
        .containsExactly(
            "node",
            PrismCommand.cliScript(nodeModules).toString(),
            "mock",
            spec.toString(),
            "-h",
            "127.0.0.1",
            "-p",
            "4321",
            "--errors");
  }

  @Test
  void dynamicModeAsksForGeneratedResponses() {
    assertThat(
            PrismCommand.command("/opt/node/bin/node", nodeModules, spec, 4321, PrismMode.DYNAMIC))
        .startsWith("/opt/node/bin/node")
        .endsWith("--errors", "-d");
  }

  @Test
  void modesHaveFileFriendlyNames() {
    assertThat(PrismMode.STATIC_EXAMPLES.slug()).isEqualTo("static-examples");
    assertThat(PrismMode.DYNAMIC.slug()).isEqualTo("dynamic");
  }
}
