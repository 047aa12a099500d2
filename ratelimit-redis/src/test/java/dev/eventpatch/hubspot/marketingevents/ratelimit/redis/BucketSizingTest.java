package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BucketSizingTest {

  private static final int[] LIMITS = {2, 3, 10, 20, 49, 50, 100, 150, 190, 250, 1000, 100_000};
  private static final Duration[] WINDOWS = {Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1)};
  private static final Duration[] DELAYS = {Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(3)};

  @Test
  void noIntervalOfWindowPlusCountingDelayCanGrantMoreThanTheLimit() {
    for (int limit : LIMITS) {
      for (Duration window : WINDOWS) {
        for (Duration delay : DELAYS) {
          BucketSizing sizing = BucketSizing.of(limit, window, delay);
          assertThat(sizing.maxGrantsWithin(window.plus(delay)))
              .as("%d per %s with %s margin", limit, window, delay)
              .isLessThanOrEqualTo(limit);
          assertThat(sizing.capacity()).isBetween(1L, (long) limit - 1);
          assertThat(sizing.refillTokens()).isPositive();
        }
      }
    }
  }

  @Test
  void hubSpotsLowestTierKeepsOverNinetyPercentOfTheLimitWithHalfASecondMargin() {
    BucketSizing sizing = BucketSizing.of(100, Duration.ofSeconds(10), Duration.ofMillis(500));

    assertThat(sizing.capacity()).isEqualTo(2);
    assertThat(sizing.refillTokens()).isEqualTo(98);
    assertThat(sizing.refillPeriod()).isEqualTo(Duration.ofMillis(10_500));
    // 98 * 10 / 10.5 = 93.33 per window.
    assertThat(sizing.steadyShareOfLimit()).isBetween(0.933, 0.934);
  }

  @Test
  void aLongerCountingDelayCostsThroughputNeverSafety() {
    BucketSizing tight = BucketSizing.of(190, Duration.ofSeconds(10), Duration.ZERO);
    BucketSizing loose = BucketSizing.of(190, Duration.ofSeconds(10), Duration.ofSeconds(2));

    assertThat(loose.steadyShareOfLimit()).isLessThan(tight.steadyShareOfLimit());
    assertThat(tight.maxGrantsWithin(Duration.ofSeconds(10))).isLessThanOrEqualTo(190);
    assertThat(loose.maxGrantsWithin(Duration.ofSeconds(12))).isLessThanOrEqualTo(190);
  }

  @Test
  void aPauseIsTheRefillItWouldHaveGiven() {
    BucketSizing sizing = BucketSizing.of(100, Duration.ofSeconds(10), Duration.ofMillis(500));

    // 98 tokens per 10.5 s: 3 s of refill is 28 tokens.
    assertThat(sizing.tokensRefilledOver(Duration.ofSeconds(3))).isEqualTo(28);
    assertThat(sizing.tokensRefilledOver(Duration.ofMillis(10_500))).isEqualTo(98);
  }

  @Test
  void rejectsALimitTooSmallForABucketAndANegativeMargin() {
    assertThatThrownBy(() -> BucketSizing.of(1, Duration.ofSeconds(10), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> BucketSizing.of(10, Duration.ofSeconds(10), Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
