package dev.eventpatch.hubspot.marketingevents.contract.prism;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts Prism: kept apart so that its arguments can be unit tested. */
final class PrismCommand {

  /** Prism only ever listens on loopback: the mock must not be reachable from the network. */
  static final String HOST = "127.0.0.1";

  private PrismCommand() {}

  /** Where {@code npm ci} puts Prism's command-line entry point inside a node_modules folder. */
  static Path cliScript(Path nodeModules) {
    return nodeModules.resolve(Path.of("@stoplight", "prism-cli", "dist", "index.js"));
  }

  /**
   * The full command: {@code node <cli> mock <spec> -h 127.0.0.1 -p <port> --errors [-d]}.
   * {@code --errors} makes every request that breaks the spec an error response with the
   * violations in the {@code sl-violations} header, instead of a 200 with a logged warning.
   */
  static List<String> command(
      String nodeExecutable, Path nodeModules, Path spec, int port, PrismMode mode) {
    List<String> command = new ArrayList<>();
    command.add(nodeExecutable);
    command.add(cliScript(nodeModules).toString());
    command.add("mock");
    command.add(spec.toString());
    command.add("-h");
    command.add(HOST);
    command.add("-p");
    command.add(Integer.toString(port));
    command.add("--errors");
    if (mode == PrismMode.DYNAMIC) {
      command.add("-d");
    }
    return List.copyOf(command);
  }
}
