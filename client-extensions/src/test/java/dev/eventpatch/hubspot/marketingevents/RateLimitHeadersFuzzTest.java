package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.eventpatch.hubspot.marketingevents.internal.Exchange;
import dev.eventpatch.hubspot.marketingevents.internal.FuzzAnswer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Fuzzes the reading of HubSpot's {@code X-HubSpot-RateLimit-*} headers. Inputs are answers in
 * {@link FuzzAnswer}'s form (only the header lines matter); the committed ones are under
 * src/test/resources next to this class.
 *
 * <p>Invariant: reading never throws, whatever the headers hold; each of the seven values is
 * the header's first value when that is a decimal integer in ASCII digits (optionally signed,
 * spaces around) that fits an int, and absent otherwise; the interval is present only when that
 * integer is positive, as that many milliseconds.
 */
class RateLimitHeadersFuzzTest {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /** The one call into production code, so that retargeting it is a one-line change. */
  static RateLimitStatus readRateLimits(Map<String, List<String>> headers) {
    return RateLimitStatus.fromHeaders(headers);
  }

  @FuzzTest(maxDuration = FuzzBudget.MAX_DURATION)
  void readsAnyRateLimitHeaders(byte[] input) {
    Exchange answer = FuzzAnswer.parse(input, status -> true, 200);

    RateLimitStatus status = readRateLimits(answer.headers());

    Function<String, Integer> expected = name -> {
      String value = answer.header(name);
      if (value == null || !INTEGER.matcher(value.trim()).matches()) {
        return null;
      }
      BigInteger number = new BigInteger(value.trim());
      return number.bitLength() < 32 ? number.intValue() : null;
    };
    assertThat(boxed(status.max())).isEqualTo(expected.apply("X-HubSpot-RateLimit-Max"));
    assertThat(boxed(status.remaining())).isEqualTo(expected.apply("X-HubSpot-RateLimit-Remaining"));
    assertThat(boxed(status.secondly())).isEqualTo(expected.apply("X-HubSpot-RateLimit-Secondly"));
    assertThat(boxed(status.secondlyRemaining())).isEqualTo(expected.apply("X-HubSpot-RateLimit-Secondly-Remaining"));
    assertThat(boxed(status.daily())).isEqualTo(expected.apply("X-HubSpot-RateLimit-Daily"));
    assertThat(boxed(status.dailyRemaining())).isEqualTo(expected.apply("X-HubSpot-RateLimit-Daily-Remaining"));
    Integer millis = expected.apply("X-HubSpot-RateLimit-Interval-Milliseconds");
    assertThat(status.interval().orElse(null))
        .isEqualTo(millis == null || millis <= 0 ? null : Duration.ofMillis(millis));
    assertThat(status.toString()).isNotNull();
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }
}
