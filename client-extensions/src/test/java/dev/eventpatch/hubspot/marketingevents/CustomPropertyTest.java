package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.exception.PropertyValueFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CustomPropertyTest {

  @Test
  void aDateIsEpochMillisOfMidnightUtc() {
    assertThat(CustomProperty.date("d", LocalDate.of(2015, 5, 1)).value()).isEqualTo("1430438400000");
    assertThat(CustomProperty.date("d", LocalDate.of(1969, 12, 31)).value()).isEqualTo("-86400000");
  }

  @Test
  void aDateTimeIsEpochMillis() {
    assertThat(CustomProperty.dateTime("t", Instant.parse("1970-01-01T00:00:01.999999Z")).value())
        .isEqualTo("1999");
  }

  @ParameterizedTest
  @CsvSource({"1E+3,1000", "1.500,1.5", "-0.0,0", "12345678901234567890.10,12345678901234567890.1", "0.00000001,0.00000001"})
  void decimalsArePlainWithoutExponent(String in, String out) {
    assertThat(CustomProperty.number("n", new BigDecimal(in)).value()).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({"1E+999,1000", "-1E+998,1000", "1E-997,999", "-1E-997,1000", "123456789E-992,994"})
  void plainNotationUpToAThousandCharactersIsWritten(String in, int length) {
    String value = CustomProperty.number("n", new BigDecimal(in)).value();
    assertThat(value).hasSize(length);
    assertThat(new BigDecimal(value)).isEqualByComparingTo(in);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+1000", "-1E+999", "1E-999", "-1E-998", "1E+999999999", "1E-2147483647"})
  void numbersLongerThanAThousandCharactersInPlainNotationAreRefused(String in) {
    // Written out, 1E+999999999 is a billion digits (the CLI's --property n:number=1e999999999).
    assertThatThrownBy(() -> CustomProperty.number("seats", new BigDecimal(in)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'seats'")
        .hasMessageContaining("1000 characters");
  }

  @Test
  void aValueAsReturnedKeepsANameThatCouldNotBeSent() {
    // Found by fuzzing the typed reads: such a name in an answer made decoding throw.
    StoredProperty returned = new StoredProperty("l\u0019aunch", "120", PropertyMetadata.EMPTY);

    assertThat(returned.name()).isEqualTo("l\u0019aunch");
    assertThat(returned.asLong()).hasValue(120L);
    assertThatThrownBy(() -> CustomProperty.text("l\u0019aunch", "120"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
  }

  @Test
  void doublesArePlainWithoutExponent() {
    assertThat(CustomProperty.number("n", 1e21).value()).isEqualTo("1000000000000000000000");
    assertThat(CustomProperty.number("n", 1e-7).value()).isEqualTo("0.0000001");
    assertThat(CustomProperty.number("n", 0.1).value()).isEqualTo("0.1");
    assertThat(CustomProperty.number("n", Long.MIN_VALUE).value()).isEqualTo("-9223372036854775808");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonFiniteNumbersAreRejectedNamingTheProperty(double value) {
    assertThatThrownBy(() -> CustomProperty.number("seats", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seats")
        .hasMessageContaining("finite");
  }

  @Test
  void multiValuesJoinWithSemicolonsAndRejectSemicolonsInsideAnOption() {
    assertThat(CustomProperty.multiValue("m", List.of("a", "b c", "é")).value()).isEqualTo("a;b c;é");
    assertThat(CustomProperty.multiValue("m", List.of()).value()).isEmpty();
    assertThatThrownBy(() -> CustomProperty.multiValue("tracks", List.of("a", "b;c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tracks")
        .hasMessageContaining("b;c");
    assertThatThrownBy(() -> CustomProperty.multiValue("tracks", Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tracks");
  }

  @Test
  void datesOutsideFourDigitYearsAreRejected() {
    assertThatThrownBy(() -> CustomProperty.date("launch", LocalDate.of(10000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("launch");
    assertThatThrownBy(() -> CustomProperty.dateTime("opens", Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opens");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "a\u0000b", "line\nbreak"})
  void blankOrControlCharacterNamesAreRejected(String name) {
    assertThatThrownBy(() -> CustomProperty.text(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("custom property name");
  }

  @Test
  void readsTypedValuesInEitherFormatHubSpotUses() {
    assertThat(stored("d", "1430438400000").asDate()).contains(LocalDate.of(2015, 5, 1));
    assertThat(stored("d", "2015-05-01").asDate()).contains(LocalDate.of(2015, 5, 1));
    assertThat(stored("d", "2015-05-01T00:00:00Z").asDate()).contains(LocalDate.of(2015, 5, 1));
    assertThat(stored("t", "1764579600123").asDateTime())
        .contains(Instant.ofEpochMilli(1764579600123L));
    assertThat(stored("t", "2026-12-01T10:00:00+01:00").asDateTime())
        .contains(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(stored("b", "TRUE").asBoolean()).contains(true);
    assertThat(stored("n", "120.50").asDecimal()).contains(new BigDecimal("120.50"));
    assertThat(stored("n", "120.0").asLong()).contains(120L);
    assertThat(stored("empty", "").asLong()).isEmpty();
  }

  @Test
  void malformedValuesFailNamingThePropertyAndTheRawValue() {
    assertThatThrownBy(() -> stored("seats", "12.5").asLong())
        .isInstanceOf(PropertyValueFormatException.class)
        .hasMessageContaining("seats")
        .hasMessageContaining("12.5");
    assertThatThrownBy(() -> stored("launch", "1430438400001").asDate())
        .isInstanceOfSatisfying(
            PropertyValueFormatException.class,
            e -> {
              assertThat(e.propertyName()).isEqualTo("launch");
              assertThat(e.rawValue()).isEqualTo("1430438400001");
            });
    assertThatThrownBy(() -> stored("paid", "yes").asBoolean())
        .isInstanceOf(PropertyValueFormatException.class)
        .hasMessageContaining("paid");
    assertThatThrownBy(() -> stored("opens", "tomorrow").asDateTime())
        .isInstanceOf(PropertyValueFormatException.class)
        .hasMessageContaining("tomorrow");
  }

  private static StoredProperty stored(String name, String value) {
    return new StoredProperty(name, value, PropertyMetadata.EMPTY);
  }

  @Test
  void aSentPropertyNamesItsTypeAndARawOrClearOneHasNone() {
    assertThat(CustomProperty.number("n", 1).type()).contains(PropertyType.NUMBER);
    assertThat(CustomProperty.raw("r", "x").type()).isEmpty();
    assertThat(CustomProperty.clear("c").type()).isEmpty();
    assertThat(CustomProperty.clear("c").isClear()).isTrue();
    assertThat(CustomProperty.raw("c", "").isClear()).isFalse();
  }

  @Test
  void aDecimalWhosePlainFormWouldBeAbsurdlyLongIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> CustomProperty.number("budget", new BigDecimal("1E+999999999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget")
        .hasMessageContaining("plain form");
    assertThatThrownBy(() -> CustomProperty.number("tiny", new BigDecimal("1E-5000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tiny");
    assertThat(CustomProperty.number("ok", new BigDecimal("1E+900")).value()).hasSize(901);
  }

  @Test
  void toStringNeverShowsTheValue() {
    assertThat(CustomProperty.text("email", "ada@example.com").toString()).doesNotContain("ada");
    assertThat(stored("email", "ada@example.com").toString()).doesNotContain("ada");
  }

  @Test
  void unknownDataSensitivityCannotBeSent() {
    assertThatThrownBy(() -> PropertyMetadata.builder().dataSensitivity(DataSensitivity.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataSensitivity");
  }
}
