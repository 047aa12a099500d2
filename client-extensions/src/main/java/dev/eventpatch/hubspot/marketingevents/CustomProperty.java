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
 * A custom property value to send with an update: a name, the value formatted as HubSpot stores
 * it, the {@link PropertyType} whose factory formatted it, and optional {@link PropertyMetadata}.
 * Values HubSpot returns are {@link StoredProperty}s: the two sides never compare equal, since one
 * is what was asked for and the other what HubSpot holds; {@link PropertyReport} compares them.
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
  private final boolean clear;

  private CustomProperty(String name, String value, PropertyType type, PropertyMetadata metadata) {
    this(name, value, type, metadata, false);
  }

  private CustomProperty(String name, String value, PropertyType type, PropertyMetadata metadata, boolean clear) {
    this.name = requireName(name);
    this.value = Objects.requireNonNull(value, "value == null");
    this.type = type;
    this.metadata = metadata;
    this.clear = clear;
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
   * @param name the property's internal name
   * @param number the number; written in plain notation ({@code 1E+3} becomes {@code 1000})
   * @return the property
   * @throws IllegalArgumentException if its plain form would be longer than {@value
   *     #MAX_PLAIN_DIGITS} characters (such as {@code 1E+999999999}, which would take a gigabyte)
   */
  public static CustomProperty number(String name, BigDecimal number) {
    Objects.requireNonNull(number, "number == null");
    requirePlainLength(name, number);
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
    return new CustomProperty(name, "", null, PropertyMetadata.EMPTY, true);
  }

  /**
   * The escape hatch: a value the caller formatted, sent as is.
   *
   * @param name the property's internal name
   * @param value the value as HubSpot should store it
   * @return the property
   */
  public static CustomProperty raw(String name, String value) {
    return new CustomProperty(name, Objects.requireNonNull(value, "value == null"), null, PropertyMetadata.EMPTY);
  }

  /**
   * @param metadata the metadata to send with the value
   * @return a copy of this property carrying the metadata
   */
  public CustomProperty withMetadata(PropertyMetadata metadata) {
    return new CustomProperty(name, value, type, Objects.requireNonNull(metadata, "metadata == null"), clear);
  }

  /** @return the property's internal name */
  public String name() {
    return name;
  }

  /** @return the value as HubSpot stores it */
  public String value() {
    return value;
  }

  /**
   * @return the type whose factory formatted the value; empty for {@link #raw} and {@link
   *     #clear}, which carry no type
   */
  public Optional<PropertyType> type() {
    return Optional.ofNullable(type);
  }

  /** @return whether this property clears the value (an empty value, from {@link #clear}) */
  public boolean isClear() {
    return clear;
  }

  /** The type the report compares by: null for raw and clear values, compared as text. */
  PropertyType typeOrNull() {
    return type;
  }

  /** @return the metadata; empty fields when none was set or returned */
  public PropertyMetadata metadata() {
    return metadata;
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
        && clear == that.clear
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value, type);
  }

  @Override
  public String toString() {
    // The name and how the value was made; never the value, which may be personal data.
    return "CustomProperty{" + name + ", " + (clear ? "clear" : type == null ? "raw" : type) + "}";
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

  /** The longest plain decimal form accepted; HubSpot's number properties hold far less. */
  static final int MAX_PLAIN_DIGITS = 1000;

  private static void requirePlainLength(String name, BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    // The length of toPlainString(), computed without building it.
    long digits = stripped.precision();
    long scale = stripped.scale();
    long length = (scale <= 0 ? digits - scale : Math.max(digits, scale + 1) + 1) + (stripped.signum() < 0 ? 1 : 0);
    if (length > MAX_PLAIN_DIGITS) {
      throw new IllegalArgumentException("custom property '" + name + "': the number's plain form would be "
          + length + " characters long, over the limit of " + MAX_PLAIN_DIGITS + " characters");
    }
  }

  private static String plain(BigDecimal number) {
    String text = number.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
