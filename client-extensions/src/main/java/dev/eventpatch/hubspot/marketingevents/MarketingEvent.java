package dev.eventpatch.hubspot.marketingevents;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A marketing event as HubSpot returned it after an update. Immutable. Fields HubSpot always
 * returns are plain values; the others are {@link Optional}.
 */
public final class MarketingEvent {
  private final String id;
  private final String objectId;
  private final OffsetDateTime createdAt;
  private final OffsetDateTime updatedAt;
  private final String eventName;
  private final String eventType;
  private final String eventOrganizer;
  private final String eventUrl;
  private final String eventDescription;
  private final OffsetDateTime startDateTime;
  private final OffsetDateTime endDateTime;
  private final Boolean eventCancelled;
  private final Boolean eventCompleted;
  private final CustomProperties customProperties;

  MarketingEvent(
      String id,
      String objectId,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String eventName,
      String eventType,
      String eventOrganizer,
      String eventUrl,
      String eventDescription,
      OffsetDateTime startDateTime,
      OffsetDateTime endDateTime,
      Boolean eventCancelled,
      Boolean eventCompleted,
      CustomProperties customProperties) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.objectId = objectId;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt == null");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt == null");
    this.eventName = Objects.requireNonNull(eventName, "eventName == null");
    this.eventType = eventType;
    this.eventOrganizer = Objects.requireNonNull(eventOrganizer, "eventOrganizer == null");
    this.eventUrl = eventUrl;
    this.eventDescription = eventDescription;
    this.startDateTime = startDateTime;
    this.endDateTime = endDateTime;
    this.eventCancelled = eventCancelled;
    this.eventCompleted = eventCompleted;
    this.customProperties = Objects.requireNonNull(customProperties, "customProperties == null");
  }

  /** @return HubSpot's id of the event */
  public String id() {
    return id;
  }

  /** @return HubSpot's CRM object id of the event, when returned */
  public Optional<String> objectId() {
    return Optional.ofNullable(objectId);
  }

  /** @return when HubSpot created the event */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** @return when HubSpot last changed the event */
  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  /** @return the event's name */
  public String eventName() {
    return eventName;
  }

  /** @return the event's type, such as {@code WEBINAR}, when it has one */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** @return the organizer's name */
  public String eventOrganizer() {
    return eventOrganizer;
  }

  /** @return where the event is managed in the external application, when known */
  public Optional<String> eventUrl() {
    return Optional.ofNullable(eventUrl);
  }

  /** @return the event's description, when it has one */
  public Optional<String> eventDescription() {
    return Optional.ofNullable(eventDescription);
  }

  /** @return when the event starts, when known */
  public Optional<OffsetDateTime> startDateTime() {
    return Optional.ofNullable(startDateTime);
  }

  /** @return when the event ends, when known */
  public Optional<OffsetDateTime> endDateTime() {
    return Optional.ofNullable(endDateTime);
  }

  /** @return whether the event was cancelled, when HubSpot said */
  public Optional<Boolean> eventCancelled() {
    return Optional.ofNullable(eventCancelled);
  }

  /** @return whether the event has taken place, when HubSpot said */
  public Optional<Boolean> eventCompleted() {
    return Optional.ofNullable(eventCompleted);
  }

  /** @return the custom property values HubSpot holds, with typed getters */
  public CustomProperties customProperties() {
    return customProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MarketingEvent)) {
      return false;
    }
    MarketingEvent that = (MarketingEvent) o;
    return id.equals(that.id)
        && Objects.equals(objectId, that.objectId)
        && createdAt.equals(that.createdAt)
        && updatedAt.equals(that.updatedAt)
        && eventName.equals(that.eventName)
        && Objects.equals(eventType, that.eventType)
        && eventOrganizer.equals(that.eventOrganizer)
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
    return Objects.hash(id, updatedAt, eventName);
  }

  @Override
  public String toString() {
    return "MarketingEvent{id=" + id + ", eventName=" + eventName + ", eventType=" + eventType
        + ", startDateTime=" + startDateTime + ", endDateTime=" + endDateTime
        + ", eventCancelled=" + eventCancelled + ", customProperties=" + customProperties + "}";
  }
}
