package dev.eventpatch.hubspot.marketingevents;

import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Optional metadata of a property value: when and by what it was set, and how HubSpot stores
 * it. Most callers never set any; HubSpot fills it in on the values it returns. Immutable.
 */
public final class PropertyMetadata {
  static final PropertyMetadata EMPTY = builder().build();

  private final Long timestamp;
  private final String sourceId;
  private final String sourceLabel;
  private final String source;
  private final String sourceUpstreamDeployable;
  private final Boolean selectedByUser;
  private final Long selectedByUserTimestamp;
  private final List<Long> sourceVid;
  private final String sourceMetadata;
  private final String requestId;
  private final Integer updatedByUserId;
  private final Long persistenceTimestamp;
  private final Boolean useTimestampAsPersistenceTimestamp;
  private final Boolean encrypted;
  private final Boolean largeValue;
  private final DataSensitivity dataSensitivity;
  private final String unit;

  private PropertyMetadata(Builder b) {
    timestamp = b.timestamp;
    sourceId = b.sourceId;
    sourceLabel = b.sourceLabel;
    source = b.source;
    sourceUpstreamDeployable = b.sourceUpstreamDeployable;
    selectedByUser = b.selectedByUser;
    selectedByUserTimestamp = b.selectedByUserTimestamp;
    sourceVid = b.sourceVid;
    sourceMetadata = b.sourceMetadata;
    requestId = b.requestId;
    updatedByUserId = b.updatedByUserId;
    persistenceTimestamp = b.persistenceTimestamp;
    useTimestampAsPersistenceTimestamp = b.useTimestampAsPersistenceTimestamp;
    encrypted = b.encrypted;
    largeValue = b.largeValue;
    dataSensitivity = b.dataSensitivity;
    unit = b.unit;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this metadata */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timestamp = timestamp;
    b.sourceId = sourceId;
    b.sourceLabel = sourceLabel;
    b.source = source;
    b.sourceUpstreamDeployable = sourceUpstreamDeployable;
    b.selectedByUser = selectedByUser;
    b.selectedByUserTimestamp = selectedByUserTimestamp;
    b.sourceVid = sourceVid;
    b.sourceMetadata = sourceMetadata;
    b.requestId = requestId;
    b.updatedByUserId = updatedByUserId;
    b.persistenceTimestamp = persistenceTimestamp;
    b.useTimestampAsPersistenceTimestamp = useTimestampAsPersistenceTimestamp;
    b.encrypted = encrypted;
    b.largeValue = largeValue;
    b.dataSensitivity = dataSensitivity;
    b.unit = unit;
    return b;
  }

  /** @return when the value was set, in epoch milliseconds */
  public OptionalLong timestamp() {
    return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
  }

  /** @return what set the value, within its source */
  public Optional<String> sourceId() {
    return Optional.ofNullable(sourceId);
  }

  /** @return a readable label of what set the value */
  public Optional<String> sourceLabel() {
    return Optional.ofNullable(sourceLabel);
  }

  /**
   * @return the kind of source, such as {@code INTEGRATION} or {@code API}; an open set that
   *     HubSpot extends, so kept as text
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** @return the deployable that relayed the value */
  public Optional<String> sourceUpstreamDeployable() {
    return Optional.ofNullable(sourceUpstreamDeployable);
  }

  /** @return whether a user picked the value by hand */
  public Optional<Boolean> selectedByUser() {
    return Optional.ofNullable(selectedByUser);
  }

  /** @return when a user picked the value, in epoch milliseconds */
  public OptionalLong selectedByUserTimestamp() {
    return selectedByUserTimestamp == null
        ? OptionalLong.empty()
        : OptionalLong.of(selectedByUserTimestamp);
  }

  /** @return ids of the records the value came from; empty when none */
  public List<Long> sourceVid() {
    return sourceVid == null ? List.of() : sourceVid;
  }

  /** @return opaque source metadata as the base64 text on the wire */
  public Optional<String> sourceMetadata() {
    return Optional.ofNullable(sourceMetadata);
  }

  /** @return the id of the request that set the value */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** @return the HubSpot user id of who set the value */
  public OptionalInt updatedByUserId() {
    return updatedByUserId == null ? OptionalInt.empty() : OptionalInt.of(updatedByUserId);
  }

  /** @return when HubSpot stored the value, in epoch milliseconds */
  public OptionalLong persistenceTimestamp() {
    return persistenceTimestamp == null
        ? OptionalLong.empty()
        : OptionalLong.of(persistenceTimestamp);
  }

  /** @return whether {@code timestamp} is also the persistence timestamp */
  public Optional<Boolean> useTimestampAsPersistenceTimestamp() {
    return Optional.ofNullable(useTimestampAsPersistenceTimestamp);
  }

  /** @return whether HubSpot stores the value encrypted */
  public Optional<Boolean> encrypted() {
    return Optional.ofNullable(encrypted);
  }

  /** @return whether the value is stored as a large value */
  public Optional<Boolean> largeValue() {
    return Optional.ofNullable(largeValue);
  }

  /** @return the sensitivity class of the value */
  public Optional<DataSensitivity> dataSensitivity() {
    return Optional.ofNullable(dataSensitivity);
  }

  /** @return the unit of a numeric value */
  public Optional<String> unit() {
    return Optional.ofNullable(unit);
  }

  boolean isEmpty() {
    return equals(EMPTY);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PropertyMetadata)) {
      return false;
    }
    PropertyMetadata that = (PropertyMetadata) o;
    return Objects.equals(timestamp, that.timestamp)
        && Objects.equals(sourceId, that.sourceId)
        && Objects.equals(sourceLabel, that.sourceLabel)
        && Objects.equals(source, that.source)
        && Objects.equals(sourceUpstreamDeployable, that.sourceUpstreamDeployable)
        && Objects.equals(selectedByUser, that.selectedByUser)
        && Objects.equals(selectedByUserTimestamp, that.selectedByUserTimestamp)
        && Objects.equals(sourceVid, that.sourceVid)
        && Objects.equals(sourceMetadata, that.sourceMetadata)
        && Objects.equals(requestId, that.requestId)
        && Objects.equals(updatedByUserId, that.updatedByUserId)
        && Objects.equals(persistenceTimestamp, that.persistenceTimestamp)
        && Objects.equals(useTimestampAsPersistenceTimestamp, that.useTimestampAsPersistenceTimestamp)
        && Objects.equals(encrypted, that.encrypted)
        && Objects.equals(largeValue, that.largeValue)
        && dataSensitivity == that.dataSensitivity
        && Objects.equals(unit, that.unit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, sourceId, source, requestId, dataSensitivity, unit);
  }

  @Override
  public String toString() {
    return "PropertyMetadata{timestamp=" + timestamp + ", source=" + source + ", sourceId="
        + sourceId + ", dataSensitivity=" + dataSensitivity + "}";
  }

  /** Builds {@link PropertyMetadata}; every field is optional. */
  public static final class Builder {
    private Long timestamp;
    private String sourceId;
    private String sourceLabel;
    private String source;
    private String sourceUpstreamDeployable;
    private Boolean selectedByUser;
    private Long selectedByUserTimestamp;
    private List<Long> sourceVid;
    private String sourceMetadata;
    private String requestId;
    private Integer updatedByUserId;
    private Long persistenceTimestamp;
    private Boolean useTimestampAsPersistenceTimestamp;
    private Boolean encrypted;
    private Boolean largeValue;
    private DataSensitivity dataSensitivity;
    private String unit;

    private Builder() {}

    /** @param epochMillis when the value was set @return this builder */
    public Builder timestamp(long epochMillis) {
      timestamp = epochMillis;
      return this;
    }

    /** @param value what set the value, within its source @return this builder */
    public Builder sourceId(String value) {
      sourceId = value;
      return this;
    }

    /** @param value a readable label of what set the value @return this builder */
    public Builder sourceLabel(String value) {
      sourceLabel = value;
      return this;
    }

    /** @param value the kind of source, such as {@code INTEGRATION} @return this builder */
    public Builder source(String value) {
      source = value;
      return this;
    }

    /** @param value the deployable that relayed the value @return this builder */
    public Builder sourceUpstreamDeployable(String value) {
      sourceUpstreamDeployable = value;
      return this;
    }

    /** @param value whether a user picked the value by hand @return this builder */
    public Builder selectedByUser(boolean value) {
      selectedByUser = value;
      return this;
    }

    /** @param epochMillis when a user picked the value @return this builder */
    public Builder selectedByUserTimestamp(long epochMillis) {
      selectedByUserTimestamp = epochMillis;
      return this;
    }

    /** @param ids ids of the records the value came from @return this builder */
    public Builder sourceVid(List<Long> ids) {
      sourceVid = ids == null ? null : List.copyOf(ids);
      return this;
    }

    /**
     * @param bytes opaque source metadata, sent base64-encoded
     * @return this builder
     */
    public Builder sourceMetadata(byte[] bytes) {
      sourceMetadata = bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
      return this;
    }

    Builder sourceMetadataText(String base64) {
      sourceMetadata = base64;
      return this;
    }

    /** @param value the id of the request that set the value @return this builder */
    public Builder requestId(String value) {
      requestId = value;
      return this;
    }

    /** @param userId the HubSpot user id of who set the value @return this builder */
    public Builder updatedByUserId(int userId) {
      updatedByUserId = userId;
      return this;
    }

    /** @param epochMillis when HubSpot stored the value @return this builder */
    public Builder persistenceTimestamp(long epochMillis) {
      persistenceTimestamp = epochMillis;
      return this;
    }

    /** @param value whether the timestamp is the persistence timestamp @return this builder */
    public Builder useTimestampAsPersistenceTimestamp(boolean value) {
      useTimestampAsPersistenceTimestamp = value;
      return this;
    }

    /** @param value whether HubSpot stores the value encrypted @return this builder */
    public Builder encrypted(boolean value) {
      encrypted = value;
      return this;
    }

    /** @param value whether the value is a large value @return this builder */
    public Builder largeValue(boolean value) {
      largeValue = value;
      return this;
    }

    /**
     * @param value the sensitivity class; {@link DataSensitivity#UNKNOWN} cannot be sent
     * @return this builder
     * @throws IllegalArgumentException for {@link DataSensitivity#UNKNOWN}
     */
    public Builder dataSensitivity(DataSensitivity value) {
      if (value == DataSensitivity.UNKNOWN) {
        throw new IllegalArgumentException("dataSensitivity UNKNOWN can be read but not sent");
      }
      dataSensitivity = value;
      return this;
    }

    Builder dataSensitivityAsRead(DataSensitivity value) {
      dataSensitivity = value;
      return this;
    }

    /** @param value the unit of a numeric value @return this builder */
    public Builder unit(String value) {
      unit = value;
      return this;
    }

    /** @return the metadata */
    public PropertyMetadata build() {
      return new PropertyMetadata(this);
    }
  }
}
