package com.example.eventsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.testkit.Fault;
import dev.eventpatch.hubspot.marketingevents.testkit.HubSpotFake;
import dev.eventpatch.hubspot.marketingevents.testkit.HubSpotFakeExtension;
import dev.eventpatch.hubspot.marketingevents.testkit.PropertyKind;
import dev.eventpatch.hubspot.marketingevents.testkit.RecordedRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HubSpotFakeExtension.class)
class WebinarSyncTest {
  private static final String ACCOUNT = "acme-events-4821";
  private static final Webinar WINTER = new Webinar("webinar-2026-12-01", "Winter product webinar", 120, LocalDate.of(2026, 12, 1));
  private static final Webinar SPRING = new Webinar("webinar-2027-03-02", "Spring roadmap", 80, LocalDate.of(2027, 3, 2));

  private HubSpotFake hubspot;
  private MarketingEventsClient client;
  private WebinarSync sync;

  @BeforeEach
  void setUp(HubSpotFake hubspot) {
    this.hubspot = hubspot;
    // What the portal has: both events, and the two properties the sync writes.
    hubspot.givenEvent(ACCOUNT, WINTER.id(), Map.of("eventName", "Old title", "eventOrganizer", "Acme"));
    hubspot.givenEvent(ACCOUNT, SPRING.id());
    hubspot.defineProperty(WebinarSync.SEATS, PropertyKind.NUMBER);
    hubspot.defineProperty(WebinarSync.LAUNCH_DATE, PropertyKind.DATE);
    client = MarketingEventsClient.builder().accessToken("test-token").baseUrl(hubspot.baseUrl()).build();
    sync = new WebinarSync(client, ACCOUNT);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void pushesTitleSeatsAndLaunchDate() {
    SyncReport report = sync.syncAll(List.of(WINTER));

    assertThat(report.updated()).containsExactly(WINTER.id());
    assertThat(report.droppedProperties()).isEmpty();
    assertThat(hubspot.event(ACCOUNT, WINTER.id()).orElseThrow())
        .containsEntry("eventName", "Winter product webinar")
        .containsEntry("eventOrganizer", "Acme");
    assertThat(hubspot.property(ACCOUNT, WINTER.id(), WebinarSync.SEATS)).contains("120");
    // Midnight UTC of 1 December 2026, as HubSpot wants a date.
    assertThat(hubspot.property(ACCOUNT, WINTER.id(), WebinarSync.LAUNCH_DATE)).contains("1796083200000");
    assertThat(hubspot.requests()).singleElement().satisfies(request -> {
      assertThat(request.queryParameter("externalAccountId")).contains(ACCOUNT);
      assertThat(request.header("Authorization")).contains("Bearer ****");
    });
  }

  @Test
  void reportsAPropertyThePortalDoesNotDefine() {
    hubspot.reset();
    hubspot.givenEvent(ACCOUNT, WINTER.id());
    hubspot.defineProperty(WebinarSync.LAUNCH_DATE, PropertyKind.DATE);

    SyncReport report = sync.syncAll(List.of(WINTER));

    assertThat(report.updated()).containsExactly(WINTER.id());
    assertThat(report.droppedProperties()).containsExactly(Map.entry(WINTER.id(), List.of(WebinarSync.SEATS)));
  }

  @Test
  void absorbsABurstLimitAnswer() {
    hubspot.enqueue(Fault.rateLimited());

    SyncReport report = sync.syncAll(List.of(WINTER));

    assertThat(report.updated()).containsExactly(WINTER.id());
    assertThat(hubspot.requests()).extracting(RecordedRequest::status).containsExactly(429, 200);
  }

  @Test
  void stopsAtTheDailyLimitAndSaysSo() {
    hubspot.enqueue(Fault.dailyLimit());

    assertThatThrownBy(() -> sync.syncAll(List.of(WINTER, SPRING)))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.isDailyLimit()).isTrue());
    // The run stopped: the second webinar was never sent.
    assertThat(hubspot.requests()).hasSize(1);
    assertThat(hubspot.event(ACCOUNT, WINTER.id()).orElseThrow()).containsEntry("eventName", "Old title");
  }

  @Test
  void reportsAWebinarHubSpotDoesNotKnowAndGoesOn() {
    Webinar unknown = new Webinar("webinar-never-created", "Ghost", 1, LocalDate.of(2027, 1, 1));

    SyncReport report = sync.syncAll(List.of(unknown, SPRING));

    assertThat(report.unknownToHubSpot()).containsExactly(unknown.id());
    assertThat(report.updated()).containsExactly(SPRING.id());
  }
}
