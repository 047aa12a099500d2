package dev.eventpatch.hubspot.marketingevents.contract.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.contract.junit.Prism;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with the real Prism that {@code npm ci} installed, serving the real spec. */
@ExtendWith(PrismExtension.class)
class PrismMockIT {

  private static final String VALID_UPDATE = "{\"eventName\":\"Renamed\",\"customProperties\":[]}";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesTheSpecUntilClosedThenLeavesNothingRunning() throws Exception {
    PrismMock prism = builder().start();
    ProcessHandle process = prism.process().toHandle();

    HttpResponse<String> response = patch(prism, VALID_UPDATE);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":\"58237132332\"");

    prism.close();

    assertThat(prism.log()).contains("Prism is listening on http://127.0.0.1:" + prism.port());
    assertThat(prism.isRunning()).isFalse();
    assertThat(process.isAlive()).isFalse();
    assertThat(LoopbackPorts.accepts(prism.port(), Duration.ofSeconds(1))).isFalse();
  }

  @Test
  void dynamicModeAnswersWithGeneratedDataInsteadOfTheExample(
      @Prism(PrismMode.DYNAMIC) PrismMock prism) throws Exception {
    HttpResponse<String> response = patch(prism, VALID_UPDATE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":").doesNotContain("58237132332");
  }

  @Test
  void reportsPrismsOwnErrorForASpecItCannotRead(@TempDir Path dir) throws IOException {
    Path notOpenApi = dir.resolve("not-openapi.yaml");
    Files.writeString(notOpenApi, "hello: world\n");

    assertThatThrownBy(() -> builder().spec(notOpenApi).start())
        .isInstanceOf(PrismStartException.class)
        .hasMessageContaining("Prism exited with code 1")
        .hasMessageContaining("Unsupported document format");
  }

  private static PrismMock.Builder builder() {
    return PrismMock.builder()
        .spec(Path.of(System.getProperty(PrismExtension.SPEC_PROPERTY)))
        .nodeModules(Path.of(System.getProperty(PrismExtension.NODE_MODULES_PROPERTY)))
        .nodeExecutable(System.getProperty(PrismExtension.NODE_PROPERTY, "node"));
  }

  private HttpResponse<String> patch(PrismMock prism, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    prism.baseUrl()
                        + "marketing/v3/marketing-events/events/webinar-2026-12-01"
                        + "?externalAccountId=acme-events-4821"))
            .header("Authorization", "Bearer test-token-not-real")
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
