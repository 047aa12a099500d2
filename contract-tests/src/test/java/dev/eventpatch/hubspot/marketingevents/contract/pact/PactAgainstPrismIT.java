package dev.eventpatch.hubspot.marketingevents.contract.pact;

import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.EVENT_EXISTS;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.NO_SUCH_EVENT;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.PROVIDER;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.RATE_LIMIT_REACHED;
import static dev.eventpatch.hubspot.marketingevents.contract.pact.PactContract.TOKEN_REJECTED;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.eventpatch.hubspot.marketingevents.contract.junit.PrismExtension;
import dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verification 1 of the pact files: every interaction the consumer tests wrote is replayed
 * against the static Prism mock, standing in for HubSpot, and Prism's answer must satisfy the
 * interaction. Prism validates each replayed request against the spec (with {@code --errors}, a
 * request that breaks it gets a 400 instead of the answer the pact expects), and Pact checks
 * Prism's answer against the interaction's status, headers and body rules.
 *
 * <p>Error interactions are reached through their provider state, which is what provider states
 * are for: the state handlers below choose the example Prism answers with, and the test adds it
 * to the replayed request as Prism's {@code Prefer: code=NNN} header. "{@value
 * PactContract#NO_SUCH_EVENT}" maps to 404 and "{@value PactContract#RATE_LIMIT_REACHED}" to
 * 429; "{@value PactContract#EVENT_EXISTS}" adds nothing, so Prism answers its 200 example, or
 * its 401 when the interaction sends no {@code Authorization} header. An interaction with a
 * state not handled here fails its verification.
 *
 * <p>Pact's mismatches are the assertion message of the failed test; the end of Prism's log,
 * with the violations Prism found in the replayed request, is printed below it. {@link
 * BrokenPactIT} runs this same replay on a deliberately broken pact, which must fail.
 */
@Provider(PROVIDER)
@PactFolder("${pact.rootDir:target/pacts}")
@ExtendWith(PrismExtension.class)
class PactAgainstPrismIT {

  /** The {@code Prefer} header that makes Prism answer as the interaction's state requires. */
  private String prefer;

  @BeforeEach
  void replayAgainstPrism(PactVerificationContext context, PrismMock prism) {
    context.setTarget(new HttpTestTarget("127.0.0.1", prism.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void prismAnswersAsTheInteractionExpects(PactVerificationContext context, HttpRequest request) {
    if (prefer != null) {
      request.setHeader("Prefer", prefer);
    }
    context.verifyInteraction();
  }

  @State(EVENT_EXISTS)
  void eventExists() {
    prefer = null;
  }

  @State(NO_SUCH_EVENT)
  void noSuchEvent() {
    prefer = "code=404";
  }

  @State(TOKEN_REJECTED)
  void tokenRejected() {
    prefer = "code=401";
  }

  @State(RATE_LIMIT_REACHED)
  void rateLimitReached() {
    prefer = "code=429";
  }
}
