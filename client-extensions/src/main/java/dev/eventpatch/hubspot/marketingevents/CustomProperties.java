package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.exception.PropertyValueFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom property values of an event as HubSpot returned them, read by name with typed
 * getters. Each getter is empty when the property is absent or its value is empty, and throws
 * {@link PropertyValueFormatException}, naming the property and the raw value, when the value
 * does not parse as the type asked for. Immutable.
 */
public final class CustomProperties {
  private final List<StoredProperty> all;
  private final Map<String, StoredProperty> byName;

  CustomProperties(List<StoredProperty> properties) {
    all = List.copyOf(properties);
    Map<String, StoredProperty> index = new LinkedHashMap<>();
    // Should HubSpot ever repeat a name, the last value is the one it stored last.
    all.forEach(p -> index.put(p.name(), p));
    byName = Collections.unmodifiableMap(index);
  }

  /** @return every value, in HubSpot's order */
  public List<StoredProperty> all() {
    return all;
  }

  /** @return the number of values */
  public int size() {
    return all.size();
  }

  /**
   * @param name the property's internal name
   * @return whether HubSpot returned a value for it
   */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /**
   * @param name the property's internal name
   * @return the value with its metadata, when returned
   */
  public Optional<StoredProperty> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * @param name the property's internal name
   * @return the value as text, when returned and not empty
   */
  public Optional<String> getText(String name) {
    return get(name).flatMap(StoredProperty::asText);
  }

  /**
   * @param name the property's internal name
   * @return the value as a whole number
   * @throws PropertyValueFormatException if it is not a whole number
   */
  public Optional<Long> getLong(String name) {
    return get(name).flatMap(StoredProperty::asLong);
  }

  /**
   * @param name the property's internal name
   * @return the value as a decimal number
   * @throws PropertyValueFormatException if it is not a number
   */
  public Optional<BigDecimal> getDecimal(String name) {
    return get(name).flatMap(StoredProperty::asDecimal);
  }

  /**
   * @param name the property's internal name
   * @return the value as a boolean
   * @throws PropertyValueFormatException if it is neither {@code true} nor {@code false}
   */
  public Optional<Boolean> getBoolean(String name) {
    return get(name).flatMap(StoredProperty::asBoolean);
  }

  /**
   * @param name the property's internal name
   * @return the value as a date
   * @throws PropertyValueFormatException if it is not a date at midnight UTC
   */
  public Optional<LocalDate> getDate(String name) {
    return get(name).flatMap(StoredProperty::asDate);
  }

  /**
   * @param name the property's internal name
   * @return the value as an instant
   * @throws PropertyValueFormatException if it is neither epoch milliseconds nor ISO 8601
   */
  public Optional<Instant> getDateTime(String name) {
    return get(name).flatMap(StoredProperty::asDateTime);
  }

  /**
   * @param name the property's internal name
   * @return the options of a multiple-checkbox value; empty when absent or empty
   */
  public List<String> getMultiValue(String name) {
    return get(name).map(StoredProperty::asMultiValue).orElse(List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomProperties && all.equals(((CustomProperties) o).all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return all.toString();
  }
}
