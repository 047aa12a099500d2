package dev.eventpatch.hubspot.marketingevents;

import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.generated.model.PropertyValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Maps this module's types to the generated wire models and back. */
final class Wire {
  private Wire() {}

  static MarketingEventUpdateRequestParams toRequest(MarketingEventUpdate update) {
    // Plain assignments, not ifPresent(params::setX): each of those allocates a capturing lambda
    // per call. Absent values stay null, as on a fresh model; nulls are not sent.
    MarketingEventUpdateRequestParams params = new MarketingEventUpdateRequestParams();
    params.setEventName(text("eventName", update.eventName().orElse(null)));
    params.setEventType(text("eventType", update.eventType().orElse(null)));
    params.setEventOrganizer(text("eventOrganizer", update.eventOrganizer().orElse(null)));
    params.setEventUrl(text("eventUrl", update.eventUrl().orElse(null)));
    params.setEventDescription(text("eventDescription", update.eventDescription().orElse(null)));
    params.setStartDateTime(utc(update.startDateTime().orElse(null)));
    params.setEndDateTime(utc(update.endDateTime().orElse(null)));
    params.setEventCancelled(update.eventCancelled().orElse(null));
    params.setEventCompleted(update.eventCompleted().orElse(null));
    // HubSpot requires customProperties in every body; an empty list changes nothing.
    List<PropertyValue> values = new ArrayList<>(update.customProperties().size());
    for (CustomProperty property : update.customProperties()) {
      values.add(toWire(property));
    }
    params.setCustomProperties(values);
    return params;
  }

  /**
   * Every text goes through here on its way to the wire: see {@link
   * PropertyValues#requireWellFormed}. Null (not set) passes as null.
   */
  private static String text(String field, String value) {
    return value == null ? null : PropertyValues.requireWellFormed(field, value);
  }

  /** A metadata text of a custom property; the field's name is only built for the error. */
  private static String metaText(String property, String part, String value) {
    if (value == null) {
      return null;
    }
    try {
      return PropertyValues.requireWellFormed(part, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("custom property '" + property + "' " + e.getMessage(), e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static PropertyValue toWire(CustomProperty property) {
    String name = text("custom property name", property.name());
    PropertyValue value = new PropertyValue().name(name).value(metaText(name, "value", property.value()));
    PropertyMetadata m = property.metadata();
    if (m.isEmpty()) {
      return value;
    }
    if (m.timestamp().isPresent()) {
      value.setTimestamp(m.timestamp().getAsLong());
    }
    value.setSourceId(metaText(name, "sourceId", m.sourceId().orElse(null)));
    value.setSourceLabel(metaText(name, "sourceLabel", m.sourceLabel().orElse(null)));
    value.setSource(metaText(name, "source", m.source().orElse(null)));
    value.setSourceUpstreamDeployable(
        metaText(name, "sourceUpstreamDeployable", m.sourceUpstreamDeployable().orElse(null)));
    value.setSelectedByUser(m.selectedByUser().orElse(null));
    if (m.selectedByUserTimestamp().isPresent()) {
      value.setSelectedByUserTimestamp(m.selectedByUserTimestamp().getAsLong());
    }
    if (!m.sourceVid().isEmpty()) {
      value.setSourceVid(new ArrayList<>(m.sourceVid()));
    }
    value.setSourceMetadata(m.sourceMetadata().orElse(null));
    value.setRequestId(metaText(name, "requestId", m.requestId().orElse(null)));
    if (m.updatedByUserId().isPresent()) {
      value.setUpdatedByUserId(m.updatedByUserId().getAsInt());
    }
    if (m.persistenceTimestamp().isPresent()) {
      value.setPersistenceTimestamp(m.persistenceTimestamp().getAsLong());
    }
    value.setUseTimestampAsPersistenceTimestamp(m.useTimestampAsPersistenceTimestamp().orElse(null));
    value.setIsEncrypted(m.encrypted().orElse(null));
    value.setIsLargeValue(m.largeValue().orElse(null));
    DataSensitivity sensitivity = m.dataSensitivity().orElse(null);
    if (sensitivity != null) {
      value.setDataSensitivity(PropertyValue.DataSensitivityEnum.fromValue(sensitivity.wireValue()));
    }
    value.setUnit(metaText(name, "unit", m.unit().orElse(null)));
    return value;
  }

  /** The names of the fields HubSpot always sends that this answer lacks. */
  static List<String> missingRequiredFields(MarketingEventPublicDefaultResponse response) {
    List<String> missing = new ArrayList<>();
    if (response.getId() == null) {
      missing.add("id");
    }
    if (response.getCreatedAt() == null) {
      missing.add("createdAt");
    }
    if (response.getUpdatedAt() == null) {
      missing.add("updatedAt");
    }
    if (response.getEventName() == null) {
      missing.add("eventName");
    }
    if (response.getEventOrganizer() == null) {
      missing.add("eventOrganizer");
    }
    if (response.getCustomProperties() == null) {
      // Without it, every property sent would be reported as dropped by HubSpot.
      missing.add("customProperties");
    }
    return missing;
  }

  static MarketingEvent fromResponse(MarketingEventPublicDefaultResponse r) {
    List<StoredProperty> properties = new ArrayList<>();
    if (r.getCustomProperties() != null) {
      for (PropertyValue value : r.getCustomProperties()) {
        if (value != null && value.getName() != null && !value.getName().isBlank()) {
          properties.add(new StoredProperty(value.getName(), value.getValue(), metadata(value)));
        }
      }
    }
    return new MarketingEvent(
        r.getId(),
        r.getObjectId(),
        r.getCreatedAt(),
        r.getUpdatedAt(),
        r.getEventName(),
        r.getEventType(),
        r.getEventOrganizer(),
        r.getEventUrl(),
        r.getEventDescription(),
        r.getStartDateTime(),
        r.getEndDateTime(),
        r.getEventCancelled(),
        r.getEventCompleted(),
        new CustomProperties(properties));
  }

  private static PropertyMetadata metadata(PropertyValue v) {
    PropertyMetadata.Builder b = PropertyMetadata.builder();
    if (v.getTimestamp() != null) {
      b.timestamp(v.getTimestamp());
    }
    b.sourceId(v.getSourceId()).sourceLabel(v.getSourceLabel()).source(v.getSource());
    b.sourceUpstreamDeployable(v.getSourceUpstreamDeployable());
    if (v.getSelectedByUser() != null) {
      b.selectedByUser(v.getSelectedByUser());
    }
    if (v.getSelectedByUserTimestamp() != null) {
      b.selectedByUserTimestamp(v.getSelectedByUserTimestamp());
    }
    if (v.getSourceVid() != null) {
      List<Long> ids = new ArrayList<>();
      v.getSourceVid().stream().filter(java.util.Objects::nonNull).forEach(ids::add);
      b.sourceVid(ids);
    }
    b.sourceMetadataText(v.getSourceMetadata()).requestId(v.getRequestId());
    if (v.getUpdatedByUserId() != null) {
      b.updatedByUserId(v.getUpdatedByUserId());
    }
    if (v.getPersistenceTimestamp() != null) {
      b.persistenceTimestamp(v.getPersistenceTimestamp());
    }
    if (v.getUseTimestampAsPersistenceTimestamp() != null) {
      b.useTimestampAsPersistenceTimestamp(v.getUseTimestampAsPersistenceTimestamp());
    }
    if (v.getIsEncrypted() != null) {
      b.encrypted(v.getIsEncrypted());
    }
    if (v.getIsLargeValue() != null) {
      b.largeValue(v.getIsLargeValue());
    }
    if (v.getDataSensitivity() != null) {
      b.dataSensitivityAsRead(
          v.getDataSensitivity() == PropertyValue.DataSensitivityEnum.UNKNOWN_DEFAULT_OPEN_API
              ? DataSensitivity.UNKNOWN
              : DataSensitivity.fromWire(v.getDataSensitivity().getValue()));
    }
    return b.unit(v.getUnit()).build();
  }
}
