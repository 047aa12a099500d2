package dev.eventpatch.hubspot.marketingevents.contract.pact;

import java.nio.file.Path;

/**
 * The names the consumer pact tests and the verifications share: who the parties are, the
 * provider states, where the pact files are, and how the {@code Authorization} header is matched.
 */
final class PactContract {

  /** The extensions client, as the consumer of HubSpot's API. */
  static final String CONSUMER = "marketing-events-client";

  /** HubSpot's marketing events API, as the provider. */
  static final String PROVIDER = "hubspot-marketing-events";

  /** The pact file Pact JVM writes for this consumer and provider. */
  static final String PACT_FILE = CONSUMER + "-" + PROVIDER + ".json";

  static final String EXTERNAL_EVENT_ID = "webinar-2026-12-01";
  static final String UNKNOWN_EXTERNAL_EVENT_ID = "webinar-2019-03-14";
  static final String EXTERNAL_ACCOUNT_ID = "acme-events-4821";

  /** The provider holds the event, created by this app. */
  static final String EVENT_EXISTS =
      "an event " + EXTERNAL_EVENT_ID + " of account " + EXTERNAL_ACCOUNT_ID + " exists";

  /** The provider holds no event with these ids. */
  static final String NO_SUCH_EVENT =
      "no event " + UNKNOWN_EXTERNAL_EVENT_ID + " exists for account " + EXTERNAL_ACCOUNT_ID;

  /** The token the app sends has expired (or was revoked): HubSpot answers 401. */
  static final String TOKEN_REJECTED = "the app's access token has expired";

  /** The app has used up its ten-secondly rate limit. */
  static final String RATE_LIMIT_REACHED = "the app's ten-secondly rate limit is used up";

  /**
   * The token the consumer tests give the client. It must never reach a pact file: the pact
   * matches the header by {@link #AUTHORIZATION_PATTERN} and records only {@link
   * #AUTHORIZATION_EXAMPLE}.
   */
  static final String CONSUMER_TEST_TOKEN = "consumer-test-secret-7Hq2vX9pLm";

  /** Any bearer token (RFC 6750's token68 characters). */
  static final String AUTHORIZATION_PATTERN = "Bearer [A-Za-z0-9\\-._~+/]+=*";

  /** What the pact records, and what a verification sends, in place of a real token. */
  static final String AUTHORIZATION_EXAMPLE = "Bearer example-token-not-a-secret";

  /** ISO 8601 date-time as HubSpot writes it: seconds, optional fraction, Z or an offset. */
  static final String ISO_DATE_TIME =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";

  /** A JSON content type, with or without a charset. */
  static final String JSON_CONTENT_TYPE = "application/json(;\\s?charset=[\\w\\-]+)?";

  private PactContract() {}

  /** Where the consumer tests write pact files, and the verifications read them. */
  static Path pactDirectory() {
    return Path.of(System.getProperty("pact.rootDir", "target/pacts")).toAbsolutePath();
  }

  /** The committed pact with deliberately broken interactions, which every check must reject. */
  static Path brokenPactDirectory() {
    return Path.of(System.getProperty("pact.brokenDir", "src/test/resources/pacts-broken"))
        .toAbsolutePath();
  }
}
