package dev.eventpatch.hubspot.marketingevents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes to make to a marketing event: a true PATCH. A field that is not set is not sent,
 * and HubSpot keeps its current value; only what was set goes on the wire. {@code
 * customProperties} is the exception the API imposes: it is always sent, empty when no property
 * was set. Immutable; derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * MarketingEventUpdate update = MarketingEventUpdate.builder()
 *     .eventName("Winter product webinar")
 *     .startDateTime(Instant.parse("2026-12-01T16:00:00Z"))
 *     .customProperty(CustomProperty.number("seats_available", 120))
 *     .build();
 * }</pre>
 *
 * <p>Duplicate custom property names: a later value for the same name replaces the earlier one
 * and keeps its position, like {@link Map#put}, so that {@code toBuilder()} can override a value.
 */
public final class MarketingEventUpdate {
  private final String eventName;
  private final String eventType;
  private final String eventOrganizer;
  private final String eventUrl;
  private final String eventDescription;
  private final Instant startDateTime;
  private final Instant endDateTime;
  private final Boolean eventCancelled;
  private final Boolean eventCompleted;
  private final List<CustomProperty> customProperties;

  private MarketingEventUpdate(Builder b) {
    eventName = b.eventName;
    eventType = b.eventType;
    eventOrganizer = b.eventOrganizer;
    eventUrl = b.eventUrl;
    eventDescription = b.eventDescription;
    startDateTime = b.startDateTime;
    endDateTime = b.endDateTime;
    eventCancelled = b.eventCancelled;
    eventCompleted = b.eventCompleted;
    customProperties = List.copyOf(b.customProperties.values());
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding everything this update sets */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.eventName = eventName;
    b.eventType = eventType;
    b.eventOrganizer = eventOrganizer;
    b.eventUrl = eventUrl;
    b.eventDescription = eventDescription;
    b.startDateTime = startDateTime;
    b.endDateTime = endDateTime;
    b.eventCancelled = eventCancelled;
    b.eventCompleted = eventCompleted;
    customProperties.forEach(p -> b.customProperties.put(p.name(), p));
    return b;
  }

  /** @return the new name, when set */
  public Optional<String> eventName() {
    return Optional.ofNullable(eventName);
  }

  /** @return the new type, when set */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** @return the new organizer, when set */
  public Optional<String> eventOrganizer() {
    return Optional.ofNullable(eventOrganizer);
  }

  /** @return the new URL, when set */
  public Optional<String> eventUrl() {
    return Optional.ofNullable(eventUrl);
  }

  /** @return the new description, when set */
  public Optional<String> eventDescription() {
    return Optional.ofNullable(eventDescription);
  }

  /** @return the new start, when set */
  public Optional<Instant> startDateTime() {
    return Optional.ofNullable(startDateTime);
  }

  /** @return the new end, when set */
  public Optional<Instant> endDateTime() {
    return Optional.ofNullable(endDateTime);
  }

  /** @return whether the event is cancelled, when set */
  public Optional<Boolean> eventCancelled() {
    return Optional.ofNullable(eventCancelled);
  }

  /** @return whether the event is completed, when set */
  public Optional<Boolean> eventCompleted() {
    return Optional.ofNullable(eventCompleted);
  }

  /** @return the custom property values to set, in the order given; empty when none */
  public List<CustomProperty> customProperties() {
    return customProperties;
  }

  /** @return whether this update sets nothing at all */
  public boolean isEmpty() {
    return eventName == null
        && eventType == null
        && eventOrganizer == null
        && eventUrl == null
        && eventDescription == null
        && startDateTime == null
        && endDateTime == null
        && eventCancelled == null
        && eventCompleted == null
        && customProperties.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MarketingEventUpdate)) {
      return false;
    }
    MarketingEventUpdate that = (MarketingEventUpdate) o;
    return Objects.equals(eventName, that.eventName)
        && Objects.equals(eventType, that.eventType)
        && Objects.equals(eventOrganizer, that.eventOrganizer)
        && Objects.equals(eventUrl, that.eventUrl)
        && Objects.equals(eventDescription, that.eventDescription)
        && Objects.equals(startDateTime, that.startDateTime)
        && Objects.equals(endDateTime, that.endDateTime)
        && Objects.equals(eventCancelled, that.eventCancelled)
        && Objects.equals(eventCompleted, that.eventCompleted)
        && customProperties.equals(that.customProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventName, eventType, startDateTime, endDateTime, customProperties);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("MarketingEventUpdate{");
    appendIfSet(text, "eventName", eventName);
    appendIfSet(text, "eventType", eventType);
    appendIfSet(text, "eventOrganizer", eventOrganizer);
    appendIfSet(text, "eventUrl", eventUrl);
    appendIfSet(text, "eventDescription", eventDescription);
    appendIfSet(text, "startDateTime", startDateTime);
    appendIfSet(text, "endDateTime", endDateTime);
    appendIfSet(text, "eventCancelled", eventCancelled);
    appendIfSet(text, "eventCompleted", eventCompleted);
    text.append("customProperties=").append(customProperties).append('}');
    return text.toString();
  }

  private static void appendIfSet(StringBuilder text, String name, Object value) {
    if (value != null) {
      text.append(name).append('=').append(value).append(", ");
    }
  }

  /** Builds a {@link MarketingEventUpdate}. Not thread-safe. */
  public static final class Builder {
    private String eventName;
    private String eventType;
    private String eventOrganizer;
    private String eventUrl;
    private String eventDescription;
    private Instant startDateTime;
    private Instant endDateTime;
    private Boolean eventCancelled;
    private Boolean eventCompleted;
    private final Map<String, CustomProperty> customProperties = new LinkedHashMap<>();
    private boolean allowEmpty;

    private Builder() {}

    /** @param name the event's new name @return this builder */
    public Builder eventName(String name) {
      eventName = Objects.requireNonNull(name, "eventName == null");
      return this;
    }

    /**
     * @param type the event's new type: free text, such as {@link EventType#WEBINAR}
     * @return this builder
     */
    public Builder eventType(String type) {
      eventType = Objects.requireNonNull(type, "eventType == null");
      return this;
    }

    /** @param organizer the new organizer's name @return this builder */
    public Builder eventOrganizer(String organizer) {
      eventOrganizer = Objects.requireNonNull(organizer, "eventOrganizer == null");
      return this;
    }

    /**
     * @param url where the event is managed in the external application
     * @return this builder
     */
    public Builder eventUrl(String url) {
      eventUrl = Objects.requireNonNull(url, "eventUrl == null");
      return this;
    }

    /** @param description the new description @return this builder */
    public Builder eventDescription(String description) {
      eventDescription = Objects.requireNonNull(description, "eventDescription == null");
      return this;
    }

    /**
     * @param start when the event starts
     * @return this builder
     * @throws IllegalArgumentException if the year is outside 0001 to 9999, which the API's
     *     date-time format cannot carry
     */
    public Builder startDateTime(Instant start) {
      startDateTime = PropertyValues.requireRfc3339Year("startDateTime", start);
      return this;
    }

    /** @param start when the event starts; sent as the same instant @return this builder */
    public Builder startDateTime(OffsetDateTime start) {
      return startDateTime(Objects.requireNonNull(start, "startDateTime == null").toInstant());
    }

    /**
     * @param end when the event ends
     * @return this builder
     * @throws IllegalArgumentException if the year is outside 0001 to 9999
     */
    public Builder endDateTime(Instant end) {
      endDateTime = PropertyValues.requireRfc3339Year("endDateTime", end);
      return this;
    }

    /** @param end when the event ends; sent as the same instant @return this builder */
    public Builder endDateTime(OffsetDateTime end) {
      return endDateTime(Objects.requireNonNull(end, "endDateTime == null").toInstant());
    }

    /** @param cancelled whether the event is cancelled @return this builder */
    public Builder eventCancelled(boolean cancelled) {
      eventCancelled = cancelled;
      return this;
    }

    /** @param completed whether the event has taken place @return this builder */
    public Builder eventCompleted(boolean completed) {
      eventCompleted = completed;
      return this;
    }

    /**
     * Sets a custom property value; a later value for the same name replaces this one.
     *
     * @param property the value
     * @return this builder
     */
    public Builder customProperty(CustomProperty property) {
      Objects.requireNonNull(property, "customProperty == null");
      customProperties.put(property.name(), property);
      return this;
    }

    /**
     * @param properties values to set, in order; later names replace earlier ones
     * @return this builder
     */
    public Builder customProperties(Collection<CustomProperty> properties) {
      Objects.requireNonNull(properties, "customProperties == null");
      new ArrayList<>(properties).forEach(this::customProperty);
      return this;
    }

    /**
     * Forgets a custom property set earlier on this builder (it is then not sent at all; to
     * clear a value at HubSpot, set {@link CustomProperty#clear(String)}).
     *
     * @param name the property's name
     * @return this builder
     */
    public Builder removeCustomProperty(String name) {
      customProperties.remove(name);
      return this;
    }

    /**
     * Allows an update that sets nothing. Such a PATCH changes nothing at HubSpot but returns
     * the event; without this call, {@link #build()} rejects it as a likely mistake.
     *
     * @return this builder
     */
    public Builder allowEmpty() {
      allowEmpty = true;
      return this;
    }

    /**
     * @return the update
     * @throws IllegalArgumentException if the end is before the start, or nothing is set and
     *     {@link #allowEmpty()} was not called
     */
    public MarketingEventUpdate build() {
      if (startDateTime != null && endDateTime != null && endDateTime.isBefore(startDateTime)) {
        throw new IllegalArgumentException(
            "endDateTime " + endDateTime + " must not be before startDateTime " + startDateTime);
      }
      MarketingEventUpdate update = new MarketingEventUpdate(this);
      if (update.isEmpty() && !allowEmpty) {
        throw new IllegalArgumentException(
            "update sets nothing: set a field or a custom property, or call allowEmpty()");
      }
      return update;
    }
  }
}
