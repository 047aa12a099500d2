package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void theDailyLimitCoolDownIsFiveMinutesUnlessSet() {
    assertThat(RateLimit.adaptive().dailyLimitCoolDown()).isEqualTo(Duration.ofMinutes(5));
    assertThat(RateLimit.fixed(10, Duration.ofSeconds(1)).dailyLimitCoolDown()).isEqualTo(Duration.ofMinutes(5));

    RateLimit limit = RateLimit.adaptiveUpTo(50, Duration.ofSeconds(10)).withDailyLimitCoolDown(Duration.ofMinutes(30));

    assertThat(limit.dailyLimitCoolDown()).isEqualTo(Duration.ofMinutes(30));
    assertThat(limit.kind()).isEqualTo(RateLimit.Kind.ADAPTIVE_UP_TO);
    assertThat(limit.requests()).isEqualTo(50);
    assertThat(limit.window()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theCoolDownTakesPartInEqualityAndToString() {
    RateLimit plain = RateLimit.fixed(10, Duration.ofSeconds(1));
    RateLimit cooled = plain.withDailyLimitCoolDown(Duration.ofMinutes(1));

    assertThat(cooled).isNotEqualTo(plain);
    assertThat(cooled).isEqualTo(RateLimit.fixed(10, Duration.ofSeconds(1)).withDailyLimitCoolDown(Duration.ofMinutes(1)));
    assertThat(cooled.hashCode())
        .isEqualTo(RateLimit.fixed(10, Duration.ofSeconds(1)).withDailyLimitCoolDown(Duration.ofMinutes(1)).hashCode());
    assertThat(plain.withDailyLimitCoolDown(Duration.ofMinutes(5))).isEqualTo(plain);
    assertThat(cooled.toString()).isEqualTo("RateLimit{fixed, 10 per PT1S, daily limit cool-down PT1M}");
  }

  @Test
  void rejectsACoolDownThatIsNotPositive() {
    assertThatThrownBy(() -> RateLimit.adaptive().withDailyLimitCoolDown(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.adaptive().withDailyLimitCoolDown(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.adaptive().withDailyLimitCoolDown(null))
        .isInstanceOf(NullPointerException.class);
  }
}
