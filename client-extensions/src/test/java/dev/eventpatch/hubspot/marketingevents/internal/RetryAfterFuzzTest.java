package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Fuzzes the reading of {@code Retry-After} in both of its forms, delay-seconds and an HTTP date.
 *
 * <p>Invariant, for any header value: reading never throws and gives either nothing or a delay
 * that is never negative; a value of ASCII digits (optionally signed, spaces around) that fits a
 * long gives exactly that many seconds when not negative, and nothing when negative. For the
 * value's two well-formed renderings of the same delay, derived from the input's first eight
 * bytes: the seconds form reads back as exactly that delay, and the HTTP-date form (to the
 * second, from a fixed clock) as that delay too, or zero for a date in the past.
 */
class RetryAfterFuzzTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Pattern SECONDS = Pattern.compile("[+-]?[0-9]+");
  private static final Instant LAST_HTTP_DATE = Instant.parse("9999-12-31T23:59:59Z");
  private static final Instant FIRST_HTTP_DATE = Instant.parse("0001-01-01T00:00:00Z");

  /** The one call into production code, so that retargeting it is a one-line change. */
  static Duration readRetryAfter(String value) {
    return ErrorDecoder.retryAfter(value, CLOCK);
  }

  @FuzzTest(maxDuration = FuzzBudget.MAX_DURATION)
  void readsAnyRetryAfter(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    Duration read = readRetryAfter(raw);
    if (read != null) {
      assertThat(read.isNegative()).as("negative delay %s", read).isFalse();
    }
    String trimmed = raw.trim();
    if (SECONDS.matcher(trimmed).matches()) {
      BigInteger seconds = new BigInteger(trimmed);
      if (seconds.bitLength() < 64) {
        assertThat(read).as("'%s'", raw)
            .isEqualTo(seconds.signum() < 0 ? null : Duration.ofSeconds(seconds.longValueExact()));
      }
    }

    long offset = input.length >= 8 ? ByteBuffer.wrap(input, 0, 8).getLong() : input.length;
    if (offset >= 0) {
      assertThat(readRetryAfter(Long.toString(offset))).isEqualTo(Duration.ofSeconds(offset));
    }
    // The same delay as an HTTP date, where a four-digit year can hold it.
    long epochSecond = NOW.getEpochSecond() + Math.max(-NOW.getEpochSecond() * 2, Math.min(offset, 1L << 40));
    Instant when = Instant.ofEpochSecond(epochSecond);
    if (!when.isBefore(FIRST_HTTP_DATE) && !when.isAfter(LAST_HTTP_DATE)) {
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(when.atOffset(ZoneOffset.UTC));
      Duration expected = when.isBefore(NOW) ? Duration.ZERO : Duration.between(NOW, when);
      assertThat(readRetryAfter(date)).as("'%s'", date).isEqualTo(expected);
    }
  }
}
