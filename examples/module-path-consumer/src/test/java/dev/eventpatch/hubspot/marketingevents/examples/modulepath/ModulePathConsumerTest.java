package dev.eventpatch.hubspot.marketingevents.examples.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client as a user on the module path meets it: javac and java themselves, with the
 * client's published jars (the client, the generated module and their dependencies) on
 * {@code --module-path}, nothing on the class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModulePathConsumerTest {
  private static final String INTERNAL = "dev.eventpatch.hubspot.marketingevents.internal";

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final Path sources = Path.of(System.getProperty("consumer.sources"));
  private final Path work = Path.of(System.getProperty("consumer.work"));
  private String modulePath;

  @BeforeAll
  void readTheClientsModulePath() throws IOException {
    List<String> jars =
        Stream.of(Files.readString(Path.of(System.getProperty("client.module.path.file")))
                .split(File.pathSeparator))
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .collect(Collectors.toList());
    assertThat(jars)
        .as("the client's run-time artifacts as jars (run 'mvn verify', not 'mvn test': a module "
            + "directory without its manifest has no automatic module name)")
        .isNotEmpty()
        .allMatch(jar -> jar.endsWith(".jar"));
    assertThat(jars).anyMatch(jar -> jar.contains("marketing-events-client-"));
    modulePath = String.join(File.pathSeparator, jars);
  }

  @Test
  void aConsumerModuleCompilesAndUpdatesAnEventOnTheModulePath() throws Exception {
    Path classes = work.resolve("app");
    Compilation compiled = compile("app", classes, "--module-path", modulePath);
    assertThat(compiled.exitCode).as(compiled.output).isZero();

    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, seen));
    server.start();
    try {
      String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      Run run =
          run(javaCommand("--module-path", classes + File.pathSeparator + modulePath,
              "--module", "example.consumer/example.consumer.Main", baseUrl));

      assertThat(run.exitCode).as(run.output).isZero();
      assertThat(run.output.lines())
          .containsExactly(
              "consumer-module=example.consumer",
              "client-module=dev.eventpatch.hubspot.marketingevents",
              "client-exports-internal=false",
              "event-id=58237132332",
              "event-name=Module path webinar",
              "room=Hall B",
              "missing=NotFoundException 404");
      assertThat(seen)
          .containsExactly(
              "PATCH /marketing/marketing-events/2026-09/events/webinar-1?externalAccountId=account-1 "
                  + "Bearer module-path-token "
                  + "{\"customProperties\":[{\"name\":\"room\",\"value\":\"Hall B\"}],\"eventName\":\"Module path webinar\"}",
              "PATCH /marketing/marketing-events/2026-09/events/missing?externalAccountId=account-1 "
                  + "Bearer module-path-token {\"customProperties\":[],\"eventName\":\"x\"}");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void codeReachingIntoTheInternalPackageDoesNotCompileOnTheModulePath() throws IOException {
    Compilation compiled = compile("intruder", work.resolve("intruder"), "--module-path", modulePath);

    assertThat(compiled.exitCode).isNotZero();
    assertThat(compiled.output)
        .contains("package " + INTERNAL + " is not visible")
        .contains("does not export it");
  }

  @Test
  void theSameCodeCompilesOnTheClassPathSoTheDescriptorIsWhatStopsIt() throws IOException {
    // Without module-info.java the sources are plain class-path code: the class is public.
    Compilation compiled =
        compile("intruder", work.resolve("intruder-classpath"), false, "--class-path", modulePath);

    assertThat(compiled.exitCode).as(compiled.output).isZero();
  }

  @Test
  void aConsumerDoesNotReadOkHttpThroughTheClient() throws IOException {
    Compilation compiled = compile("leaky", work.resolve("leaky"), "--module-path", modulePath);

    assertThat(compiled.exitCode).isNotZero();
    assertThat(compiled.output).contains("package okhttp3 is not visible").contains("does not read it");
  }

  /** The two answers the consumer asks for: its event, and a 404 for the id "missing". */
  private static void answer(HttpExchange exchange, List<String> seen) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
        + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
    boolean missing = exchange.getRequestURI().getPath().endsWith("/missing");
    String json =
        missing
            ? "{\"status\":\"error\",\"category\":\"OBJECT_NOT_FOUND\",\"message\":\"not found\","
                + "\"correlationId\":\"0b5c1f7e-2d4a-4e8b-9c61-7a3f2e1d0c95\"}"
            : "{\"id\":\"58237132332\",\"createdAt\":\"2026-11-02T09:15:04.112Z\","
                + "\"updatedAt\":\"2026-11-29T10:41:57.903Z\",\"eventName\":\"Module path webinar\","
                + "\"eventOrganizer\":\"Acme Events\","
                + "\"customProperties\":[{\"name\":\"room\",\"value\":\"Hall B\"}]}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
    exchange.sendResponseHeaders(missing ? 404 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Compilation compile(String source, Path output, String... options) throws IOException {
    return compile(source, output, true, options);
  }

  private Compilation compile(String source, Path output, boolean withDescriptor, String... options)
      throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources.resolve(source))) {
      files =
          walk.filter(file -> file.toString().endsWith(".java"))
              .filter(file -> withDescriptor || !file.getFileName().toString().equals("module-info.java"))
              .map(Path::toString)
              .sorted()
              .collect(Collectors.toList());
    }
    List<String> arguments = new ArrayList<>(List.of(options));
    if (!arguments.contains("--class-path")) {
      // javac in this JVM would otherwise take this JVM's class path, which has the client's
      // jars too: code on the module path would then find the internal package in the unnamed
      // module. A user's module-path build has only the module path.
      Path empty = Files.createDirectories(work.resolve("empty-class-path"));
      arguments.addAll(List.of("--class-path", empty.toString()));
    }
    arguments.addAll(List.of("--release", "17", "-d", output.toString()));
    arguments.addAll(files);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exitCode = javac.run(null, printed, printed, arguments.toArray(new String[0]));
    return new Compilation(exitCode, printed.toString(StandardCharsets.UTF_8));
  }

  private static List<String> javaCommand(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path log = work.resolve("consumer-output.txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      // Generous: a JVM start on a shared machine; the run itself is two loopback calls.
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("the consumer did not finish in 120 s: " + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      process.destroyForcibly();
    }
  }

  private static final class Compilation {
    final int exitCode;
    final String output;

    Compilation(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  private static final class Run {
    final int exitCode;
    final String output;

    Run(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
