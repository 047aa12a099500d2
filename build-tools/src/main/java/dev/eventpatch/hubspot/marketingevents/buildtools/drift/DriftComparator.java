package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import dev.eventpatch.hubspot.marketingevents.buildtools.drift.Drift.Kind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one operation of our spec (OURS) with the same operation in HubSpot's description
 * (THEIRS): path and query parameters, the request schema, the property value schema (reached
 * through both), the 200 response schema and the declared error responses.
 *
 * <p>Differences are named from OURS to THEIRS: "added" is in HubSpot's description and not in
 * ours, "removed" is in ours and not in HubSpot's. A field is named by the schema it belongs to,
 * with HubSpot's schema names where HubSpot names the schema ({@code PropertyValue.source}), so
 * that a schema reached from the request and from the response is reported once. Descriptions,
 * summaries and examples are never compared.
 */
final class DriftComparator {

    private static final int MAX_DEPTH = 32;

    private final OpenAPI ours;
    private final OpenAPI theirs;
    /** Field and kind, to the difference found and every role it was found in. */
    private final Map<String, Found> found = new LinkedHashMap<>();

    private DriftComparator(OpenAPI ours, OpenAPI theirs) {
        this.ours = ours;
        this.theirs = theirs;
    }

    /** Every difference between the two operations, classified, in the order found. */
    static List<Drift> compare(OpenAPI oursDocument, UpdateOperation oursOperation,
            OpenAPI theirsDocument, UpdateOperation theirsOperation) {
        DriftComparator comparator = new DriftComparator(
                Objects.requireNonNull(oursDocument, "oursDocument == null"),
                Objects.requireNonNull(theirsDocument, "theirsDocument == null"));
        comparator.parameters(oursOperation, theirsOperation);
        comparator.requestBody(oursOperation, theirsOperation);
        comparator.responses(oursOperation, theirsOperation);
        List<Drift> drifts = new ArrayList<>();
        for (Found f : comparator.found.values()) {
            drifts.add(Classification.classify(f.field, f.kind, f.detail, f.roles, f.required));
        }
        return List.copyOf(drifts);
    }

    // ---- parameters -----------------------------------------------------------------------

    private void parameters(UpdateOperation o, UpdateOperation t) {
        Map<String, Parameter> mine = parameterMap(ours, o);
        Map<String, Parameter> hers = parameterMap(theirs, t);
        for (Map.Entry<String, Parameter> e : hers.entrySet()) {
            if (!mine.containsKey(e.getKey())) {
                boolean required = Boolean.TRUE.equals(e.getValue().getRequired());
                note("parameters." + e.getKey(), Kind.ADDED, required ? "required" : "optional",
                        Role.REQUEST, required);
            }
        }
        for (Map.Entry<String, Parameter> e : mine.entrySet()) {
            Parameter her = hers.get(e.getKey());
            String field = "parameters." + e.getKey();
            if (her == null) {
                note(field, Kind.REMOVED, "", Role.REQUEST, false);
                continue;
            }
            boolean was = Boolean.TRUE.equals(e.getValue().getRequired());
            boolean is = Boolean.TRUE.equals(her.getRequired());
            if (!was && is) {
                note(field, Kind.REQUIRED_ADDED, "", Role.REQUEST, true);
            } else if (was && !is) {
                note(field, Kind.REQUIRED_REMOVED, "", Role.REQUEST, false);
            }
            schema(e.getValue().getSchema(), her.getSchema(), "parameters", e.getKey(),
                    Role.REQUEST, 0);
        }
    }

    /** Path and query parameters by {@code location.name}; header and cookie ones are not ours to send. */
    private static Map<String, Parameter> parameterMap(OpenAPI document, UpdateOperation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        List<Parameter> declared = new ArrayList<>();
        if (document.getPaths().get(operation.path()).getParameters() != null) {
            declared.addAll(document.getPaths().get(operation.path()).getParameters());
        }
        if (operation.operation().getParameters() != null) {
            declared.addAll(operation.operation().getParameters());
        }
        for (Parameter parameter : declared) {
            Parameter p = resolveParameter(document, parameter);
            if ("path".equals(p.getIn()) || "query".equals(p.getIn())) {
                parameters.put(p.getIn() + "." + p.getName(), p);
            }
        }
        return parameters;
    }

    // ---- request and responses ------------------------------------------------------------

    private void requestBody(UpdateOperation o, UpdateOperation t) {
        Schema<?> mine = bodySchema(resolveRequestBody(ours, o.operation().getRequestBody()));
        Schema<?> hers = bodySchema(resolveRequestBody(theirs, t.operation().getRequestBody()));
        if (mine == null && hers == null) {
            return;
        }
        if (mine == null || hers == null) {
            note("requestBody", mine == null ? Kind.ADDED : Kind.REMOVED, "", Role.REQUEST,
                    mine == null);
            return;
        }
        schema(mine, hers, "requestBody", "", Role.REQUEST, 0);
    }

    private void responses(UpdateOperation o, UpdateOperation t) {
        Map<String, ApiResponse> mine = responseMap(ours, o);
        Map<String, ApiResponse> hers = responseMap(theirs, t);
        Set<String> codes = new TreeSet<>(mine.keySet());
        codes.addAll(hers.keySet());
        for (String code : codes) {
            ApiResponse m = mine.get(code);
            ApiResponse h = hers.get(code);
            String field = "responses." + code;
            if (m == null) {
                note(field, Kind.ADDED, "", Role.RESPONSE, false);
            } else if (h == null) {
                note(field, Kind.REMOVED, "", Role.RESPONSE, false);
            } else {
                Schema<?> ms = bodySchema(m.getContent());
                Schema<?> hs = bodySchema(h.getContent());
                if (ms != null && hs != null) {
                    schema(ms, hs, field, "", Role.RESPONSE, 0);
                } else if (ms != null || hs != null) {
                    note(field + ".body", ms == null ? Kind.ADDED : Kind.REMOVED, "",
                            Role.RESPONSE, false);
                }
            }
        }
    }

    /** The 200 response and the declared error responses (4xx, 5xx, default); other 2xx are not this client's. */
    private static Map<String, ApiResponse> responseMap(OpenAPI document, UpdateOperation operation) {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        if (operation.operation().getResponses() == null) {
            return responses;
        }
        for (Map.Entry<String, ApiResponse> e : operation.operation().getResponses().entrySet()) {
            String code = e.getKey();
            if (code.equals("200") || code.equals("default") || code.startsWith("4")
                    || code.startsWith("5")) {
                responses.put(code, resolveResponse(document, e.getValue()));
            }
        }
        return responses;
    }

    // ---- schemas ----------------------------------------------------------------------------

    private void schema(Schema<?> mine, Schema<?> hers, String label, String path, Role role,
            int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        // A schema HubSpot names restarts the field path at its name.
        if (hers.get$ref() != null) {
            label = refName(hers.get$ref());
            path = "";
        } else if (mine.get$ref() != null && path.isEmpty() && !isPlace(label)) {
            label = refName(mine.get$ref());
        }
        View m = View.of(ours, mine);
        View h = View.of(theirs, hers);
        String field = path.isEmpty() ? label : label + "." + path;

        if (m.type != null && h.type != null && !m.type.equals(h.type)) {
            note(field, Kind.TYPE_CHANGED, m.type + " -> " + h.type, role, false);
            return; // below a changed type, nothing compares meaningfully
        }
        if (!Objects.equals(m.format, h.format)) {
            note(field, Kind.FORMAT_CHANGED, text(m.format) + " -> " + text(h.format), role, false);
        }
        if (m.nullable != h.nullable) {
            note(field, Kind.NULLABLE_CHANGED, m.nullable + " -> " + h.nullable, role, h.nullable);
        }
        enumeration(m, h, field, role);

        for (Map.Entry<String, Schema<?>> p : h.properties.entrySet()) {
            if (!m.properties.containsKey(p.getKey())) {
                boolean required = h.required.contains(p.getKey());
                note(join(field, p.getKey()), Kind.ADDED, required ? "required" : "optional", role,
                        required);
            }
        }
        for (Map.Entry<String, Schema<?>> p : m.properties.entrySet()) {
            String name = p.getKey();
            Schema<?> her = h.properties.get(name);
            if (her == null) {
                note(join(field, name), Kind.REMOVED, "", role, false);
                continue;
            }
            boolean was = m.required.contains(name);
            boolean is = h.required.contains(name);
            if (!was && is) {
                note(join(field, name), Kind.REQUIRED_ADDED, "", role, true);
            } else if (was && !is) {
                note(join(field, name), Kind.REQUIRED_REMOVED, "", role, false);
            }
            schema(p.getValue(), her, label, join(path, name), role, depth + 1);
        }
        if (m.items != null && h.items != null) {
            schema(m.items, h.items, label, path + "[]", role, depth + 1);
        }
        if (m.additional != null && h.additional != null) {
            schema(m.additional, h.additional, label, path + "{}", role, depth + 1);
        }
    }

    private void enumeration(View m, View h, String field, Role role) {
        if (m.values == null && h.values == null) {
            return;
        }
        if (m.values == null) {
            note(field, Kind.ENUM_CLOSED, h.values.size() + " values in THEIRS", role, false);
            return;
        }
        if (h.values == null) {
            note(field, Kind.ENUM_OPENED, m.values.size() + " values in OURS", role, false);
            return;
        }
        Set<String> added = new TreeSet<>(h.values);
        added.removeAll(m.values);
        Set<String> removed = new TreeSet<>(m.values);
        removed.removeAll(h.values);
        if (!added.isEmpty()) {
            note(field, Kind.ENUM_VALUES_ADDED, String.join(", ", added), role, false);
        }
        if (!removed.isEmpty()) {
            note(field, Kind.ENUM_VALUES_REMOVED, String.join(", ", removed), role, false);
        }
    }

    private void note(String field, Kind kind, String detail, Role role, boolean required) {
        found.computeIfAbsent(field + "\u0000" + kind, k -> new Found(field, kind, detail, required))
                .roles.add(role);
    }

    private static boolean isPlace(String label) {
        return label.startsWith("responses.") || label.equals("parameters");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String text(String format) {
        return format == null ? "(none)" : format;
    }

    // ---- $ref resolution --------------------------------------------------------------------

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    static Schema<?> resolveSchema(OpenAPI document, Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < MAX_DEPTH; hops++) {
            s = components(document).getSchemas() == null ? null
                    : components(document).getSchemas().get(refName(s.get$ref()));
            if (s == null) {
                throw new IllegalArgumentException("unresolvable $ref " + schema.get$ref());
            }
        }
        return s;
    }

    private static Parameter resolveParameter(OpenAPI document, Parameter parameter) {
        if (parameter.get$ref() == null) {
            return parameter;
        }
        Parameter p = components(document).getParameters() == null ? null
                : components(document).getParameters().get(refName(parameter.get$ref()));
        if (p == null) {
            throw new IllegalArgumentException("unresolvable $ref " + parameter.get$ref());
        }
        return p;
    }

    private static RequestBody resolveRequestBody(OpenAPI document, RequestBody body) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        RequestBody b = components(document).getRequestBodies() == null ? null
                : components(document).getRequestBodies().get(refName(body.get$ref()));
        if (b == null) {
            throw new IllegalArgumentException("unresolvable $ref " + body.get$ref());
        }
        return b;
    }

    private static ApiResponse resolveResponse(OpenAPI document, ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        ApiResponse r = components(document).getResponses() == null ? null
                : components(document).getResponses().get(refName(response.get$ref()));
        if (r == null) {
            throw new IllegalArgumentException("unresolvable $ref " + response.get$ref());
        }
        return r;
    }

    private static io.swagger.v3.oas.models.Components components(OpenAPI document) {
        return document.getComponents() == null
                ? new io.swagger.v3.oas.models.Components() : document.getComponents();
    }

    private static Schema<?> bodySchema(RequestBody body) {
        return body == null ? null : bodySchema(body.getContent());
    }

    /** The JSON schema of a body: {@code application/json}, else the only or first media type. */
    private static Schema<?> bodySchema(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType json = content.get("application/json");
        MediaType chosen = json != null ? json : content.values().iterator().next();
        return chosen == null ? null : chosen.getSchema();
    }

    // ---- a schema with its allOf parts merged ------------------------------------------------

    /** What the comparison reads of a schema, its {@code allOf} parts merged and $refs followed. */
    private static final class View {
        String type;
        String format;
        boolean nullable;
        List<String> values;
        final Map<String, Schema<?>> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        Schema<?> items;
        Schema<?> additional;

        static View of(OpenAPI document, Schema<?> schema) {
            View view = new View();
            view.merge(document, schema, 0);
            if (view.type == null && !view.properties.isEmpty()) {
                view.type = "object";
            }
            return view;
        }

        private void merge(OpenAPI document, Schema<?> raw, int depth) {
            Schema<?> s = resolveSchema(document, raw);
            if (s == null || depth > MAX_DEPTH) {
                return;
            }
            if (s.getAllOf() != null) {
                for (Schema<?> part : s.getAllOf()) {
                    merge(document, part, depth + 1);
                }
            }
            String t = s.getType() != null ? s.getType()
                    : s.getTypes() != null && s.getTypes().size() == 1 ? s.getTypes().iterator().next()
                    : null;
            if (t != null) {
                type = t;
            }
            if (s.getFormat() != null) {
                format = s.getFormat();
            }
            if (Boolean.TRUE.equals(s.getNullable())) {
                nullable = true;
            }
            if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                values = new ArrayList<>();
                for (Object value : s.getEnum()) {
                    values.add(String.valueOf(value));
                }
            }
            if (s.getProperties() != null) {
                for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
                    properties.put(p.getKey(), p.getValue());
                }
            }
            if (s.getRequired() != null) {
                required.addAll(s.getRequired());
            }
            if (s.getItems() != null) {
                items = s.getItems();
            }
            if (s.getAdditionalProperties() instanceof Schema<?> extra) {
                additional = extra;
            }
        }
    }

    private static final class Found {
        final String field;
        final Kind kind;
        final String detail;
        final boolean required;
        final Set<Role> roles = EnumSet.noneOf(Role.class);

        Found(String field, Kind kind, String detail, boolean required) {
            this.field = field;
            this.kind = kind;
            this.detail = detail;
            this.required = required;
        }
    }
}
