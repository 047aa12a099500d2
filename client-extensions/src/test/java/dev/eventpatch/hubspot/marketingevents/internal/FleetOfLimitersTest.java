package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four processes of one app, each with its own default limiter and four callers, making 1,200
 * calls against HubSpot's 100 per rolling 10 s, simulated on virtual time ({@link
 * FleetSimulation}): what the benchmarks' multi-process goodput run measures for real, here on
 * every build and for several seeds. No limiter knows the others; the shared Redis limiter is
 * the answer to their 429s. What each must still guarantee is that no update is lost: the 429s
 * they draw do not use up attempts, and the waits they cause stay far inside the deadline.
 */
class FleetOfLimitersTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Loopback (1 to 10 ms each way) for five seeds, a wide-area network (20 to 200 ms) for three. */
  static Stream<Arguments> networks() {
    Stream<Arguments> loopback = LongStream.rangeClosed(1, 5).mapToObj(seed -> Arguments.of("loopback", 1, 10, seed));
    Stream<Arguments> wan = LongStream.rangeClosed(1, 3).mapToObj(seed -> Arguments.of("wide-area", 20, 200, seed));
    return Stream.concat(loopback, wan);
  }

  @ParameterizedTest(name = "{0}, seed {3}")
  @MethodSource("networks")
  void fourProcessesWithTheirOwnLimitersLoseNoUpdate(String network, int minMillis, int maxMillis, long seed) {
    FleetSimulation fleet = new FleetSimulation(
        100, Duration.ofSeconds(10), Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis));

    FleetSimulation.Result result = fleet.run(Collections.nCopies(4, RateLimit.adaptive()), 4, 1200, seed);
    System.out.println("4 processes, " + network + ", seed " + seed + ": " + result);

    assertThat(result.failed()).isZero();
    // A call that waits whole windows one after another is how updates were lost: the longest
    // call must stay within half the deadline.
    assertThat(result.percentileMillis(1)).isLessThan(DEADLINE.toMillis() / 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aloneOnTheAppPacedCallsWaitAboutTheirTurnInsteadOfTheRestOfTheWindow(long seed) {
    FleetSimulation loopback =
        new FleetSimulation(100, Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(10));

    FleetSimulation.Result paced = loopback.run(Collections.nCopies(1, RateLimit.adaptive()), 8, 600, seed, true);
    FleetSimulation.Result burst = loopback.run(Collections.nCopies(1, RateLimit.adaptive()), 8, 600, seed, false);
    System.out.println("1 process of 8 callers, seed " + seed + ": paced " + paced + "; unpaced " + burst);

    assertThat(paced.failed()).isZero();
    assertThat(paced.rejected()).isZero();
    assertThat(paced.maxInAnyWindow()).isLessThanOrEqualTo(100);
    // Unpaced, a window went out in one burst and the slowest calls waited out the rest of it.
    assertThat(burst.percentileMillis(0.99)).isGreaterThan(9_000);
    assertThat(paced.percentileMillis(0.99)).isLessThan(burst.percentileMillis(0.99) * 2 / 3);
  }
}
