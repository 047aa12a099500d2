package dev.eventpatch.hubspot.marketingevents.testkit;

import static dev.eventpatch.hubspot.marketingevents.testkit.Http.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class HubSpotFakeExtensionTest {
  // Sample classes run by the engine below, not by Surefire (they are nested and static, and
  // only selected explicitly).
  static final List<String> SEEN = new ArrayList<>();
  static final ByteArrayOutputStream FAILURE_OUTPUT = new ByteArrayOutputStream();

  @ExtendWith(HubSpotFakeExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class OneFakePerClass {
    @Test
    @Order(1)
    void first(HubSpotFake fake) {
      SEEN.add(fake.baseUrl());
      fake.givenEvent("a", "e");
      Http.patch(fake, V3 + "e?externalAccountId=a", "{\"customProperties\":[]}");
    }

    @Test
    @Order(2)
    void second(HubSpotFake fake) {
      SEEN.add(fake.baseUrl());
      SEEN.add("requests=" + fake.requests().size() + ", event=" + fake.event("a", "e").isPresent());
    }
  }

  static class PassingAndFailing {
    @RegisterExtension
    static final HubSpotFakeExtension HUBSPOT =
        new HubSpotFakeExtension(HubSpotFake.builder(), new PrintStream(FAILURE_OUTPUT, true, StandardCharsets.UTF_8));

    @Test
    void passes(HubSpotFake fake) {
      fake.givenEvent("a", "e");
      Http.patch(fake, V3 + "e?externalAccountId=a", "{\"customProperties\":[]}");
    }

    @Test
    void fails() {
      HubSpotFake fake = HUBSPOT.fake();
      Http.patch(fake, V3 + "missing?externalAccountId=a", "{\"customProperties\":[]}");
      throw new AssertionError("the sync job did not handle the 404");
    }
  }

  @AfterAll
  static void clear() {
    SEEN.clear();
  }

  @Test
  void startsOneFakePerClassInjectsItAndResetsItBeforeEachTest() {
    SEEN.clear();
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OneFakePerClass.class)).execute().testEvents();

    tests.assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(SEEN).hasSize(3);
    assertThat(SEEN.get(0)).isEqualTo(SEEN.get(1));
    assertThat(SEEN.get(2)).isEqualTo("requests=0, event=false");
  }

  @Test
  void printsNothingWhileTestsPassAndTheJournalWhenOneFails() {
    FAILURE_OUTPUT.reset();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
      EngineTestKit.engine("junit-jupiter").selectors(selectClass(PassingAndFailing.class)).execute().testEvents()
          .assertStatistics(stats -> stats.succeeded(1).failed(1));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    String printed = FAILURE_OUTPUT.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("fails()")
        .contains("PATCH " + V3 + "missing")
        .contains("-> 404: no event given for these ids")
        .doesNotContain("passes()")
        .doesNotContain(Http.TOKEN);
  }
}
