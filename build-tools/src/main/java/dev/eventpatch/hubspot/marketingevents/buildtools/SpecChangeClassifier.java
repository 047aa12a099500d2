package dev.eventpatch.hubspot.marketingevents.buildtools;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Names each change that openapi-diff found, and says whether it breaks a client built against
 * the baseline.
 *
 * <p>openapi-diff decides most cases. Where the generated client is stricter than the HTTP
 * contract, this class is stricter than openapi-diff: a removed request or response field (the
 * generated model loses a setter or getter), a changed format (the Java type changes, such as
 * {@code OffsetDateTime} to {@code String}) and a response field that became optional (callers
 * may now get null) are breaking too. Anything openapi-diff calls incompatible that is not named
 * here is still reported, in general words, so that nothing incompatible passes unnamed.
 */
final class SpecChangeClassifier {

    private final Set<String> seen = new LinkedHashSet<>();
    private final List<SpecChange> changes = new ArrayList<>();
    private final Set<ChangedSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

    private SpecChangeClassifier() {
    }

    /** Every change of {@code diff}, breaking or not, in a stable order and without repeats. */
    static List<SpecChange> classify(ChangedOpenApi diff) {
        Objects.requireNonNull(diff, "diff == null");
        SpecChangeClassifier classifier = new SpecChangeClassifier();
        classifier.walk(diff);
        return List.copyOf(classifier.changes);
    }

    private void walk(ChangedOpenApi diff) {
        // An operation at a path with an API version in it is that version of the operation:
        // adding a version is a minor change, removing one (its users lose it) a major one.
        for (Endpoint endpoint : diff.getMissingEndpoints()) {
            String version = ApiVersions.of(endpoint.getPathUrl());
            breaking((version == null ? "Removed operation " : "Removed API version " + version
                    + ": operation ") + endpoint.getMethod() + " " + endpoint.getPathUrl());
        }
        for (Endpoint endpoint : diff.getNewEndpoints()) {
            String version = ApiVersions.of(endpoint.getPathUrl());
            compatible((version == null ? "Added operation " : "Added API version " + version
                    + ": operation ") + endpoint.getMethod() + " " + endpoint.getPathUrl());
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            operation(operation);
        }
        if (diff.isIncompatible() && changes.stream().noneMatch(SpecChange::breaking)) {
            breaking("An incompatible change that openapi-diff reports without details this gate"
                    + " can name; compare the two specs with openapi-diff to see it");
        }
    }

    private void operation(ChangedOperation operation) {
        String where = operation.getHttpMethod() + " " + operation.getPathUrl();
        if (operation.isDeprecated()) {
            compatible("Deprecated operation " + where);
        }
        parameters(operation.getParameters(), where);
        requestBody(operation.getRequestBody(), where);
        responses(operation.getApiResponses(), where);
        if (operation.getSecurityRequirements() != null
                && operation.getSecurityRequirements().isIncompatible()) {
            breaking("Changed the security requirements of " + where);
        }
    }

    private void parameters(ChangedParameters parameters, String where) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters.getMissing()) {
            breaking("Removed " + parameter.getIn() + " parameter " + parameter.getName() + " in " + where);
        }
        for (Parameter parameter : parameters.getIncreased()) {
            String what = parameter.getIn() + " parameter " + parameter.getName() + " in " + where;
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                breaking("Added required " + what);
            } else {
                compatible("Added optional " + what);
            }
        }
        for (ChangedParameter parameter : parameters.getChanged()) {
            parameter(parameter, where);
        }
    }

    private void parameter(ChangedParameter parameter, String where) {
        String name = parameter.getIn() + " parameter " + parameter.getName();
        if (parameter.isChangeRequired()) {
            if (Boolean.TRUE.equals(parameter.getNewParameter().getRequired())) {
                breaking("Made " + name + " required in " + where);
            } else {
                compatible("Made " + name + " optional in " + where);
            }
        }
        if (parameter.isChangeStyle() || parameter.isChangeExplode()) {
            breaking("Changed how " + name + " is serialized (style or explode) in " + where);
        }
        if (parameter.isChangeAllowEmptyValue() && parameter.isCoreChanged().isIncompatible()) {
            breaking("No longer allowed an empty value for " + name + " in " + where);
        }
        if (parameter.isDeprecated()) {
            compatible("Deprecated " + name + " in " + where);
        }
        schema(parameter.getSchema(), new Place(name, name + " field", where, true), "");
    }

    private void requestBody(ChangedRequestBody body, String where) {
        if (body == null) {
            return;
        }
        if (body.isChangeRequired()) {
            if (Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
                breaking("Made the request body required in " + where);
            } else {
                compatible("Made the request body optional in " + where);
            }
        }
        content(body.getContent(), new Place("request body", "request field", where, true));
    }

    private void responses(ChangedApiResponse responses, String where) {
        if (responses == null) {
            return;
        }
        for (String code : responses.getMissing().keySet()) {
            breaking("Removed response " + code + " in " + where);
        }
        for (String code : responses.getIncreased().keySet()) {
            compatible("Added response " + code + " in " + where);
        }
        for (Map.Entry<String, ChangedResponse> entry : responses.getChanged().entrySet()) {
            String at = where + ", response " + entry.getKey();
            headers(entry.getValue().getHeaders(), at);
            content(entry.getValue().getContent(), new Place("response body", "response field", at, false));
        }
    }

    private void headers(ChangedHeaders headers, String where) {
        if (headers == null) {
            return;
        }
        for (String name : headers.getMissing().keySet()) {
            breaking("Removed response header " + name + " in " + where);
        }
        for (String name : headers.getIncreased().keySet()) {
            compatible("Added response header " + name + " in " + where);
        }
        for (Map.Entry<String, ChangedHeader> entry : headers.getChanged().entrySet()) {
            String name = "response header " + entry.getKey();
            int before = breakingCount();
            schema(entry.getValue().getSchema(), new Place(name, name + " field", where, false), "");
            if (breakingCount() == before && entry.getValue().isIncompatible()) {
                breaking("Changed " + name + " incompatibly in " + where);
            }
        }
    }

    private void content(ChangedContent content, Place place) {
        if (content == null) {
            return;
        }
        for (String mediaType : content.getMissing().keySet()) {
            breaking("Removed media type " + mediaType + " of the " + place.root() + " in " + place.where());
        }
        for (String mediaType : content.getIncreased().keySet()) {
            compatible("Added media type " + mediaType + " of the " + place.root() + " in " + place.where());
        }
        for (ChangedMediaType mediaType : content.getChanged().values()) {
            schema(mediaType.getSchema(), place, "");
        }
    }

    private void schema(ChangedSchema schema, Place place, String path) {
        if (schema == null || !onPath.add(schema)) {
            return;
        }
        try {
            schemaItself(schema, place, path);
        } finally {
            onPath.remove(schema);
        }
    }

    private void schemaItself(ChangedSchema schema, Place place, String path) {
        String subject = place.subject(path);
        boolean sameType = type(schema.getOldSchema()).equals(type(schema.getNewSchema()));
        if (schema.isChangedType() && !sameType) {
            breaking("Changed type of " + subject + " from " + typeAndFormat(schema.getOldSchema())
                    + " to " + typeAndFormat(schema.getNewSchema()) + " in " + place.where());
        } else if (schema.isChangeFormat() || schema.isChangedType()) {
            // openapi-diff sees string and string/date-time as different types; so does Java.
            breaking("Changed format of " + subject + " from " + format(schema.getOldSchema())
                    + " to " + format(schema.getNewSchema()) + " in " + place.where());
        }
        if (schema.isDiscriminatorPropertyChanged()) {
            breaking("Changed the discriminator of " + subject + " in " + place.where());
        }

        for (String name : schema.getMissingProperties().keySet()) {
            breaking("Removed " + place.fields() + " " + join(path, name) + " in " + place.where());
        }
        for (String name : schema.getIncreasedProperties().keySet()) {
            String field = place.fields() + " " + join(path, name) + " in " + place.where();
            if (place.request() && required(schema.getNewSchema(), name)) {
                breaking("Added required " + field);
            } else if (place.request()) {
                compatible("Added optional " + field);
            } else {
                compatible("Added " + field);
            }
        }
        required(schema, place, path);
        enumeration(schema.getEnumeration(), place, subject);

        for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
            schema(property.getValue(), place, join(path, property.getKey()));
        }
        schema(schema.getItems(), place, path + "[]");
        schema(schema.getAddProp(), place, path + "{}");

        for (Changed other : List.of(
                nullSafe(schema.getReadOnly()), nullSafe(schema.getWriteOnly()),
                nullSafe(schema.getMaxLength()), nullSafe(schema.getMinLength()),
                nullSafe(schema.getNumericRange()), nullSafe(schema.getMultipleOf()),
                nullSafe(schema.getMaxItems()), nullSafe(schema.getMinItems()),
                nullSafe(schema.getUniqueItems()), nullSafe(schema.getPattern()),
                nullSafe(schema.getNullable()), nullSafe(schema.getOneOfSchema()),
                nullSafe(schema.getMaxProperties()), nullSafe(schema.getMinProperties()))) {
            if (other.isIncompatible()) {
                breaking("Narrowed " + constraint(other) + " of " + subject + " in " + place.where());
            }
        }
    }

    private void required(ChangedSchema schema, Place place, String path) {
        ChangedRequired required = schema.getRequired();
        if (required == null) {
            return;
        }
        for (String name : required.getIncreased()) {
            if (schema.getIncreasedProperties().containsKey(name)) {
                continue; // named above, as an added field
            }
            String field = place.fields() + " " + join(path, name);
            if (place.request()) {
                breaking("Made " + field + " required in " + place.where());
            } else {
                compatible("Made " + field + " always present in " + place.where());
            }
        }
        for (String name : required.getMissing()) {
            if (schema.getMissingProperties().containsKey(name)) {
                continue; // named above, as a removed field
            }
            String field = place.fields() + " " + join(path, name);
            if (place.request()) {
                compatible("Made " + field + " optional in " + place.where());
            } else {
                breaking("Made " + field + " optional (it may now be absent) in " + place.where());
            }
        }
    }

    private void enumeration(ChangedEnum<?> enumeration, Place place, String subject) {
        if (enumeration == null) {
            return;
        }
        for (Object value : enumeration.getMissing()) {
            String what = "Removed enum value " + value + " of " + subject + " in " + place.where();
            if (place.request()) {
                breaking(what);
            } else {
                compatible(what);
            }
        }
        for (Object value : enumeration.getIncreased()) {
            String what = "Added enum value " + value + " to " + subject + " in " + place.where();
            if (place.request()) {
                compatible(what);
            } else {
                breaking(what + " (a client that does not know it may fail)");
            }
        }
    }

    private static boolean required(Schema<?> schema, String property) {
        return schema != null && schema.getRequired() != null && schema.getRequired().contains(property);
    }

    private static String type(Schema<?> schema) {
        if (schema == null) {
            return "(none)";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return String.join("|", schema.getTypes());
        }
        return schema.get$ref() != null ? schema.get$ref() : "(no type)";
    }

    private static String typeAndFormat(Schema<?> schema) {
        return schema == null || schema.getFormat() == null
                ? type(schema) : type(schema) + " (" + schema.getFormat() + ")";
    }

    private static String format(Schema<?> schema) {
        return schema == null || schema.getFormat() == null ? "(no format)" : schema.getFormat();
    }

    private static String constraint(Changed changed) {
        String name = changed.getClass().getSimpleName().replaceFirst("^Changed", "");
        return name.isEmpty() ? "a constraint" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Changed nullSafe(Changed changed) {
        return changed == null ? Unchanged.INSTANCE : changed;
    }

    private int breakingCount() {
        return (int) changes.stream().filter(SpecChange::breaking).count();
    }

    private void breaking(String description) {
        add(SpecChange.breaking(description));
    }

    private void compatible(String description) {
        add(SpecChange.compatible(description));
    }

    private void add(SpecChange change) {
        if (seen.add(change.description())) {
            changes.add(change);
        }
    }

    /**
     * Where a schema sits: its root (such as "request body") and the words for its fields.
     */
    private record Place(String root, String fields, String where, boolean request) {

        String subject(String path) {
            return path.isEmpty() ? root : fields + " " + path;
        }
    }

    private enum Unchanged implements Changed {
        INSTANCE;

        @Override
        public org.openapitools.openapidiff.core.model.DiffResult isChanged() {
            return org.openapitools.openapidiff.core.model.DiffResult.NO_CHANGES;
        }
    }
}
