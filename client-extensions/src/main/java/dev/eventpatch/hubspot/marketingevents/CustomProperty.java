package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.exception.PropertyValueFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One custom property value of a marketing event: a name, the value as the string HubSpot
 * stores, the {@link PropertyType} that produced it, and optional {@link PropertyMetadata}.
 *
 * <p>The factories format values the way HubSpot expects, so that what is sent is what HubSpot
 * stores:
 *
 * <pre>{@code
 * CustomProperty.number("seats_available", 120)                  // "120"
 * CustomProperty.date("launch_date", LocalDate.of(2026, 12, 1))  // "1796083200000", midnight UTC
 * CustomProperty.dateTime("doors_open", Instant.parse("2026-12-01T09:00:00Z"))
 * CustomProperty.multiValue("tracks", List.of("product", "engineering"))  // "product;engineering"
 * CustomProperty.clear("promo_code")                             // "", clears the value
 * }</pre>
 *
 * <p>The custom property must already be defined on the account's MarketingEvent object:
 * HubSpot silently drops names it does not know. The client reports those after each update.
 */
public final class CustomProperty {
  private final String name;
  private final String value;
  private final PropertyType type;
  private final PropertyMetadata metadata;

  private CustomProperty(String name, String value, PropertyType type, PropertyMetadata metadata) {
    this(requireName(name), value, type, metadata, true);
  }

  /** Takes the name as it is: for values HubSpot returned, whose names are not ours to refuse. */
  private CustomProperty(String name, String value, PropertyType type, PropertyMetadata metadata, boolean asIs) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.value = Objects.requireNonNull(value, "value == null");
    this.type = type;
    this.metadata = metadata;
  }

  /**
   * @param name the property's internal name
   * @param text the text; may be empty, which HubSpot treats as clearing the value
   * @return the property
   * @throws IllegalArgumentException if the name is blank
   */
  public static CustomProperty text(String name, String text) {
    return new CustomProperty(name, Objects.requireNonNull(text, "text == null"), PropertyType.TEXT,
        PropertyMetadata.EMPTY);
  }

  /**
   * @param name the property's internal name
   * @param number the number
   * @return the property, its value in plain decimal notation
   */
  public static CustomProperty number(String name, long number) {
    return new CustomProperty(name, Long.toString(number), PropertyType.NUMBER, PropertyMetadata.EMPTY);
  }

  /**
   * Longest plain notation a number may take. {@code 1E+999999999} is a short text whose plain
   * notation is a billion digits: writing it out ran out of a 1 GB heap after 43 s, and the
   * CLI's {@code --property n:number=1e999999999} asked for exactly that (seen while writing its
   * fuzz target). A double's plain notation stays under 330 characters.
   */
  static final int MAX_PLAIN_LENGTH = 1_000;

  /**
   * @param name the property's internal name
   * @param number the number; written in plain notation ({@code 1E+3} becomes {@code 1000})
   * @return the property
   * @throws IllegalArgumentException if the plain notation would be longer than 1,000 characters
   */
  public static CustomProperty number(String name, BigDecimal number) {
    Objects.requireNonNull(number, "number == null");
    BigDecimal stripped = number.stripTrailingZeros();
    long precision = stripped.precision();
    long scale = stripped.scale();
    // The length of 123E+5 (12300000), of 0.00123 and of 1.23 in plain notation, without writing it.
    long length = (stripped.signum() < 0 ? 1 : 0) + (scale <= 0 ? precision - scale : scale >= precision ? scale + 2 : precision + 1);
    if (length > MAX_PLAIN_LENGTH) {
      throw new IllegalArgumentException("custom property '" + name + "': a number must be at most "
          + MAX_PLAIN_LENGTH + " characters in plain notation, got " + precision + " digits with scale " + scale);
    }
    return new CustomProperty(name, plain(number), PropertyType.NUMBER, PropertyMetadata.EMPTY);
  }

  /**
   * @param name the property's internal name
   * @param number a finite number; written in plain notation, never with an exponent
   * @return the property
   * @throws IllegalArgumentException if the number is NaN or infinite
   */
  public static CustomProperty number(String name, double number) {
    if (!Double.isFinite(number)) {
      throw new IllegalArgumentException(
          "custom property '" + name + "': a number must be finite, got " + number);
    }
    // BigDecimal.valueOf keeps the shortest decimal form of the double (0.1 stays 0.1).
    return new CustomProperty(
        name, plain(BigDecimal.valueOf(number)), PropertyType.NUMBER, PropertyMetadata.EMPTY);
  }

  /**
   * @param name the property's internal name
   * @param value the boolean
   * @return the property, {@code "true"} or {@code "false"}
   */
  public static CustomProperty bool(String name, boolean value) {
    return new CustomProperty(name, Boolean.toString(value), PropertyType.BOOLEAN, PropertyMetadata.EMPTY);
  }

  /**
   * A date property. HubSpot requires midnight UTC of the day, in epoch milliseconds; any other
   * time of day is an error, so the date is the only input.
   *
   * @param name the property's internal name
   * @param date the day
   * @return the property
   */
  public static CustomProperty date(String name, LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException(
          "custom property '" + name + "' must be between years 0001 and 9999, got " + date);
    }
    long millis = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    return new CustomProperty(name, Long.toString(millis), PropertyType.DATE, PropertyMetadata.EMPTY);
  }

  /**
   * @param name the property's internal name
   * @param instant the instant, sent as epoch milliseconds (finer precision is dropped)
   * @return the property
   * @throws IllegalArgumentException if the year is outside 0001 to 9999
   */
  public static CustomProperty dateTime(String name, Instant instant) {
    PropertyValues.requireRfc3339Year("custom property '" + name + "'", instant);
    return new CustomProperty(
        name, Long.toString(instant.toEpochMilli()), PropertyType.DATE_TIME, PropertyMetadata.EMPTY);
  }

  /**
   * A multiple-checkbox value: the options joined with {@code ;}.
   *
   * @param name the property's internal name
   * @param options the internal values of the checked options, in order; may be empty
   * @return the property
   * @throws IllegalArgumentException if an option is empty or contains {@code ;}, which would
   *     silently become two options
   */
  public static CustomProperty multiValue(String name, List<String> options) {
    Objects.requireNonNull(options, "options == null");
    StringBuilder joined = new StringBuilder();
    for (String option : options) {
      if (option == null || option.isEmpty()) {
        throw new IllegalArgumentException(
            "custom property '" + name + "': a multi-value option must not be empty");
      }
      if (option.indexOf(';') >= 0) {
        throw new IllegalArgumentException(
            "custom property '" + name + "': a multi-value option must not contain ';': '"
                + option + "'");
      }
      if (joined.length() > 0) {
        joined.append(';');
      }
      joined.append(option);
    }
    return new CustomProperty(name, joined.toString(), PropertyType.MULTI_VALUE, PropertyMetadata.EMPTY);
  }

  /**
   * Clears the property: sends an empty value.
   *
   * @param name the property's internal name
   * @return the property
   */
  public static CustomProperty clear(String name) {
    return new CustomProperty(name, "", PropertyType.CLEAR, PropertyMetadata.EMPTY);
  }

  /**
   * The escape hatch: a value the caller formatted, sent as is.
   *
   * @param name the property's internal name
   * @param value the value as HubSpot should store it
   * @return the property
   */
  public static CustomProperty raw(String name, String value) {
    return new CustomProperty(name, Objects.requireNonNull(value, "value == null"), PropertyType.RAW,
        PropertyMetadata.EMPTY);
  }

  /**
   * A value as HubSpot returned it. The name is not checked as a name to send would be: a name
   * with a control character in an answer made decoding throw IllegalArgumentException instead of
   * giving the event (found by fuzzing the typed reads).
   */
  static CustomProperty asReturned(String name, String value, PropertyMetadata metadata) {
    return new CustomProperty(name, value == null ? "" : value, PropertyType.RAW, metadata, true);
  }

  /**
   * @param metadata the metadata to send with the value
   * @return a copy of this property carrying the metadata
   */
  public CustomProperty withMetadata(PropertyMetadata metadata) {
    return new CustomProperty(name, value, type, Objects.requireNonNull(metadata, "metadata == null"));
  }

  /** @return the property's internal name */
  public String name() {
    return name;
  }

  /** @return the value as HubSpot stores it */
  public String value() {
    return value;
  }

  /** @return how the value was produced; {@link PropertyType#RAW} for values read from HubSpot */
  public PropertyType type() {
    return type;
  }

  /** @return the metadata; empty fields when none was set or returned */
  public PropertyMetadata metadata() {
    return metadata;
  }

  /** @return the value as text; empty when the value is empty */
  public Optional<String> asText() {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /**
   * @return the value as a whole number; empty when the value is empty
   * @throws PropertyValueFormatException if it is not a whole number that fits a {@code long}
   */
  public Optional<Long> asLong() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(value.trim()).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new PropertyValueFormatException(name, "whole number", value, e);
    }
  }

  /**
   * @return the value as a decimal number; empty when the value is empty
   * @throws PropertyValueFormatException if it is not a number
   */
  public Optional<BigDecimal> asDecimal() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(value.trim()));
    } catch (NumberFormatException e) {
      throw new PropertyValueFormatException(name, "number", value, e);
    }
  }

  /**
   * @return the value as a boolean; empty when the value is empty
   * @throws PropertyValueFormatException if it is neither {@code true} nor {@code false}
   */
  public Optional<Boolean> asBoolean() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if ("true".equalsIgnoreCase(value.trim())) {
      return Optional.of(Boolean.TRUE);
    }
    if ("false".equalsIgnoreCase(value.trim())) {
      return Optional.of(Boolean.FALSE);
    }
    throw new PropertyValueFormatException(name, "boolean", value, null);
  }

  /**
   * @return the value as a date; empty when the value is empty
   * @throws PropertyValueFormatException if it is neither epoch milliseconds of midnight UTC nor
   *     an ISO 8601 date
   */
  public Optional<LocalDate> asDate() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PropertyValues.parseDate(value));
    } catch (RuntimeException e) {
      throw new PropertyValueFormatException(name, "date (midnight UTC)", value, e);
    }
  }

  /**
   * @return the value as an instant; empty when the value is empty
   * @throws PropertyValueFormatException if it is neither epoch milliseconds nor ISO 8601
   */
  public Optional<Instant> asDateTime() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PropertyValues.parseInstant(value));
    } catch (RuntimeException e) {
      throw new PropertyValueFormatException(name, "date-time", value, e);
    }
  }

  /** @return the options of a multiple-checkbox value; empty when the value is empty */
  public List<String> asMultiValue() {
    return value.isEmpty() ? List.of() : List.of(value.split(";", -1));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CustomProperty)) {
      return false;
    }
    CustomProperty that = (CustomProperty) o;
    return name.equals(that.name)
        && value.equals(that.value)
        && type == that.type
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value, type);
  }

  @Override
  public String toString() {
    return name + "=" + value + " (" + type + ")";
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("custom property name must not be blank");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new IllegalArgumentException(
            "custom property name must not contain control characters: '" + name.strip() + "'");
      }
    }
    return name;
  }

  private static String plain(BigDecimal number) {
    String text = number.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
