package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import dev.eventpatch.hubspot.marketingevents.buildtools.drift.Drift.Kind;
import java.util.Set;

/**
 * Whether a difference breaks this client: HubSpot's own breaking-change definition where it
 * speaks, the project's versioning policy where it does not. A schema reached both from the
 * request and from the response (the property value) is judged in both roles, and a change
 * that breaks either is breaking. docs/spec-drift.md holds the same table in prose.
 */
final class Classification {

    private static final String HUBSPOT = "HubSpot's definition: ";
    private static final String POLICY = "project policy: ";

    private Classification() {
    }

    /**
     * @param required for {@link Kind#ADDED}, whether the new field or parameter is required;
     *     for {@link Kind#NULLABLE_CHANGED}, whether THEIRS is nullable; unused otherwise
     */
    static Drift classify(String field, Kind kind, String detail, Set<Role> roles, boolean required) {
        Verdict verdict = null;
        for (Role role : roles) {
            Verdict v = judge(field, kind, role, required);
            if (verdict == null || (v.breaking && !verdict.breaking)) {
                verdict = v;
            }
        }
        if (verdict == null) {
            throw new IllegalArgumentException("a difference without a role: " + field);
        }
        return new Drift(field, kind, detail, verdict.breaking, verdict.why);
    }

    private static Verdict judge(String field, Kind kind, Role role, boolean flag) {
        boolean request = role == Role.REQUEST;
        boolean declaredResponse = field.matches("responses\\.[^.]+");
        boolean parameter = field.startsWith("parameters.");
        switch (kind) {
            case ADDED:
                if (declaredResponse) {
                    return no(POLICY + "the client maps any status it was not told about to its"
                            + " generic error");
                }
                if (request && flag) {
                    return yes(HUBSPOT + "a new required request " + (parameter ? "parameter" : "field")
                            + " is breaking");
                }
                return request ? no(HUBSPOT + "a new optional request field or parameter is not breaking")
                        : no(HUBSPOT + "a new response field is not breaking; the client ignores"
                                + " fields it does not know");
            case REMOVED:
                if (declaredResponse) {
                    return yes(HUBSPOT + "changing an error's status code is breaking");
                }
                return request ? yes(POLICY + "a removed request field or parameter breaks a client"
                        + " that sends it")
                        : yes(HUBSPOT + "removing a field from a response is breaking");
            case TYPE_CHANGED:
                return yes(HUBSPOT + "changing a field's data type is breaking");
            case FORMAT_CHANGED:
                return yes(POLICY + "a new format changes the generated Java type");
            case ENUM_VALUES_ADDED:
                return no(HUBSPOT + "new enumeration values are not breaking; the client reads"
                        + " values it does not know");
            case ENUM_VALUES_REMOVED:
                return request ? yes(HUBSPOT + "removing an accepted value of a request field is"
                        + " breaking")
                        : no(POLICY + "a value that no longer comes back needs no change");
            case ENUM_CLOSED:
                return request ? yes(POLICY + "a request value outside the new list would be refused")
                        : no(POLICY + "the client reads values it does not know");
            case ENUM_OPENED:
                return no(POLICY + "the client reads values it does not know");
            case REQUIRED_ADDED:
                return request ? yes(HUBSPOT + "a new required request field or parameter is"
                        + " breaking")
                        : no(POLICY + "a response field that is always present needs no change");
            case REQUIRED_REMOVED:
                return request ? no(POLICY + "a request field that became optional needs no change")
                        : yes(POLICY + "a response field that may now be absent breaks callers"
                                + " that rely on it");
            case NULLABLE_CHANGED:
                if (flag) {
                    return request ? no(POLICY + "a request field that also accepts null needs no"
                            + " change")
                            : yes(POLICY + "a response field that may now be null breaks callers"
                                    + " that rely on it");
                }
                return request ? yes(POLICY + "a request field that no longer accepts null breaks"
                        + " a client that sends null")
                        : no(POLICY + "a response field that is never null needs no change");
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static Verdict yes(String why) {
        return new Verdict(true, why);
    }

    private static Verdict no(String why) {
        return new Verdict(false, why);
    }

    private record Verdict(boolean breaking, String why) {
    }
}
