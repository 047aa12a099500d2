package dev.eventpatch.hubspot.marketingevents.exception;

/**
 * A custom property value read from an event does not parse as the type asked for. The message
 * names the property, the type and the raw value.
 */
public class PropertyValueFormatException extends MarketingEventsException {
  private static final long serialVersionUID = 1L;

  private final String propertyName;
  private final String rawValue;

  /**
   * @param propertyName the property's name
   * @param type the type asked for, in words
   * @param rawValue the value as HubSpot returned it
   * @param cause the parse failure, or {@code null}
   */
  public PropertyValueFormatException(
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
