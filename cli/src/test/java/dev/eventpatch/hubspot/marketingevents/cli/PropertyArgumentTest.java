package dev.eventpatch.hubspot.marketingevents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyArgumentTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "headline=Hello world|headline|Hello world|TEXT",
        "note:text=a=b|note|a=b|TEXT",
        "seats:number=120|seats|120|NUMBER",
        "price:number=1E+3|price|1000|NUMBER",
        "launch:date=2026-12-01|launch|1796083200000|DATE",
        "opens:datetime=2026-12-01T09:00:00Z|opens|1796115600000|DATE_TIME",
        "opens:datetime=2026-12-01T10:00:00+01:00|opens|1796115600000|DATE_TIME",
        "paid:bool=true|paid|true|BOOLEAN",
        "tracks:multi=a;b|tracks|a;b|MULTI_VALUE",
        "legacy:raw=x|legacy|x|none",
        "ns:key:text=v|ns:key|v|TEXT",
      })
  void parsesEachType(String argument, String name, String value, String type) {
    CustomProperty property = PropertyArgument.parse(argument);

    assertThat(property.name()).isEqualTo(name);
    assertThat(property.value()).isEqualTo(value);
    // A raw value is sent as given: it has no type.
    assertThat(property.type().map(Enum::name).orElse("none")).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "seats|NAME[:TYPE]=VALUE",
        "seats:number=twelve|not a number",
        "launch:date=01/12/2026|YYYY-MM-DD",
        "opens:datetime=tomorrow|ISO 8601",
        "paid:bool=yes|not true or false",
        "x:color=red|unknown type 'color'",
        "promo:clear=x|takes no value",
        ":text=v|no property name",
        "tracks:multi=a;;b|must not be empty",
      })
  void rejectsBadInputNamingTheProblem(String argument, String message) {
    assertThatThrownBy(() -> PropertyArgument.parse(argument))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
