package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.util.Objects;

/**
 * One change between the baseline spec and the working spec, in words.
 *
 * @param breaking whether a client built against the baseline can break on it
 * @param description what changed and where, such as
 *     {@code Removed query parameter externalAccountId in PATCH /events/{id}}
 */
record SpecChange(boolean breaking, String description) {

    SpecChange {
        Objects.requireNonNull(description, "description == null");
    }

    static SpecChange breaking(String description) {
        return new SpecChange(true, description);
    }

    static SpecChange compatible(String description) {
        return new SpecChange(false, description);
    }
}
