package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.exception.PropertyValueFormatException;
import dev.eventpatch.hubspot.marketingevents.internal.Errors;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom property value as HubSpot returned it: the name, the value as the string HubSpot
 * stores, and its metadata, with typed reads. A read is empty when the value is empty, and throws
 * {@link PropertyValueFormatException}, naming the property, when the value does not parse as the
 * type asked for. The send side is {@link CustomProperty}. Immutable.
 */
public final class StoredProperty {
  private final String name;
  private final String value;
  private final PropertyMetadata metadata;

  StoredProperty(String name, String value, PropertyMetadata metadata) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.value = value == null ? "" : value;
    this.metadata = Objects.requireNonNull(metadata, "metadata == null");
  }

  /** @return the property's internal name */
  public String name() {
    return name;
  }

  /** @return the value as HubSpot stores it; empty when it holds none */
  public String value() {
    return value;
  }

  /** @return the metadata HubSpot returned; empty fields when none */
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
      throw Errors.get().propertyFormat(name, "whole number", value, e);
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
      throw Errors.get().propertyFormat(name, "number", value, e);
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
    throw Errors.get().propertyFormat(name, "boolean", value, null);
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
      throw Errors.get().propertyFormat(name, "date (midnight UTC)", value, e);
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
      throw Errors.get().propertyFormat(name, "date-time", value, e);
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
    if (!(o instanceof StoredProperty)) {
      return false;
    }
    StoredProperty that = (StoredProperty) o;
    return name.equals(that.name) && value.equals(that.value) && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value);
  }

  @Override
  public String toString() {
    // The name and the value's length only: values may be personal data, and toString() ends up
    // in logs.
    return "StoredProperty{" + name + ", " + value.length() + " chars}";
  }
}
