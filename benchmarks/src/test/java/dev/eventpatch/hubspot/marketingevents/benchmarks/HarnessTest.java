package dev.eventpatch.hubspot.marketingevents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.UpdateResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.testkit.RollingWindow;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The harness itself: the server, the contenders' answers, the server's 429s. */
class HarnessTest {
  @Test
  void theServerAnswersTheSpecExampleAndEveryContenderReadsTheSameEvent() throws Exception {
    try (LoopbackServer server = LoopbackServer.start();
        FloorClient floor = new FloorClient(server.baseUrl(), Fixtures.TOKEN);
        GeneratedClient generated = new GeneratedClient(server.baseUrl(), Fixtures.TOKEN);
        MarketingEventsClient client = EndToEnd.extensionsClient(server.baseUrl())) {
      FloorEvent a = floor.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, Fixtures.update(10));
      MarketingEventPublicDefaultResponse b =
          generated.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, Fixtures.update(10));
      MarketingEvent c = client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, Fixtures.update(10));

      assertThat(c.id()).isEqualTo("58237132332").isEqualTo(a.id).isEqualTo(b.getId());
      assertThat(c.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-29T10:41:57.903Z"))
          .isEqualTo(a.updatedAt).isEqualTo(b.getUpdatedAt());
      assertThat(c.eventName()).isEqualTo(a.eventName);
      assertThat(c.startDateTime()).contains(a.startDateTime);
      assertThat(c.customProperties().size()).isEqualTo(3).isEqualTo(a.customProperties.size());
      assertThat(c.customProperties().getMultiValue("tracks")).containsExactly("product", "engineering");
      assertThat(a.customProperties.get(0).timestamp).isEqualTo(1795948917903L);
      assertThat(a.customProperties.get(0).dataSensitivity).isEqualTo("none");
      assertThat(server.okCount()).isEqualTo(3);
    }
  }

  @Test
  void theRollingWindowAdmitsTheLimitThenAnswers429WithHubSpotsHeaders() throws Exception {
    RollingWindow window = new RollingWindow(3, Duration.ofMinutes(1));
    try (LoopbackServer server = LoopbackServer.start(window, Executors.newFixedThreadPool(2), null);
        MarketingEventsClient client = EndToEnd.extensionsClient(server.baseUrl())) {
      UpdateResponse first =
          client.updateWithResponse(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, Fixtures.update(0).toBuilder()
              .allowEmpty().build(), RequestOptions.none());
      RateLimitStatus status = first.rateLimit();
      assertThat(status.max()).hasValue(3);
      assertThat(status.remaining()).hasValue(2);
      assertThat(status.interval()).hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(60_000));
      client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, Fixtures.update(0));
      client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, Fixtures.update(0));
      assertThat(window.remaining()).isZero();
      assertThat(server.okCount()).isEqualTo(3);
    }
  }
}
