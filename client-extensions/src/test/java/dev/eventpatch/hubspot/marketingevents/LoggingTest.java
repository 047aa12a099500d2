package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request and response lines are logged at debug level, with the token redacted. */
class LoggingTest {
  private static final String TOKEN = "pat-test-LOGGING-0000-not-a-real-token";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final Logger log = Logger.getLogger("dev.eventpatch.hubspot.marketingevents");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;

  @BeforeEach
  void captureDebug() {
    previous = log.getLevel();
    log.setLevel(Level.ALL);
    log.addHandler(capture);
  }

  @AfterEach
  void restore() {
    log.removeHandler(capture);
    log.setLevel(previous);
  }

  @Test
  void logsRequestAndResponseLinesWithoutTheToken() {
    server.enqueue(Responses.error(503, "UNAVAILABLE"));
    server.enqueue(Responses.event().newBuilder().addHeader("X-HubSpot-Correlation-Id", "corr-1").build());
    try (MarketingEventsClient client =
        MarketingEventsClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/").toString())
            .rateLimit(RateLimit.none())
            .timing(new ReliabilityFixtures.CountingSleeper())
            .build()) {
      client.update("e", "a", MarketingEventUpdate.builder().eventName("x").build());
    }

    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("--> PATCH").contains("Authorization: <redacted>"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<-- 503"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<-- 200").contains("corr-1"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("retrying after"));
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(TOKEN));
  }
}
