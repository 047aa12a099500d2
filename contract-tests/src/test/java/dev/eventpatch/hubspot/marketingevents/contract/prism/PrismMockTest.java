package dev.eventpatch.hubspot.marketingevents.contract.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's behaviour, with small Node scripts standing in for Prism's command-line entry
 * point so that every start-up outcome can be produced on purpose. The real Prism is exercised
 * by {@code PrismMockIT}.
 */
class PrismMockTest {

  /** Answers every request with the arguments it was started with, as a JSON array. */
  private static final String ECHO_ARGUMENTS =
      "const http = require('http');\n"
          + "const args = process.argv.slice(2);\n"
          + "const port = Number(args[args.indexOf('-p') + 1]);\n"
          + "const host = args[args.indexOf('-h') + 1];\n"
          + "http.createServer((req, res) => res.end(JSON.stringify(args)))\n"
          + "  .listen(port, host, () => console.log('fake prism listening on ' + port));\n";

  @TempDir Path dir;

  private Path nodeModules;
  private Path spec;

  @BeforeEach
  void setUp() throws IOException {
    nodeModules = dir.resolve("node_modules");
    spec = dir.resolve("api.yaml");
    Files.writeString(spec, "openapi: 3.0.3\n");
  }

  @Test
  void startsPrismWithTheMockArgumentsAndReturnsOnceItAnswers() throws Exception {
    installFakePrism(ECHO_ARGUMENTS);

    PrismMock prism = builder().mode(PrismMode.DYNAMIC).start();
    try {
      assertThat(prism.isRunning()).isTrue();
      assertThat(prism.baseUrl()).isEqualTo("http://127.0.0.1:" + prism.port() + "/");
      assertThat(get(prism.baseUrl()))
          .isEqualTo(
              "[\"mock\",\""
                  + jsonEscaped(spec.toString())
                  + "\",\"-h\",\"127.0.0.1\",\"-p\",\""
                  + prism.port()
                  + "\",\"--errors\",\"-d\"]");
    } finally {
      prism.close();
    }
    // Read once closed: the output is read on another thread, complete only at its end.
    assertThat(prism.log()).contains("fake prism listening on " + prism.port());
  }

  @Test
  void closeStopsPrismAndTheProcessesItStarted() throws Exception {
    installFakePrism(
        "const child = require('child_process')\n"
            + "  .spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'],"
            + " {stdio: 'ignore'});\n"
            + "require('fs').writeFileSync(require('path').join(__dirname, 'child.pid'),"
            + " String(child.pid));\n"
            + ECHO_ARGUMENTS);
    PrismMock prism = builder().start();
    ProcessHandle parent = prism.process().toHandle();
    ProcessHandle child =
        ProcessHandle.of(pidWrittenByFake("child.pid")).orElseThrow(AssertionError::new);
    assertThat(child.isAlive()).isTrue();

    prism.close();

    assertThat(parent.isAlive()).isFalse();
    assertThat(child.isAlive()).isFalse();
    assertThat(prism.isRunning()).isFalse();
    prism.close();
  }

  @Test
  void writesPrismsOutputToTheLogFile() throws Exception {
    installFakePrism(ECHO_ARGUMENTS);
    Path logFile = dir.resolve("logs").resolve("prism.log");

    PrismMock prism = builder().logFile(logFile).start();
    try {
      get(prism.baseUrl());
    } finally {
      prism.close();
    }
    assertThat(Files.readString(logFile)).contains("fake prism listening on " + prism.port());
  }

  @Test
  void showsPrismsOutputWhenItExitsDuringStartUp() throws IOException {
    installFakePrism(
        "console.log('Starting Prism');\n"
            + "console.error('fatal     Unsupported document format');\n"
            + "process.exit(3);\n");

    assertThatThrownBy(() -> builder().start())
        .isInstanceOf(PrismStartException.class)
        .hasMessageContaining("Prism exited with code 3")
        .hasMessageContaining("Starting Prism")
        .hasMessageContaining("fatal     Unsupported document format");
  }

  @Test
  void givesUpWhenPrismNeverAnswersAndStopsIt() throws IOException {
    installFakePrism(
        "require('fs').writeFileSync(require('path').join(__dirname, 'fake.pid'),"
            + " String(process.pid));\n"
            + "console.log('still loading the spec');\n"
            + "setInterval(() => {}, 1000);\n");

    assertThatThrownBy(() -> builder().startupTimeout(Duration.ofSeconds(3)).start())
        .isInstanceOf(PrismStartException.class)
        .hasMessageContaining("did not accept connections")
        .hasMessageContaining("still loading the spec");
    long fake = pidWrittenByFake("fake.pid");
    assertThat(ProcessHandle.of(fake).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void explainsHowToInstallPrismWhenItIsMissing() {
    assertThatThrownBy(() -> builder().start())
        .isInstanceOf(PrismStartException.class)
        .hasMessageContaining("Prism is not installed")
        .hasMessageContaining(PrismCommand.cliScript(nodeModules).toString())
        .hasMessageContaining("mvn -pl contract-tests -am verify");
  }

  @Test
  void explainsThatNodeIsNeededWhenItCannotBeRun() throws IOException {
    installFakePrism(ECHO_ARGUMENTS);

    assertThatThrownBy(
            () -> builder().nodeExecutable(dir.resolve("no-such-node").toString()).start())
        .isInstanceOf(PrismStartException.class)
        .hasMessageContaining("Node.js 20+ is required on the PATH");
  }

  @Test
  void refusesASpecThatDoesNotExist() throws IOException {
    installFakePrism(ECHO_ARGUMENTS);

    assertThatThrownBy(() -> builder().spec(dir.resolve("missing.yaml")).start())
        .isInstanceOf(PrismStartException.class)
        .hasMessageContaining("The spec to mock does not exist")
        .hasMessageContaining("missing.yaml");
  }

  @Test
  void requiresTheSpecAndTheInstallFolder() {
    assertThatThrownBy(() -> PrismMock.builder().nodeModules(nodeModules).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("spec required");
    assertThatThrownBy(() -> PrismMock.builder().spec(spec).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("nodeModules required");
  }

  private PrismMock.Builder builder() {
    return PrismMock.builder()
        .spec(spec)
        .nodeModules(nodeModules)
        .nodeExecutable(System.getProperty("node.executable", "node"));
  }

  private void installFakePrism(String script) throws IOException {
    Path cli = PrismCommand.cliScript(nodeModules);
    Files.createDirectories(cli.getParent());
    Files.writeString(cli, script, StandardCharsets.UTF_8);
  }

  /** The id of a process that the fake wrote to a file next to itself. */
  private long pidWrittenByFake(String fileName) throws IOException {
    Path pidFile = PrismCommand.cliScript(nodeModules).resolveSibling(fileName);
    return Long.parseLong(Files.readString(pidFile).trim());
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String jsonEscaped(String text) {
    return text.replace("\\", "\\\\");
  }
}
