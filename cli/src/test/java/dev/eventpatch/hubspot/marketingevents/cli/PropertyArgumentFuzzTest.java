package dev.eventpatch.hubspot.marketingevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzzes the CLI's {@code --property NAME[:TYPE]=VALUE} parsing. An input is the argument as
 * UTF-8; the committed ones are under src/test/resources next to this class.
 *
 * <p>Invariant: parsing either refuses with an {@link IllegalArgumentException} whose message
 * starts with {@code --property}, which the CLI prints as a usage error, or gives a property
 * named by the text before the first {@code =} (less a {@code :TYPE} suffix), of the type asked
 * for, whose value means what the argument said: text and raw values unchanged, a number equal
 * to the decimal given and written in plain notation, a boolean as {@code true}/{@code false},
 * options joined by {@code ;}. No other exception, and no argument makes it hang (libFuzzer's
 * per-input timeout).
 */
class PropertyArgumentFuzzTest {
  // "clear" and "raw" values carry no type: they are sent as given.
  private static final Map<String, String> TYPES = Map.of(
      "text", "TEXT", "number", "NUMBER", "bool", "BOOLEAN", "boolean", "BOOLEAN", "date", "DATE",
      "datetime", "DATE_TIME", "multi", "MULTI_VALUE", "clear", "CLEAR", "raw", "RAW");

  /** The one call into production code, so that retargeting it is a one-line change. */
  static CustomProperty parseArgument(String argument) {
    return PropertyArgument.parse(argument);
  }

  @FuzzTest(maxDuration = FuzzBudget.MAX_DURATION)
  void parsesAnyPropertyArgumentOrSaysWhy(byte[] input) {
    String argument = new String(input, StandardCharsets.UTF_8);
    CustomProperty property;
    try {
      property = parseArgument(argument);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("--property");
      return;
    }
    String key = argument.substring(0, argument.indexOf('='));
    String value = argument.substring(argument.indexOf('=') + 1);
    int colon = key.lastIndexOf(':');
    String name = colon < 0 ? key : key.substring(0, colon);
    String type = colon < 0 ? "text" : key.substring(colon + 1).toLowerCase(Locale.ROOT);
    assertThat(property.name()).isEqualTo(name);
    String kind = property.isClear() ? "CLEAR" : property.type().map(Enum::name).orElse("RAW");
    assertThat(kind).isEqualTo(TYPES.get(type));
    switch (kind) {
      case "TEXT", "RAW" -> assertThat(property.value()).isEqualTo(value);
      case "NUMBER" -> {
        assertThat(property.value()).matches("-?[0-9]+(\\.[0-9]+)?");
        assertThat(new BigDecimal(property.value())).isEqualByComparingTo(new BigDecimal(value.trim()));
      }
      case "BOOLEAN" -> assertThat(property.value()).isEqualTo(value.trim().toLowerCase(Locale.ROOT));
      case "MULTI_VALUE" -> assertThat(property.value()).isEqualTo(value);
      case "CLEAR" -> assertThat(property.value()).isEmpty();
      default -> assertThat(property.value()).matches("-?[0-9]+");
    }
  }
}
