package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The breaking-change gate of the spec: compares the working spec with the spec of the last
 * release (the baseline) and fails when a change breaks clients while the project version is
 * not yet a new major version over the baseline's.
 *
 * <p>Each API version of the operation is judged on its own: its changes are printed under its
 * heading, each on a line of its own with the version it needs, for example:
 * <pre>
 *   API version v3: breaking; needs a new major version (0.1.0 -&gt; 1.0.0)
 *     Removed query parameter externalAccountId in PATCH /marketing/v3/...: breaking; needs a new major version (0.1.0 -&gt; 1.0.0)
 *   API version 2026-09: compatible; needs a new minor version (0.1.0 -&gt; 0.2.0)
 *     Added API version 2026-09: operation PATCH /marketing/marketing-events/2026-09/...: compatible; ...
 * </pre>
 * Adding a version is a minor change; removing one is a major change.
 *
 * <p>Usage: {@code SpecCompatibilityGate BASELINE_SPEC WORKING_SPEC BASELINE_VERSION PROJECT_VERSION}.
 * Exit status 0 when the change is allowed, 1 when it is not, 2 when the gate cannot run.
 */
public final class SpecCompatibilityGate {

    static final int ALLOWED = 0;
    static final int REFUSED = 1;
    static final int CANNOT_RUN = 2;

    /** The heading of changes whose description names no versioned path. */
    private static final String OTHER = "~other";

    private SpecCompatibilityGate() {
    }

    /**
     * Runs the gate and exits with its status.
     *
     * @param args baseline spec, working spec, baseline version, project version
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != ALLOWED) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 4) {
            err.println("Usage: SpecCompatibilityGate BASELINE_SPEC WORKING_SPEC BASELINE_VERSION PROJECT_VERSION");
            return CANNOT_RUN;
        }
        Path baselineSpec = Path.of(args[0]);
        Path workingSpec = Path.of(args[1]);
        Version baseline;
        Version project;
        try {
            baseline = Version.parse(args[2]);
            project = Version.parse(args[3]);
        } catch (IllegalArgumentException e) {
            err.println("Spec compatibility gate: " + e.getMessage());
            return CANNOT_RUN;
        }
        for (Path spec : List.of(baselineSpec, workingSpec)) {
            if (!Files.isRegularFile(spec)) {
                err.println("Spec compatibility gate: no spec at " + spec);
                return CANNOT_RUN;
            }
        }

        ChangedOpenApi diff;
        try {
            diff = OpenApiCompare.fromSpecifications(flattened(baselineSpec), flattened(workingSpec));
        } catch (RuntimeException e) {
            err.println("Spec compatibility gate: openapi-diff could not compare "
                    + baselineSpec + " with " + workingSpec + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        return judge(SpecChangeClassifier.classify(diff), baseline, project, args[3], out);
    }

    /** The spec with each allOf rewritten as the object it means (see {@link AllOfFlattener}). */
    private static OpenAPI flattened(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result =
                new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
        if (result == null || result.getOpenAPI() == null) {
            throw new IllegalArgumentException("cannot read " + spec
                    + (result == null ? "" : ": " + result.getMessages()));
        }
        return AllOfFlattener.flatten(result.getOpenAPI());
    }

    static int judge(List<SpecChange> changes, Version baseline, Version project, String projectVersion,
            PrintStream out) {
        String major = "needs a new major version (" + baseline + " -> " + baseline.nextMajor() + ")";
        String minor = "needs a new minor version (" + baseline + " -> " + baseline.nextMinor() + ")";
        long breaking = changes.stream().filter(SpecChange::breaking).count();

        if (changes.isEmpty()) {
            out.println("Spec compatibility gate: no change to the contract since the baseline of "
                    + baseline + ".");
            return ALLOWED;
        }
        out.println("Spec compatibility gate: " + changes.size() + " change(s) since the baseline of "
                + baseline + ":");
        // Judged per API version: each version's changes under its own heading, with its verdict.
        Map<String, List<SpecChange>> byVersion = new TreeMap<>();
        for (SpecChange change : changes) {
            String version = ApiVersions.inDescription(change.description());
            byVersion.computeIfAbsent(version == null ? OTHER : version, v -> new ArrayList<>())
                    .add(change);
        }
        for (Map.Entry<String, List<SpecChange>> entry : byVersion.entrySet()) {
            boolean versionBreaks = entry.getValue().stream().anyMatch(SpecChange::breaking);
            out.println("  " + (entry.getKey().equals(OTHER) ? "Not tied to an API version"
                    : "API version " + entry.getKey()) + ": "
                    + (versionBreaks ? "breaking; " + major : "compatible; " + minor));
            for (SpecChange change : entry.getValue()) {
                out.println("    " + change.description() + ": "
                        + (change.breaking() ? "breaking; " + major : "compatible; " + minor));
            }
        }
        if (breaking == 0) {
            out.println("Spec compatibility gate: passed; release these additions as a new minor"
                    + " version and list them in CHANGELOG.md.");
            return ALLOWED;
        }
        if (project.isNewMajorOver(baseline)) {
            out.println("Spec compatibility gate: passed; the project version " + projectVersion
                    + " is already a new major version over " + baseline
                    + ", so the breaking change(s) above are allowed. List them in CHANGELOG.md.");
            return ALLOWED;
        }
        out.println("Spec compatibility gate: FAILED: " + breaking + " breaking change(s) since the"
                + " baseline of " + baseline + ", and the project version " + projectVersion
                + " is not a new major version. Undo the change(s), or set the project version to "
                + baseline.nextMajor() + "-SNAPSHOT and list them in CHANGELOG.md"
                + " (see docs/regenerating.md, \"Regenerating when the spec changes\").");
        return REFUSED;
    }
}
