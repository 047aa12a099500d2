package dev.eventpatch.hubspot.marketingevents.buildtools;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites every {@code allOf} of a spec's component schemas as the one object schema it means:
 * the properties of all parts (a later part's property replacing an earlier one of the same
 * name) and the union of their required lists. $refs elsewhere stay as they are.
 *
 * <p>The spec extends shared schemas per API version through allOf. openapi-diff would see a
 * composed schema where a plain one was, call it a changed type and stop comparing the fields
 * below it. Rewriting only the compositions (rather than resolving the whole spec fully) keeps
 * every other $ref, and so the comparison, as it was.
 */
final class AllOfFlattener {

    private static final int MAX_DEPTH = 32;

    private AllOfFlattener() {
    }

    /** Flattens {@code spec} in place and returns it. */
    static OpenAPI flatten(OpenAPI spec) {
        Components components = spec.getComponents();
        if (components == null || components.getSchemas() == null) {
            return spec;
        }
        Map<String, Schema> schemas = components.getSchemas();
        Map<String, Schema> flattened = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            flattened.put(entry.getKey(), flattenSchema(schemas, entry.getValue(), 0));
        }
        components.setSchemas(flattened);
        return spec;
    }

    private static Schema<?> flattenSchema(Map<String, Schema> schemas, Schema<?> schema, int depth) {
        if (schema == null || schema.getAllOf() == null || schema.getAllOf().isEmpty()) {
            return schema;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collect(schemas, schema, properties, required, depth);
        ObjectSchema merged = new ObjectSchema();
        merged.setDescription(schema.getDescription());
        merged.setProperties(properties);
        merged.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return merged;
    }

    private static void collect(Map<String, Schema> schemas, Schema<?> schema,
            Map<String, Schema> properties, Set<String> required, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return;
        }
        Schema<?> s = schema;
        if (s.get$ref() != null) {
            String ref = s.get$ref();
            s = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (s == null) {
                throw new IllegalArgumentException("unresolvable $ref " + ref);
            }
        }
        List<Schema> parts = s.getAllOf() == null ? List.of() : s.getAllOf();
        for (Schema<?> part : parts) {
            collect(schemas, part, properties, required, depth + 1);
        }
        if (s.getProperties() != null) {
            properties.putAll(s.getProperties());
        }
        if (s.getRequired() != null) {
            required.addAll(s.getRequired());
        }
    }
}
