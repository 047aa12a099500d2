package dev.eventpatch.hubspot.marketingevents.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerListenerTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerListener listener = MicrometerListener.create(registry, Tags.of("app", "crm-sync"));

  @Test
  void countsAttemptsByStatusWithTheirDurations() {
    listener.attemptEnded("update", "2026-09", 1, 200, Duration.ofMillis(40));
    listener.attemptEnded("update", "2026-09", 1, 200, Duration.ofMillis(60));
    listener.attemptEnded("update", "2026-09", 2, 429, Duration.ofMillis(10));
    listener.attemptEnded("update", "2026-09", 3, 0, Duration.ofMillis(5));

    Timer ok = registry.get(MicrometerListener.REQUESTS)
        .tags("operation", "update", "api.version", "2026-09", "status", "200", "app", "crm-sync").timer();
    assertThat(ok.count()).isEqualTo(2);
    assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
    assertThat(registry.get(MicrometerListener.REQUESTS).tag("status", "429").timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerListener.REQUESTS).tag("status", "none").timer().count()).isEqualTo(1);
  }

  @Test
  void countsRetriesByReasonAnd429sByPolicy() {
    listener.retryScheduled("update", 1, Duration.ofSeconds(1), "503");
    listener.retryScheduled("update", 2, Duration.ofSeconds(2), "503");
    listener.retryScheduled("update", 1, Duration.ofSeconds(1), "connection");
    listener.rateLimited("TEN_SECONDLY_ROLLING");
    listener.rateLimited("TEN_SECONDLY_ROLLING");
    listener.rateLimited("DAILY");

    assertThat(registry.get(MicrometerListener.RETRIES).tags("reason", "503").counter().count()).isEqualTo(2);
    assertThat(registry.get(MicrometerListener.RETRIES).tags("reason", "connection").counter().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerListener.RATE_LIMITED).tags("policy", "TEN_SECONDLY_ROLLING").counter().count())
        .isEqualTo(2);
    assertThat(registry.get(MicrometerListener.RATE_LIMITED).tags("policy", "DAILY").counter().count()).isEqualTo(1);
  }

  @Test
  void addsUpTimeSpentWaitingForPermits() {
    listener.permitWaited(Duration.ofMillis(250));
    listener.permitWaited(Duration.ofMillis(750));

    Timer waits = registry.get(MicrometerListener.PERMIT_WAIT).timer();
    assertThat(waits.count()).isEqualTo(2);
    assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(1.0);
  }

  @Test
  void showsTheLimitInForceAsItChanges() {
    assertThat(registry.get(MicrometerListener.LIMIT_REQUESTS).gauge().value()).isZero();

    listener.limitInForce(190, Duration.ofSeconds(10));
    assertThat(registry.get(MicrometerListener.LIMIT_REQUESTS).gauge().value()).isEqualTo(190);
    assertThat(registry.get(MicrometerListener.LIMIT_WINDOW).gauge().value()).isEqualTo(10);

    listener.limitInForce(100, Duration.ofSeconds(10));
    assertThat(registry.get(MicrometerListener.LIMIT_REQUESTS).gauge().value()).isEqualTo(100);
  }

  @Test
  void countsFallbacksAndShowsWhetherOneIsUnderWay() {
    listener.limiterFallback("redis", true);
    assertThat(registry.get(MicrometerListener.FALLBACK_ACTIVE).tags("limiter", "redis").gauge().value()).isEqualTo(1);

    listener.limiterFallback("redis", false);
    listener.limiterFallback("redis", true);
    listener.limiterFallback("redis", false);

    assertThat(registry.get(MicrometerListener.FALLBACKS).tags("limiter", "redis").counter().count()).isEqualTo(2);
    assertThat(registry.get(MicrometerListener.FALLBACK_ACTIVE).tags("limiter", "redis").gauge().value()).isZero();
  }

  @Test
  void everyMeterCarriesTheCommonTags() {
    listener.attemptEnded("update", "v3", 1, 200, Duration.ofMillis(1));
    listener.retryScheduled("update", 1, Duration.ofSeconds(1), "503");
    listener.rateLimited("SECONDLY");
    listener.limiterFallback("redis", true);

    assertThat(registry.getMeters())
        .isNotEmpty()
        .allSatisfy(meter -> assertThat(meter.getId().getTag("app")).isEqualTo("crm-sync"));
  }
}
