package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.eventpatch.hubspot.marketingevents.exception.PropertyValueFormatException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fuzzes the typed reads of a custom property value as HubSpot returned it ({@code getText},
 * {@code getLong}, {@code getDecimal}, {@code getBoolean}, {@code getDate}, {@code getDateTime},
 * {@code getMultiValue}). An input is the property's name, a newline, then its value (UTF-8);
 * the committed ones are under src/test/resources next to this class.
 *
 * <p>Invariant, for each read: an empty value reads as nothing; any other value either reads as
 * a value that, written back through the matching {@link CustomProperty} factory, reads back
 * equal (a date-time to the millisecond, which is what the wire carries), or throws {@link
 * PropertyValueFormatException} naming the property and carrying the raw value. Where the
 * factory refuses what the read returned, it does so with an {@link IllegalArgumentException}
 * (values HubSpot cannot hold: years outside 1 to 9999, empty options). No other exception, and
 * no read hangs (libFuzzer's per-input timeout).
 */
class TypedPropertyReadsFuzzTest {

  /** The one call into production code, so that retargeting it is a one-line change. */
  static CustomProperties asReturned(String name, String value) {
    return new CustomProperties(List.of(new StoredProperty(name, value, PropertyMetadata.EMPTY)));
  }

  @FuzzTest(maxDuration = FuzzBudget.MAX_DURATION)
  void typedReadsParseBackOrNameTheProperty(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    String name = newline < 0 ? "p" : text.substring(0, newline);
    String value = newline < 0 ? text : text.substring(newline + 1);
    CustomProperties read = asReturned(name, value);

    assertThat(read.getText(name)).isEqualTo(value.isEmpty() ? Optional.empty() : Optional.of(value));
    check(name, value, () -> read.getLong(name), v -> CustomProperty.number(name, v), p -> p.asLong(), v -> v);
    check(name, value, () -> read.getDecimal(name), v -> CustomProperty.number(name, v), p -> p.asDecimal(),
        v -> v.stripTrailingZeros());
    check(name, value, () -> read.getBoolean(name), v -> CustomProperty.bool(name, v), p -> p.asBoolean(), v -> v);
    check(name, value, () -> read.getDate(name), v -> CustomProperty.date(name, v), p -> p.asDate(), v -> v);
    check(name, value, () -> read.getDateTime(name), v -> CustomProperty.dateTime(name, v), p -> p.asDateTime(),
        v -> v.truncatedTo(ChronoUnit.MILLIS));

    List<String> options = read.getMultiValue(name);
    assertThat(options.isEmpty()).isEqualTo(value.isEmpty());
    writeBack(() -> CustomProperty.multiValue(name, options))
        .ifPresent(written -> assertThat(stored(written).asMultiValue()).isEqualTo(options));
  }

  /**
   * One typed read: nothing for an empty value; else a value that the factory writes and the
   * same read reads back equal (compared through {@code canonical}), or the documented refusal.
   */
  private static <T> void check(String name, String value, Supplier<Optional<T>> read,
      Function<T, CustomProperty> factory, Function<StoredProperty, Optional<T>> readBack,
      Function<T, Object> canonical) {
    Optional<T> got;
    try {
      got = read.get();
    } catch (PropertyValueFormatException refused) {
      assertThat(value).isNotEmpty();
      assertThat(refused.propertyName()).isEqualTo(name);
      assertThat(refused.rawValue()).isEqualTo(value);
      assertThat(refused.getMessage()).contains("'" + name + "'");
      return;
    }
    if (value.isEmpty()) {
      assertThat(got).isEmpty();
      return;
    }
    assertThat(got).isPresent();
    T parsed = got.get();
    writeBack(() -> factory.apply(parsed)).ifPresent(written ->
        assertThat(readBack.apply(stored(written)).map(canonical)).as("'%s' written back as '%s'", value, written.value())
            .hasValue(canonical.apply(parsed)));
  }

  /** What HubSpot would return for a value sent as written. */
  private static StoredProperty stored(CustomProperty written) {
    return new StoredProperty(written.name(), written.value(), PropertyMetadata.EMPTY);
  }

  /** The factory's result, or nothing when it refuses with the documented exception. */
  private static Optional<CustomProperty> writeBack(Supplier<CustomProperty> factory) {
    try {
      return Optional.of(factory.get());
    } catch (IllegalArgumentException refusedByTheFactory) {
      return Optional.empty();
    }
  }
}
