package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API version in a path of the spec: {@code v3} in the legacy form, a date in the dated one. */
final class ApiVersions {

    /** Legacy {@code /marketing/v3/marketing-events/…}, dated {@code /marketing/marketing-events/2026-09/…}. */
    private static final Pattern VERSIONED = Pattern.compile(
            "/marketing/(?:(v\\d+)/marketing-events|marketing-events/(\\d{4}-\\d{2}))(?:/.*)?");

    private ApiVersions() {
    }

    /** The version in {@code path}, or null when the path has none. */
    static String of(String path) {
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The version named in a change's description (which names the path), or null. */
    static String inDescription(String description) {
        Matcher m = Pattern.compile("(/marketing/\\S+)").matcher(description);
        return m.find() ? of(m.group(1).replaceAll("[:,]$", "")) : null;
    }
}
