package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project version of the form {@code MAJOR.MINOR.PATCH}, with an optional qualifier such as
 * {@code -SNAPSHOT} that plays no part in the checks.
 *
 * <p>The project applies semantic versioning as written, also below 1.0: a breaking change
 * needs the next major version ({@code 0.4.2} needs {@code 1.0.0}), an addition the next minor
 * version. A 0.x release is no license to break consumers who pinned it.
 */
record Version(int major, int minor, int patch) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+.].*)?");

    static Version parse(String text) {
        Objects.requireNonNull(text, "text == null");
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Not a version of the form MAJOR.MINOR.PATCH[-qualifier]: '" + text + "'");
        }
        return new Version(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    Version nextMajor() {
        return new Version(major + 1, 0, 0);
    }

    Version nextMinor() {
        return new Version(major, minor + 1, 0);
    }

    /** Whether this version may carry breaking changes made since {@code baseline}. */
    boolean isNewMajorOver(Version baseline) {
        return major > baseline.major;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
