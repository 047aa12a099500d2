package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventpatch.hubspot.marketingevents.buildtools.drift.Drift.Kind;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deliberate differences between our spec and HubSpot's description (spec/drift-accepted.yaml):
 * each names a field (or {@code Schema.*} for every field of a schema), a kind of difference,
 * optionally the versions it holds for, and the reason it is deliberate.
 *
 * <pre>
 * accepted:
 *   - field: PropertyValue.source
 *     change: enum closed
 *     reason: HubSpot adds sources every few weeks; the client keeps source an open string.
 * </pre>
 */
final class AcceptedDrifts {

    static final AcceptedDrifts NONE = new AcceptedDrifts(List.of());

    private final List<Entry> entries;

    private AcceptedDrifts(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the file.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if an entry lacks a field, a known change or a reason
     */
    static AcceptedDrifts read(Path file) throws IOException {
        JsonNode root = Yaml.mapper().readTree(Files.readString(file));
        JsonNode list = root == null ? null : root.get("accepted");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("no 'accepted' list in " + file);
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            String where = file.getFileName() + ", entry " + (++index);
            String field = text(node, "field", where);
            Kind kind = Kind.fromLabel(text(node, "change", where));
            String reason = text(node, "reason", where);
            Set<String> versions = new LinkedHashSet<>();
            if (node.has("versions")) {
                for (JsonNode version : node.get("versions")) {
                    versions.add(version.asText());
                }
            }
            entries.add(new Entry(field, kind, versions, reason));
        }
        return new AcceptedDrifts(entries);
    }

    /** The entry that accepts {@code drift} at {@code version}, or null. */
    Entry accepting(Drift drift, String version) {
        for (Entry entry : entries) {
            if (entry.accepts(drift, version)) {
                return entry;
            }
        }
        return null;
    }

    /** The entries meant for {@code version} that accept none of {@code drifts}. */
    List<Entry> unused(List<Drift> drifts, String version) {
        List<Entry> unused = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.appliesTo(version) && drifts.stream().noneMatch(d -> entry.accepts(d, version))) {
                unused.add(entry);
            }
        }
        return unused;
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " has no '" + name + "'");
        }
        return value.asText().trim();
    }

    /** One deliberate difference. */
    record Entry(String field, Kind kind, Set<String> versions, String reason) {

        boolean appliesTo(String version) {
            return versions.isEmpty() || versions.contains(version);
        }

        boolean accepts(Drift drift, String version) {
            if (drift.kind() != kind || !appliesTo(version)) {
                return false;
            }
            if (field.endsWith(".*")) {
                return drift.field().startsWith(field.substring(0, field.length() - 1));
            }
            return drift.field().equals(field);
        }

        @Override
        public String toString() {
            return field + ": " + kind.label();
        }
    }
}
