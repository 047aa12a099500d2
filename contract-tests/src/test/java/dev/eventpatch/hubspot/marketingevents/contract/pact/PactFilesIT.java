package dev.eventpatch.hubspot.marketingevents.contract.pact;

import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.AUTHORIZATION_PATTERN;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.CONSUMER_TEST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.eventpatch.hubspot.marketingevents.contract.support.GeneratedApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pact files written in the test phase are safe to publish: no token the tests used is in
 * them, and every interaction that sends an {@code Authorization} header matches it by pattern,
 * so that the recorded value is only an example.
 */
class PactFilesIT {

  @Test
  void noPactFileHoldsATokenTheTestsUsed() throws IOException {
    List<Path> files = pactFiles();
    assertThat(files).as("pact files in %s", PactContract.pactDirectory()).isNotEmpty();
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(text)
          .as("%s must not hold a token a test used", file.getFileName())
          .doesNotContain(CONSUMER_TEST_TOKEN)
          .doesNotContain(GeneratedApi.TOKEN);
    }
  }

  @Test
  void everyAuthorizationHeaderIsMatchedByPatternWithAnExampleValue() throws IOException {
    int withHeader = 0;
    for (Path file : pactFiles()) {
      JsonObject pact = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      for (JsonElement element : pact.getAsJsonArray("interactions")) {
        JsonObject request = element.getAsJsonObject().getAsJsonObject("request");
        JsonObject headers = request.getAsJsonObject("headers");
        if (headers == null || !headers.has("Authorization")) {
          continue;
        }
        withHeader++;
        assertThat(headers.get("Authorization").getAsString())
            .isEqualTo(PactContract.AUTHORIZATION_EXAMPLE);
        JsonObject rule =
            request
                .getAsJsonObject("matchingRules")
                .getAsJsonObject("header")
                .getAsJsonObject("Authorization")
                .getAsJsonArray("matchers")
                .get(0)
                .getAsJsonObject();
        assertThat(rule.get("match").getAsString()).isEqualTo("regex");
        assertThat(rule.get("regex").getAsString()).isEqualTo(AUTHORIZATION_PATTERN);
      }
    }
    assertThat(withHeader).as("interactions that send a token").isPositive();
  }

  private static List<Path> pactFiles() throws IOException {
    Path directory = PactContract.pactDirectory();
    assertThat(directory).as("written by the consumer pact tests in the test phase").isDirectory();
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }
}
