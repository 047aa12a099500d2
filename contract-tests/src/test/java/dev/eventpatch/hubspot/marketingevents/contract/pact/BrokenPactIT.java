package dev.eventpatch.hubspot.marketingevents.contract.pact;

import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.EVENT_EXISTS;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Both verifications of the pact files can fail: each rejects every interaction of the
 * committed pact {@code src/test/resources/pacts-broken/}{@value #FILE}, whose requests break the
 * spec on purpose (a body field of the wrong type, a missing query parameter, no bearer token)
 * while expecting the 200 a valid update gets. These tests pass when the checks reject the
 * broken pact, and name the violation each check found.
 */
class BrokenPactIT {

  static final String FILE = "broken-fixture-" + PROVIDER + ".json";
  static final String CONSUMER = "broken-fixture";

  /** Its request body has {@code "eventCancelled": "yes"}, where the spec wants a boolean. */
  static final String EVENT_CANCELLED_AS_TEXT =
      "a deliberately broken update: eventCancelled as the text \"yes\"";

  /** Its request lacks the {@code externalAccountId} query parameter the spec requires. */
  static final String NO_EXTERNAL_ACCOUNT_ID =
      "a deliberately broken update: no externalAccountId";

  /** It sends no bearer token, yet expects a 200. */
  static final String NO_AUTHORIZATION = "a deliberately broken update: no Authorization header";

  /**
   * The replay of {@link PactAgainstPrismIT}, run through JUnit's test kit on the broken pact:
   * Prism answers each broken request with 400 (401 for the one without a token), not the 200
   * the pact expects, and its log names what the request broke.
   */
  @Test
  void replayAgainstPrismRejectsEveryBrokenInteraction() throws IOException {
    EngineExecutionResults results;
    String prismLog;
    // A Prism of its own: its log then holds these replays only, and is complete once closed.
    try (PrismMock prism = PrismExtension.startDedicated(PrismMode.STATIC_EXAMPLES, "broken-pact")) {
      BrokenPactReplay.prism = prism;
      System.out.println("--- " + BrokenPactIT.class.getSimpleName() + ": replaying the"
          + " deliberately broken pact against Prism; the failures printed below are expected ---");
      try {
        results =
            EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenPactReplay.class))
                .execute();
      } finally {
        BrokenPactReplay.prism = null;
        System.out.println("--- " + BrokenPactIT.class.getSimpleName()
            + ": end of the expected failures ---");
      }
      prism.close();
      prismLog = prism.log();
    }

    List<String> failures =
        results.testEvents().failed().stream()
            .map(BrokenPactIT::failureMessage)
            .collect(Collectors.toList());
    assertThat(results.testEvents().succeeded().count())
        .as("broken interactions that passed the replay")
        .isZero();
    assertThat(failures)
        .as("one failed replay per broken interaction")
        .hasSize(PactAgainstSpecIT.interactionCount(brokenPactFile()))
        .anySatisfy(m -> assertThat(m).contains(EVENT_CANCELLED_AS_TEXT).contains(
            "expected status of 200 but was 400"))
        .anySatisfy(m -> assertThat(m).contains(NO_EXTERNAL_ACCOUNT_ID).contains(
            "expected status of 200 but was 400"))
        .anySatisfy(m -> assertThat(m).contains(NO_AUTHORIZATION).contains(
            "expected status of 200 but was 401"));
    assertThat(prismLog)
        .as("Prism's log of the broken replays")
        .contains("Request body property eventCancelled must be boolean")
        .containsPattern("(?i)must have required property 'externalAccountId'")
        .containsPattern("(?i)invalid security scheme");
  }

  @Test
  void validationAgainstTheSpecRejectsEveryBrokenInteraction() throws IOException {
    Path brokenFile = brokenPactFile();

    PactProviderValidationResults results = SpecValidation.validate(CONSUMER, brokenFile);

    assertThat(results.hasErrors()).as("the deliberately broken pact must not pass").isTrue();
    Map<String, ValidationReport> failed =
        results.getFailedConsumerResults().get(0).getFailedInteractions();
    assertThat(failed).hasSize(PactAgainstSpecIT.interactionCount(brokenFile));
    Map<String, List<String>> findings =
        failed.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().getMessages().stream()
                            .map(m -> m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.toList())));
    assertThat(findings)
        .as(results.getValidationFailureReport())
        .hasEntrySatisfying(
            EVENT_CANCELLED_AS_TEXT,
            messages ->
                assertThat(messages)
                    .anySatisfy(
                        m ->
                            assertThat(m)
                                .startsWith("validation.request.body.schema.type")
                                .contains("eventCancelled")))
        .hasEntrySatisfying(
            NO_EXTERNAL_ACCOUNT_ID,
            messages ->
                assertThat(messages)
                    .anySatisfy(
                        m ->
                            assertThat(m)
                                .startsWith("validation.request.parameter.query.missing")
                                .contains("externalAccountId")))
        .hasEntrySatisfying(
            NO_AUTHORIZATION,
            messages ->
                assertThat(messages)
                    .anySatisfy(
                        m -> assertThat(m).startsWith(SpecValidation.SECURITY_MISSING)));
  }

  private static Path brokenPactFile() {
    return PactContract.brokenPactDirectory().resolve(FILE);
  }

  private static String failureMessage(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::toString)
        .orElse("(no failure message)");
  }

  /**
   * {@link PactAgainstPrismIT}'s replay, aimed at the broken pact. Run only through the test kit
   * by the test above: Failsafe does not pick up nested classes.
   */
  @Provider(PROVIDER)
  @PactFolder("${pact.brokenDir:src/test/resources/pacts-broken}")
  static class BrokenPactReplay {
    static volatile PrismMock prism;

    @BeforeEach
    void replayAgainstPrism(PactVerificationContext context) {
      PrismMock running =
          Objects.requireNonNull(prism, "run through BrokenPactIT, which sets the Prism");
      context.setTarget(new HttpTestTarget("127.0.0.1", running.port()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void prismAnswersAsTheInteractionExpects(PactVerificationContext context) {
      context.verifyInteraction();
    }

    @State(EVENT_EXISTS)
    void eventExists() {}
  }
}
