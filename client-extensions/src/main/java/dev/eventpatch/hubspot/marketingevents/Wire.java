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
    MarketingEventUpdateRequestParams params = new MarketingEventUpdateRequestParams();
    update.eventName().map(v -> text("eventName", v)).ifPresent(params::setEventName);
    update.eventType().map(v -> text("eventType", v)).ifPresent(params::setEventType);
    update.eventOrganizer().map(v -> text("eventOrganizer", v)).ifPresent(params::setEventOrganizer);
    update.eventUrl().map(v -> text("eventUrl", v)).ifPresent(params::setEventUrl);
    update.eventDescription().map(v -> text("eventDescription", v)).ifPresent(params::setEventDescription);
    update.startDateTime().map(Wire::utc).ifPresent(params::setStartDateTime);
    update.endDateTime().map(Wire::utc).ifPresent(params::setEndDateTime);
    update.eventCancelled().ifPresent(params::setEventCancelled);
    update.eventCompleted().ifPresent(params::setEventCompleted);
    // HubSpot requires customProperties in every body; an empty list changes nothing.
    List<PropertyValue> values = new ArrayList<>(update.customProperties().size());
    for (CustomProperty property : update.customProperties()) {
      values.add(toWire(property));
    }
    params.setCustomProperties(values);
    return params;
  }

  /** Every text goes through here on its way to the wire: see {@link PropertyValues#requireWellFormed}. */
  private static String text(String field, String value) {
    return PropertyValues.requireWellFormed(field, value);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static PropertyValue toWire(CustomProperty property) {
    String name = text("custom property name", property.name());
    String field = "custom property '" + name + "' ";
    PropertyValue value = new PropertyValue().name(name).value(text(field + "value", property.value()));
    PropertyMetadata m = property.metadata();
    if (m.isEmpty()) {
      return value;
    }
    m.timestamp().ifPresent(value::setTimestamp);
    m.sourceId().map(v -> text(field + "sourceId", v)).ifPresent(value::setSourceId);
    m.sourceLabel().map(v -> text(field + "sourceLabel", v)).ifPresent(value::setSourceLabel);
    m.source().map(v -> text(field + "source", v)).ifPresent(value::setSource);
    m.sourceUpstreamDeployable()
        .map(v -> text(field + "sourceUpstreamDeployable", v))
        .ifPresent(value::setSourceUpstreamDeployable);
    m.selectedByUser().ifPresent(value::setSelectedByUser);
    m.selectedByUserTimestamp().ifPresent(value::setSelectedByUserTimestamp);
    if (!m.sourceVid().isEmpty()) {
      value.setSourceVid(new ArrayList<>(m.sourceVid()));
    }
    m.sourceMetadata().ifPresent(value::setSourceMetadata);
    m.requestId().map(v -> text(field + "requestId", v)).ifPresent(value::setRequestId);
    m.updatedByUserId().ifPresent(value::setUpdatedByUserId);
    m.persistenceTimestamp().ifPresent(value::setPersistenceTimestamp);
    m.useTimestampAsPersistenceTimestamp().ifPresent(value::setUseTimestampAsPersistenceTimestamp);
    m.encrypted().ifPresent(value::setIsEncrypted);
    m.largeValue().ifPresent(value::setIsLargeValue);
    m.dataSensitivity()
        .ifPresent(d -> value.setDataSensitivity(PropertyValue.DataSensitivityEnum.fromValue(d.wireValue())));
    m.unit().map(v -> text(field + "unit", v)).ifPresent(value::setUnit);
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
    List<CustomProperty> properties = new ArrayList<>();
    if (r.getCustomProperties() != null) {
      for (PropertyValue value : r.getCustomProperties()) {
        if (value != null && value.getName() != null && !value.getName().isBlank()) {
          properties.add(CustomProperty.asReturned(value.getName(), value.getValue(), metadata(value)));
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
