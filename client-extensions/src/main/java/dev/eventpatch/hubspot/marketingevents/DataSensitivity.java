package dev.eventpatch.hubspot.marketingevents;

import java.util.Locale;

/** Sensitivity class of a property value. */
public enum DataSensitivity {
  /** Not sensitive. */
  NONE("none"),
  /** Standard sensitive data. */
  STANDARD("standard"),
  /** Highly sensitive data. */
  HIGH("high"),
  /** A value HubSpot added after this client was built; read it, never send it. */
  UNKNOWN(null);

  private final String wireValue;

  DataSensitivity(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value on the wire, such as {@code none}; {@code null} for {@link #UNKNOWN}. */
  String wireValue() {
    return wireValue;
  }

  static DataSensitivity fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (DataSensitivity candidate : values()) {
      if (candidate.wireValue != null && candidate.wireValue.equals(value.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    return UNKNOWN;
  }
}
