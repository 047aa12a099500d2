package dev.eventpatch.hubspot.marketingevents.contract.pact;

import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidationResults.ConsumerResult;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Verification 2 of the pact files: every interaction is validated against the spec with
 * {@code swagger-request-validator-pact}, without a server. A failure prints the validator's
 * report: per interaction, each finding with its key (such as {@code
 * validation.request.body.schema.type}) and message. {@link BrokenPactIT} runs the same
 * validation on a deliberately broken pact, which must fail.
 */
class PactAgainstSpecIT {

  @Test
  void everyInteractionOfTheConsumerPactIsWhatTheSpecAllows() throws IOException {
    Path pactFile = PactContract.pactDirectory().resolve(PactContract.PACT_FILE);
    assertThat(pactFile)
        .as("the pact file the consumer pact tests write in the test phase")
        .isRegularFile();

    PactProviderValidationResults results = SpecValidation.validate(CONSUMER, pactFile);

    assertThat(results.hasErrors()).as(results.getValidationFailureReport()).isFalse();
    ConsumerResult result = results.getConsumerResult(CONSUMER).orElseThrow();
    // Not vacuous: every interaction of the file was validated.
    assertThat(result.getInteractionResults()).hasSize(interactionCount(pactFile)).hasSize(7);
  }

  static int interactionCount(Path pactFile) throws IOException {
    JsonObject pact = JsonParser.parseString(Files.readString(pactFile)).getAsJsonObject();
    return pact.getAsJsonArray("interactions").size();
  }
}
