package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.ReliabilityFixtures.RawServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection the server closed while it sat in the pool is not a failed attempt:
 * the request is resent once on a fresh connection, whatever the retry policy.
 */
class StaleConnectionTest {
  private static final Duration IDLE_CLOSE = Duration.ofMillis(50);

  @Test
  void aRequestOnAPooledConnectionTheServerClosedIsResentOnceOnAFreshConnectionEvenWithoutRetries() throws Exception {
    String body = ReliabilityFixtures.okBody("Winter product webinar");
    try (FaultRun run = new FaultRun()) {
      RawServer raw = run.rawServer(RawServer.keepAliveThenCloseWhenIdle(200, body, IDLE_CLOSE));
      MarketingEventsClient client = run.client(raw.url(), b -> b.retryPolicy(RetryPolicy.none()));
      run.succeeds(client);
      // Wait (on real time) until the server has closed the idle connection; the pool keeps it.
      while (raw.closedConnections() < 1) {
        Thread.sleep(10);
      }
      assertThat(client.idleConnections()).isEqualTo(1);

      UpdateResponse second = run.succeeds(client);

      assertThat(second.attempts()).as("the resend is not an attempt").isEqualTo(1);
      assertThat(raw.connections()).as("one fresh connection for the resend").isEqualTo(2);
      assertThat(raw.requestHeads()).hasSize(2);
      assertThat(run.time.waits()).isEmpty();
    }
  }
}
