package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.eventpatch.hubspot.marketingevents.exception.DecodingException;
import dev.eventpatch.hubspot.marketingevents.internal.Exchange;
import dev.eventpatch.hubspot.marketingevents.internal.FuzzAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the decoding of a 2xx answer into a {@link MarketingEvent}. Inputs are answers in
 * {@link FuzzAnswer}'s form (status line, headers, empty line, body); the committed ones are
 * under src/test/resources next to this class.
 *
 * <p>Invariant: decoding either gives an event with every field HubSpot always sends (id,
 * createdAt, updatedAt, eventName, eventOrganizer, custom properties) and a property report, or
 * throws {@link DecodingException} carrying the answer's status; never any other exception. It
 * never hangs (libFuzzer's per-input timeout) and reads no more than the body it is given: the
 * client's maximum answer size will bound that body once it exists.
 */
class SuccessBodyFuzzTest {

  /** The one call into production code, so that retargeting it is a one-line change. */
  static MarketingEvent decodeSuccess(Exchange answer) {
    return MarketingEventsClient.decodeEvent(answer, new String(answer.body(), StandardCharsets.UTF_8));
  }

  // JSON field names and tokens: the fuzzer sees coverage of this project's classes, not of Gson's.
  @DictionaryEntries({"\"id\":", "\"createdAt\":", "\"updatedAt\":", "\"eventName\":", "\"eventOrganizer\":", "\"customProperties\":[", "\"name\":", "\"value\":", "\"dataSensitivity\":", "\"sourceVid\":[", "\"timestamp\":", "\"startDateTime\":", "2026-12-01T09:00:00Z", "null", "true"})
  @FuzzTest(maxDuration = FuzzBudget.MAX_DURATION)
  void decodesAnySuccessAnswerOrSaysWhyNot(byte[] input) {
    Exchange answer = FuzzAnswer.parse(input, status -> status >= 200 && status <= 299, 200);
    MarketingEvent event;
    try {
      event = decodeSuccess(answer);
    } catch (DecodingException refused) {
      assertThat(refused.statusCode()).isEqualTo(answer.statusCode());
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(event.id()).isNotNull();
    assertThat(event.createdAt()).isNotNull();
    assertThat(event.updatedAt()).isNotNull();
    assertThat(event.eventName()).isNotNull();
    assertThat(event.eventOrganizer()).isNotNull();
    CustomProperties properties = event.customProperties();
    assertThat(properties.all()).allSatisfy(p -> assertThat(p.name()).isNotBlank());
    assertThat(PropertyReport.compare(List.of(), properties)).isNotNull();
    assertThat(event.toString()).isNotNull();
  }
}
