package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * A custom property value read from an event does not parse as the type asked for. The message
 * names the property, the type and the raw value.
 */
public final class PropertyValueFormatException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  private final String propertyName;
  private final String rawValue;

  PropertyValueFormatException(
      String propertyName, String type, String rawValue, Throwable cause) {
    super(
        "Custom property '" + propertyName + "' is not a valid " + type + ": '" + rawValue + "'",
        cause);
    this.propertyName = propertyName;
    this.rawValue = rawValue;
  }

  /** @return the property's name */
  public String propertyName() {
    return propertyName;
  }

  /** @return the value as HubSpot returned it */
  public String rawValue() {
    return rawValue;
  }
}
