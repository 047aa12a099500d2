package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PATCH update-by-external-ids operation of a document, at one API version.
 *
 * @param version the version in its path, such as {@code v3} or {@code 2026-09}
 * @param path the path, such as {@code /marketing/marketing-events/2026-09/events/{externalEventId}}
 * @param operation the operation itself
 */
record UpdateOperation(String version, String path, Operation operation) {

    /**
     * The operation's path at any version: the legacy numbered form
     * ({@code /marketing/v3/marketing-events/events/{id}}) or the dated form
     * ({@code /marketing/marketing-events/2026-09/events/{id}}).
     */
    private static final Pattern PATH = Pattern.compile(
            "/marketing/(?:(v\\d+)/marketing-events|marketing-events/([^/]+))/events/\\{[^/}]+\\}");

    UpdateOperation {
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(operation, "operation == null");
    }

    /** Every version of the operation in {@code document}, by version, in order. */
    static Map<String, UpdateOperation> find(OpenAPI document) {
        Map<String, UpdateOperation> found = new TreeMap<>();
        if (document.getPaths() == null) {
            return found;
        }
        for (Map.Entry<String, PathItem> entry : document.getPaths().entrySet()) {
            Matcher m = PATH.matcher(entry.getKey());
            Operation patch = entry.getValue() == null ? null : entry.getValue().getPatch();
            if (m.matches() && patch != null) {
                String version = m.group(1) != null ? m.group(1) : m.group(2);
                found.put(version, new UpdateOperation(version, entry.getKey(), patch));
            }
        }
        return found;
    }
}
