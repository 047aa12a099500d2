package dev.eventpatch.hubspot.marketingevents.benchmarks;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.eventpatch.hubspot.marketingevents.CustomProperty;
import dev.eventpatch.hubspot.marketingevents.DataSensitivity;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.PropertyMetadata;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Contender A's JSON: hand-written Gson streaming code, no reflection, no intermediate model.
 * It writes the very bytes the extensions client sends (the generated model's field order,
 * ISO 8601 date-times as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} prints them, no HTML
 * escaping), and reads the answer into a plain typed {@link FloorEvent}.
 */
public final class FloorCodec {
  private static final MediaType JSON = MediaType.get("application/json");

  private FloorCodec() {}

  /**
   * @param update the update
   * @return its JSON as a request body, ready to send
   */
  public static RequestBody requestBody(MarketingEventUpdate update) {
    return RequestBody.create(write(update).readByteArray(), JSON);
  }

  /**
   * @param update the update
   * @return its JSON, UTF-8
   */
  public static byte[] requestBytes(MarketingEventUpdate update) {
    return write(update).readByteArray();
  }

  private static Buffer write(MarketingEventUpdate update) {
    Buffer buffer = new Buffer();
    try {
      writeRequest(update, new OkioUtf8Writer(buffer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer;
  }

  /**
   * @param update the update
   * @param out where to write its JSON
   * @throws IOException if the writer fails
   */
  public static void writeRequest(MarketingEventUpdate update, Writer out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.beginObject();
    Optional<Instant> start = update.startDateTime();
    if (start.isPresent()) {
      json.name("startDateTime").value(dateTime(start.get()));
    }
    Optional<Instant> end = update.endDateTime();
    if (end.isPresent()) {
      json.name("endDateTime").value(dateTime(end.get()));
    }
    json.name("customProperties").beginArray();
    for (CustomProperty property : update.customProperties()) {
      writeProperty(json, property);
    }
    json.endArray();
    Optional<Boolean> cancelled = update.eventCancelled();
    if (cancelled.isPresent()) {
      json.name("eventCancelled").value(cancelled.get().booleanValue());
    }
    Optional<Boolean> completed = update.eventCompleted();
    if (completed.isPresent()) {
      json.name("eventCompleted").value(completed.get().booleanValue());
    }
    string(json, "eventOrganizer", update.eventOrganizer());
    string(json, "eventUrl", update.eventUrl());
    string(json, "eventDescription", update.eventDescription());
    string(json, "eventName", update.eventName());
    string(json, "eventType", update.eventType());
    json.endObject();
    json.flush();
  }

  private static void writeProperty(JsonWriter json, CustomProperty property) throws IOException {
    json.beginObject();
    json.name("name").value(property.name());
    json.name("value").value(property.value());
    PropertyMetadata m = property.metadata();
    if (m.timestamp().isPresent()) {
      json.name("timestamp").value(m.timestamp().getAsLong());
    }
    string(json, "sourceId", m.sourceId());
    string(json, "sourceLabel", m.sourceLabel());
    string(json, "source", m.source());
    string(json, "sourceUpstreamDeployable", m.sourceUpstreamDeployable());
    bool(json, "selectedByUser", m.selectedByUser());
    if (m.selectedByUserTimestamp().isPresent()) {
      json.name("selectedByUserTimestamp").value(m.selectedByUserTimestamp().getAsLong());
    }
    if (!m.sourceVid().isEmpty()) {
      json.name("sourceVid").beginArray();
      for (Long id : m.sourceVid()) {
        json.value(id.longValue());
      }
      json.endArray();
    }
    string(json, "sourceMetadata", m.sourceMetadata());
    string(json, "requestId", m.requestId());
    if (m.updatedByUserId().isPresent()) {
      json.name("updatedByUserId").value(m.updatedByUserId().getAsInt());
    }
    if (m.persistenceTimestamp().isPresent()) {
      json.name("persistenceTimestamp").value(m.persistenceTimestamp().getAsLong());
    }
    bool(json, "useTimestampAsPersistenceTimestamp", m.useTimestampAsPersistenceTimestamp());
    bool(json, "isEncrypted", m.encrypted());
    bool(json, "isLargeValue", m.largeValue());
    Optional<DataSensitivity> sensitivity = m.dataSensitivity();
    if (sensitivity.isPresent()) {
      json.name("dataSensitivity").value(sensitivity.get().name().toLowerCase(java.util.Locale.ROOT));
    }
    string(json, "unit", m.unit());
    json.endObject();
  }

  private static void string(JsonWriter json, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.name(name).value(value.get());
    }
  }

  private static void bool(JsonWriter json, String name, Optional<Boolean> value) throws IOException {
    if (value.isPresent()) {
      json.name(name).value(value.get().booleanValue());
    }
  }

  private static String dateTime(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * @param body the answer's JSON
   * @return the event
   */
  public static FloorEvent readEvent(byte[] body) {
    return readEvent(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * @param body the answer's JSON
   * @return the event
   */
  public static FloorEvent readEvent(String body) {
    try {
      return readEvent(new StringReader(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param in the answer's JSON
   * @return the event
   * @throws IOException if reading fails or it is not the expected JSON
   */
  public static FloorEvent readEvent(Reader in) throws IOException {
    JsonReader json = new JsonReader(in);
    FloorEvent event = new FloorEvent();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if (json.peek() == JsonToken.NULL) {
        json.nextNull();
        continue;
      }
      switch (name) {
        case "id":
          event.id = json.nextString();
          break;
        case "objectId":
          event.objectId = json.nextString();
          break;
        case "createdAt":
          event.createdAt = OffsetDateTime.parse(json.nextString());
          break;
        case "updatedAt":
          event.updatedAt = OffsetDateTime.parse(json.nextString());
          break;
        case "eventName":
          event.eventName = json.nextString();
          break;
        case "eventType":
          event.eventType = json.nextString();
          break;
        case "eventOrganizer":
          event.eventOrganizer = json.nextString();
          break;
        case "eventUrl":
          event.eventUrl = json.nextString();
          break;
        case "eventDescription":
          event.eventDescription = json.nextString();
          break;
        case "startDateTime":
          event.startDateTime = OffsetDateTime.parse(json.nextString());
          break;
        case "endDateTime":
          event.endDateTime = OffsetDateTime.parse(json.nextString());
          break;
        case "eventCancelled":
          event.eventCancelled = json.nextBoolean();
          break;
        case "eventCompleted":
          event.eventCompleted = json.nextBoolean();
          break;
        case "customProperties":
          json.beginArray();
          while (json.hasNext()) {
            event.customProperties.add(readProperty(json));
          }
          json.endArray();
          break;
        default:
          json.skipValue();
          break;
      }
    }
    json.endObject();
    if (event.id == null || event.createdAt == null || event.updatedAt == null || event.eventName == null
        || event.eventOrganizer == null) {
      throw new IOException("the answer lacks a required field");
    }
    return event;
  }

  private static FloorEvent.Property readProperty(JsonReader json) throws IOException {
    FloorEvent.Property p = new FloorEvent.Property();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if (json.peek() == JsonToken.NULL) {
        json.nextNull();
        continue;
      }
      switch (name) {
        case "name":
          p.name = json.nextString();
          break;
        case "value":
          p.value = json.nextString();
          break;
        case "timestamp":
          p.timestamp = json.nextLong();
          break;
        case "sourceId":
          p.sourceId = json.nextString();
          break;
        case "sourceLabel":
          p.sourceLabel = json.nextString();
          break;
        case "source":
          p.source = json.nextString();
          break;
        case "sourceUpstreamDeployable":
          p.sourceUpstreamDeployable = json.nextString();
          break;
        case "selectedByUser":
          p.selectedByUser = json.nextBoolean();
          break;
        case "selectedByUserTimestamp":
          p.selectedByUserTimestamp = json.nextLong();
          break;
        case "sourceVid":
          List<Long> ids = new ArrayList<>();
          json.beginArray();
          while (json.hasNext()) {
            ids.add(json.nextLong());
          }
          json.endArray();
          p.sourceVid = ids;
          break;
        case "sourceMetadata":
          p.sourceMetadata = json.nextString();
          break;
        case "requestId":
          p.requestId = json.nextString();
          break;
        case "updatedByUserId":
          p.updatedByUserId = json.nextInt();
          break;
        case "persistenceTimestamp":
          p.persistenceTimestamp = json.nextLong();
          break;
        case "useTimestampAsPersistenceTimestamp":
          p.useTimestampAsPersistenceTimestamp = json.nextBoolean();
          break;
        case "isEncrypted":
          p.isEncrypted = json.nextBoolean();
          break;
        case "isLargeValue":
          p.isLargeValue = json.nextBoolean();
          break;
        case "dataSensitivity":
          p.dataSensitivity = json.nextString();
          break;
        case "unit":
          p.unit = json.nextString();
          break;
        default:
          json.skipValue();
          break;
      }
    }
    json.endObject();
    return p;
  }
}
