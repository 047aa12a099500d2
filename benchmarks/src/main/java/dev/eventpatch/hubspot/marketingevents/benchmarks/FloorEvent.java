package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Contender A's event: every field of the answer, typed, in plain fields. */
public final class FloorEvent {
  /** HubSpot's id. */
  public String id;
  /** HubSpot's CRM object id. */
  public String objectId;
  /** When created. */
  public OffsetDateTime createdAt;
  /** When last changed. */
  public OffsetDateTime updatedAt;
  /** The name. */
  public String eventName;
  /** The type. */
  public String eventType;
  /** The organizer. */
  public String eventOrganizer;
  /** The URL. */
  public String eventUrl;
  /** The description. */
  public String eventDescription;
  /** The start. */
  public OffsetDateTime startDateTime;
  /** The end. */
  public OffsetDateTime endDateTime;
  /** Whether cancelled. */
  public Boolean eventCancelled;
  /** Whether completed. */
  public Boolean eventCompleted;
  /** The custom property values. */
  public final List<Property> customProperties = new ArrayList<>();

  /** One custom property value, with its metadata. */
  public static final class Property {
    /** The name. */
    public String name;
    /** The value. */
    public String value;
    /** Metadata. */
    public Long timestamp;
    /** Metadata. */
    public String sourceId;
    /** Metadata. */
    public String sourceLabel;
    /** Metadata. */
    public String source;
    /** Metadata. */
    public String sourceUpstreamDeployable;
    /** Metadata. */
    public Boolean selectedByUser;
    /** Metadata. */
    public Long selectedByUserTimestamp;
    /** Metadata. */
    public List<Long> sourceVid;
    /** Metadata. */
    public String sourceMetadata;
    /** Metadata. */
    public String requestId;
    /** Metadata. */
    public Integer updatedByUserId;
    /** Metadata. */
    public Long persistenceTimestamp;
    /** Metadata. */
    public Boolean useTimestampAsPersistenceTimestamp;
    /** Metadata. */
    public Boolean isEncrypted;
    /** Metadata. */
    public Boolean isLargeValue;
    /** Metadata. */
    public String dataSensitivity;
    /** Metadata. */
    public String unit;
  }
}
