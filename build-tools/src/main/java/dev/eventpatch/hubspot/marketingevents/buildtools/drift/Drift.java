package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import java.util.Objects;

/**
 * One difference between our spec and HubSpot's description of the same operation.
 *
 * @param field the schema and field path, such as {@code PropertyValue.maskedSubstrings}
 * @param kind what changed, one of {@link Kind}
 * @param detail the values involved, such as {@code string -> integer}; may be empty
 * @param breaking whether the difference breaks this client
 * @param why the rule the classification follows, in a few words
 */
record Drift(String field, Kind kind, String detail, boolean breaking, String why) {

    Drift {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(detail, "detail == null");
        Objects.requireNonNull(why, "why == null");
    }

    /** The kinds of difference the drift watch reports; {@link #label()} is how they are written. */
    enum Kind {
        ADDED("added"),
        REMOVED("removed"),
        TYPE_CHANGED("type changed"),
        FORMAT_CHANGED("format changed"),
        ENUM_VALUES_ADDED("enum values added"),
        ENUM_VALUES_REMOVED("enum values removed"),
        ENUM_CLOSED("enum closed"),
        ENUM_OPENED("enum opened"),
        REQUIRED_ADDED("required added"),
        REQUIRED_REMOVED("required removed"),
        NULLABLE_CHANGED("nullable changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Kind fromLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind of difference '" + label + "'");
        }
    }

    /** The line printed for this difference. */
    String line() {
        return field + ": " + kind.label() + (detail.isEmpty() ? "" : " (" + detail + ")")
                + "; " + (breaking ? "BREAKING" : "not breaking") + " for this client: " + why;
    }
}
