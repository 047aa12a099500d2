package dev.eventpatch.hubspot.marketingevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged tool, run as a process against the embedded Prism mock, as a user would. */
class CommandLineToolIT {

  private static Result runJar(String... args) throws Exception {
    Path jar = Path.of(System.getProperty("cli.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("HUBSPOT_ACCESS_TOKEN");
    builder.environment().remove("HUBSPOT_BASE_URL");
    Path stderr = Files.createTempFile("cli-err", ".txt");
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the tool did not finish in 120 s; output so far:\n" + out);
    }
    String err = Files.readString(stderr);
    Files.delete(stderr);
    return new Result(process.exitValue(), out, err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-09", "2026-03", "v3"})
  void updatesAnEventWithTypedPropertiesAgainstTheEmbeddedMockAtEachApiVersion(String version) throws Exception {
    Result result = runJar("update", "--api-version", version, "--external-event-id", "webinar-2026-12-01",
        "--external-account-id", "acme-events-4821", "--name", "Winter product webinar", "--start", "2026-12-01T16:00:00Z",
        "--end", "2026-12-01T17:30:00Z", "--property", "seats_available:number=120",
        "--property", "launch_date:date=2026-12-01", "--property", "tracks:multi=product;engineering");

    assertThat(result.code).as(result.err).isZero();
    assertThat(result.out.lines().findFirst()).hasValueSatisfying(
        l -> assertThat(l).startsWith("Target: embedded Prism mock").contains("API version " + version));
    assertThat(result.out).contains("HubSpot id 58237132332").contains("HTTP 200").contains("seats_available=120");
  }

  @Test
  void jsonModePrintsTheMocksExampleAnswer() throws Exception {
    Result result = runJar("update", "--external-event-id", "e", "--external-account-id", "a", "--name", "x", "--json");

    assertThat(result.code).as(result.err).isZero();
    assertThat(result.out.strip()).startsWith("{").contains("\"id\"").contains("58237132332");
  }

  @Test
  void badInputExitsWith2() throws Exception {
    Result result = runJar("update", "--external-event-id", "e", "--external-account-id", "a",
        "--property", "seats:number=many");

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("seats");
  }

  private record Result(int code, String out, String err) {}
}
