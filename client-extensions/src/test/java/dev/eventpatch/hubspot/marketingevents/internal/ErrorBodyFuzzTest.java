package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.eventpatch.hubspot.marketingevents.exception.AuthenticationException;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.NotFoundException;
import dev.eventpatch.hubspot.marketingevents.exception.PermissionException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.ServerException;
import dev.eventpatch.hubspot.marketingevents.exception.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzes the decoding of error answers: HubSpot's error shape, its 429 shape, a gateway's HTML,
 * an empty body, and everything in between. Inputs are answers in {@link FuzzAnswer}'s form; the
 * committed ones are under src/test/resources next to this class.
 *
 * <p>Invariant: decoding never throws (a body it cannot read still gives an exception to throw);
 * the exception carries the answer's status and is of the class that status maps to; a
 * {@code Retry-After} it kept is never negative; its message holds nothing but a fixed text, the
 * body's own fields and the correlation id header, so it is never longer than those. It never
 * hangs (libFuzzer's per-input timeout). The body it reads will be capped by the client's
 * maximum answer size once that exists; until then the target's inputs are bounded by
 * libFuzzer's {@code -max_len}.
 */
class ErrorBodyFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  /** The one call into production code, so that retargeting it is a one-line change. */
  static HubSpotApiException decodeError(Exchange answer) {
    return ErrorDecoder.decode(answer, CLOCK);
  }

  // JSON field names and tokens: the fuzzer sees coverage of this project's classes, not of Gson's.
  @DictionaryEntries({"\"category\":", "\"subCategory\":", "\"correlationId\":", "\"message\":", "\"errorType\":", "\"policyName\":", "\"requestId\":", "\"context\":{", "\"links\":{", "\"errors\":[{", "\"DAILY\"", "Retry-After: ", "X-HubSpot-Correlation-Id: ", "null"})
  @FuzzTest(maxDuration = FuzzBudget.MAX_DURATION)
  void decodesAnyErrorAnswer(byte[] input) {
    Exchange answer = FuzzAnswer.parse(input, status -> status >= 300 && status <= 999, 500);

    HubSpotApiException error = decodeError(answer);

    assertThat(error).isNotNull();
    assertThat(error.statusCode()).isEqualTo(answer.statusCode());
    assertThat(error.getClass()).isEqualTo(expectedClass(answer.statusCode()));
    error.retryAfter().ifPresent(delay -> assertThat(delay.isNegative()).as("negative delay %s", delay).isFalse());
    String correlationHeader = answer.correlationId();
    int bound = 100 + answer.body().length + (correlationHeader == null ? 0 : correlationHeader.length());
    assertThat(error.getMessage().length()).as("message length").isLessThanOrEqualTo(bound);
    assertThat(error.toString()).isNotNull();
    if (error instanceof RateLimitException limit) {
      limit.isDailyLimit();
    }
  }

  private static Class<?> expectedClass(int status) {
    return switch (status) {
      case 400, 422 -> ValidationException.class;
      case 401 -> AuthenticationException.class;
      case 403 -> PermissionException.class;
      case 404 -> NotFoundException.class;
      case 429 -> RateLimitException.class;
      default -> status >= 500 && status <= 599 ? ServerException.class : HubSpotApiException.class;
    };
  }
}
