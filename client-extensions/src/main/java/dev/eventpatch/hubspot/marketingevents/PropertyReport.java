package dev.eventpatch.hubspot.marketingevents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of the custom properties sent with an update HubSpot did not apply as sent. HubSpot
 * drops names that are not defined on the account's MarketingEvent object without an error;
 * this report makes that visible. A value is compared by the type it was sent as: a date-time
 * sent as epoch milliseconds and returned as ISO 8601 is the same value.
 */
public final class PropertyReport {
  private final List<Discrepancy> discrepancies;

  private PropertyReport(List<Discrepancy> discrepancies) {
    this.discrepancies = List.copyOf(discrepancies);
  }

  static PropertyReport compare(List<CustomProperty> sent, CustomProperties returned) {
    List<Discrepancy> found = new ArrayList<>();
    for (CustomProperty property : sent) {
      Optional<StoredProperty> back = returned.get(property.name());
      if (back.isEmpty()) {
        // Clearing a value and getting no value back is exactly what was asked for.
        if (!property.isClear()) {
          found.add(new Discrepancy(property, null));
        }
      } else if (!PropertyValues.sameValue(property, back.get().value())) {
        found.add(new Discrepancy(property, back.get().value()));
      }
    }
    return new PropertyReport(found);
  }

  /** @return whether every property sent came back with the value sent */
  public boolean allApplied() {
    return discrepancies.isEmpty();
  }

  /** @return the properties that were not applied as sent, in the order sent */
  public List<Discrepancy> discrepancies() {
    return discrepancies;
  }

  /** @return the names of properties missing from HubSpot's answer: most likely not defined */
  public List<String> missing() {
    List<String> names = new ArrayList<>();
    discrepancies.stream().filter(Discrepancy::isMissing).forEach(d -> names.add(d.property().name()));
    return List.copyOf(names);
  }

  /** @return the names of properties that came back with another value */
  public List<String> changed() {
    List<String> names = new ArrayList<>();
    discrepancies.stream().filter(d -> !d.isMissing()).forEach(d -> names.add(d.property().name()));
    return List.copyOf(names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PropertyReport && discrepancies.equals(((PropertyReport) o).discrepancies);
  }

  @Override
  public int hashCode() {
    return discrepancies.hashCode();
  }

  /** For DEBUG logs only: the discrepancies with the values sent and returned. */
  String describeWithValues() {
    StringBuilder text = new StringBuilder("[");
    for (Discrepancy d : discrepancies) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(d.property().name()).append(": sent '").append(d.property().value()).append("', ")
          .append(d.isMissing() ? "missing from the answer" : "HubSpot holds '" + d.returnedValue + "'");
    }
    return text.append(']').toString();
  }

  @Override
  public String toString() {
    return allApplied() ? "PropertyReport{all applied}" : "PropertyReport{" + discrepancies + "}";
  }

  /** A property sent with an update that HubSpot did not return as sent. */
  public static final class Discrepancy {
    private final CustomProperty property;
    private final String returnedValue;

    Discrepancy(CustomProperty property, String returnedValue) {
      this.property = Objects.requireNonNull(property, "property == null");
      this.returnedValue = returnedValue;
    }

    /** @return the property as it was sent */
    public CustomProperty property() {
      return property;
    }

    /** @return the value HubSpot returned; empty when the property was missing */
    public Optional<String> returnedValue() {
      return Optional.ofNullable(returnedValue);
    }

    /** @return whether HubSpot's answer lacked the property altogether */
    public boolean isMissing() {
      return returnedValue == null;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Discrepancy)) {
        return false;
      }
      Discrepancy that = (Discrepancy) o;
      return property.equals(that.property) && Objects.equals(returnedValue, that.returnedValue);
    }

    @Override
    public int hashCode() {
      return Objects.hash(property, returnedValue);
    }

    @Override
    public String toString() {
      // Names only: values may be personal data, and toString() ends up in logs and messages.
      return isMissing()
          ? property.name() + ": missing from the answer (not defined on the account?)"
          : property.name() + ": HubSpot holds another value than sent";
    }
  }
}
