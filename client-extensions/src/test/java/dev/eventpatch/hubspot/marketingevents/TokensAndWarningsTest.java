package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventpatch.hubspot.marketingevents.exception.AccessTokenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token provider's place in the pipeline, and the throttled WARNING about unapplied properties. */
class TokensAndWarningsTest {
  private static final String SECRET_VALUE = "jane.doe@example.com";

  private final VirtualTime time = new VirtualTime();
  private final List<MarketingEventsClient> clients = new ArrayList<>();
  private final Logger logger = Logger.getLogger("dev.eventpatch.hubspot.marketingevents");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = ReliabilityFixtures.newServer();
    server.start();
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  @AfterEach
  void stop() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
    clients.forEach(MarketingEventsClient::close);
    server.close();
  }

  private MarketingEventsClient.Builder builder() {
    return MarketingEventsClient.builder().baseUrl(server.url("/").toString()).timing(time);
  }

  private MarketingEventsClient keep(MarketingEventsClient client) {
    clients.add(client);
    return client;
  }

  private static MarketingEventUpdate update() {
    return MarketingEventUpdate.builder().eventName("Winter product webinar").build();
  }

  @Test
  void aTokenProviderFailureBecomesAccessTokenExceptionNamingItsTypeNeverTheToken() {
    MarketingEventsClient client = keep(builder().accessTokenProvider(() -> {
      throw new IllegalStateException("refresh of pat-na1-SECRET-token failed");
    }).build());

    Throwable thrown = catchThrowable(() -> client.update("e", "a", update()));

    assertThat(thrown).isInstanceOf(AccessTokenException.class);
    assertThat(thrown.getMessage()).contains("java.lang.IllegalStateException").doesNotContain("SECRET");
    assertThat(thrown.toString()).doesNotContain("SECRET");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theTokenIsFetchedOnlyOnceTheRateLimitPermitIsGranted() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Responses.event();
      }
    });
    List<Long> askedAt = new CopyOnWriteArrayList<>();
    MarketingEventsClient client = keep(builder()
        .rateLimit(RateLimit.fixed(1, Duration.ofSeconds(10)))
        .accessTokenProvider(() -> {
          askedAt.add(time.nanoTime());
          return "test-token-not-real";
        })
        .build());
    long start = time.nanoTime();

    client.update("e", "a", update());
    client.update("e", "a", update()); // waits 10 s for its permit

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(10));
    // The second call's token was asked for after the wait, not before it.
    assertThat(askedAt).containsExactly(start, start + Duration.ofSeconds(10).toNanos());
  }

  private List<String> warnings() {
    List<String> lines = new ArrayList<>();
    for (LogRecord record : records) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
      }
    }
    return lines;
  }

  private String everythingLogged() {
    StringBuilder all = new StringBuilder();
    for (LogRecord record : records) {
      all.append(new java.util.logging.SimpleFormatter().formatMessage(record)).append('\n');
    }
    return all.toString();
  }

  @Test
  void unappliedPropertiesAreWarnedByNameAndEventAtMostOnceAMinuteWithACountOfRepeats() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Responses.event(); // HubSpot dropped the property: it is not defined on the account
      }
    });
    MarketingEventsClient client = keep(builder().accessToken("test-token-not-real").build());
    MarketingEventUpdate update = MarketingEventUpdate.builder()
        .customProperty(CustomProperty.text("contact_email", SECRET_VALUE))
        .build();

    for (int i = 0; i < 4; i++) {
      client.update("webinar-7", "a", update);
      time.advance(Duration.ofSeconds(10));
    }
    assertThat(warnings()).hasSize(1);
    time.advance(Duration.ofSeconds(30)); // 70 s after the first warning
    client.update("webinar-7", "a", update);

    List<String> warnings = warnings();
    assertThat(warnings).hasSize(2);
    assertThat(warnings).allSatisfy(w -> assertThat(w).contains("contact_email", "webinar-7").doesNotContain(SECRET_VALUE));
    assertThat(warnings.get(1)).contains("skipped 3 more time(s)");
    // The value is only ever at DEBUG.
    assertThat(everythingLogged()).contains(SECRET_VALUE);
  }
}
