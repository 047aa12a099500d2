package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift watch against small documents written for it, shaped like HubSpot's published
 * description (JSON, the same operation): one per kind of difference, one with only description
 * and example changes, one without the operation; and the project's own spec with its accepted
 * differences.
 */
class SpecDriftTest {

    private static final String BASE = "hubspot-shaped";

    @Test
    void reportsNoDriftBetweenADocumentAndItself() {
        Outcome outcome = drift(fixture(BASE), fixture(BASE));

        assertThat(outcome.status).isEqualTo(SpecDrift.NO_DRIFT);
        assertThat(outcome.output).contains("Spec drift: none beyond the 0 accepted difference(s).");
    }

    @Test
    void ignoresChangesToDescriptionsSummariesAndExamples() {
        Outcome outcome = drift(fixture(BASE), fixture("descriptions-and-examples"));

        assertThat(outcome.status).isEqualTo(SpecDrift.NO_DRIFT);
        assertThat(outcome.output).doesNotContain("BREAKING").doesNotContain("not breaking");
    }

    @Test
    void namesAFieldHubSpotAddedAsNotBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("field-added"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output)
                .contains("  PropertyValue.maskedSubstrings: added (optional); not breaking for this client")
                .contains("1 difference(s) beyond the accepted ones, 0 breaking");
    }

    @Test
    void namesARemovedRequestFieldAsBreakingForAClientThatSendsIt() {
        Outcome outcome = drift(fixture(BASE), fixture("field-removed"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains("  MarketingEventUpdateRequestParams.eventUrl: removed;"
                + " BREAKING for this client: project policy: a removed request field or parameter"
                + " breaks a client that sends it");
    }

    @Test
    void namesAChangedTypeAsBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("type-changed"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains("  PropertyValue.updatedByUserId: type changed (integer -> string);"
                + " BREAKING for this client: HubSpot's definition: changing a field's data type is breaking");
    }

    @Test
    void namesAChangedFormatAsBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("format-changed"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains(
                "  PropertyValue.updatedByUserId: format changed (int32 -> int64); BREAKING for this client");
    }

    @Test
    void namesAddedEnumValuesAsNotBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("enum-values-added"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains(
                "  PropertyValue.dataSensitivity: enum values added (restricted); not breaking for this client");
    }

    @Test
    void namesRemovedEnumValuesOfARequestFieldAsBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("enum-values-removed"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains("  PropertyValue.dataSensitivity: enum values removed (high);"
                + " BREAKING for this client: HubSpot's definition: removing an accepted value of a"
                + " request field is breaking");
    }

    @Test
    void namesANewlyRequiredRequestFieldAsBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("required-added"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains(
                "  MarketingEventUpdateRequestParams.eventName: required added; BREAKING for this client");
    }

    @Test
    void namesAResponseFieldThatMayNowBeAbsentAsBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("required-removed"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains(
                "  MarketingEventPublicDefaultResponse.id: required removed; BREAKING for this client");
    }

    @Test
    void namesAResponseFieldThatMayNowBeNullAsBreaking() {
        Outcome outcome = drift(fixture(BASE), fixture("nullable-changed"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output)
                .contains("  MarketingEventPublicDefaultResponse.eventUrl: nullable changed (false -> true);"
                        + " BREAKING for this client")
                .doesNotContain("MarketingEventUpdateRequestParams.eventUrl");
    }

    @Test
    void cannotRunOnADocumentWithoutTheOperation() {
        Outcome outcome = drift(fixture(BASE), fixture("without-the-operation"));

        assertThat(outcome.status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(outcome.errors).contains("has no PATCH update-by-external-ids operation");
    }

    @Test
    void cannotRunOnADocumentThatIsNotOpenApi() {
        Outcome outcome = drift(fixture(BASE), fixture("not-openapi"));

        assertThat(outcome.status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(outcome.errors).contains("is not a readable OpenAPI document");
    }

    @Test
    void cannotRunWithoutTheFile() {
        Outcome outcome = drift(fixture(BASE), Path.of(fixture(BASE)).resolveSibling("absent.json").toString());

        assertThat(outcome.status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(outcome.errors).contains("no THEIRS file at").contains("absent.json");
    }

    @Test
    void cannotRunWithTheWrongArguments() {
        assertThat(run(fixture(BASE)).status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(run("--api-version").errors).contains("--api-version needs a value");
        assertThat(run("--verbose", fixture(BASE), fixture(BASE)).errors).contains("Unknown option --verbose");
    }

    @Test
    void ourSpecMatchesTheDescriptionOfEachVersionOnceTheAcceptedDifferencesApply() {
        Outcome at202609 = run("--accepted", accepted(), ourSpec(), fixture(BASE));
        Outcome atV3 = run("--accepted", accepted(), ourSpec(), fixture("hubspot-shaped-v3"));

        assertThat(at202609.status).as(at202609.output).isEqualTo(SpecDrift.NO_DRIFT);
        assertThat(at202609.output).startsWith("Spec drift at 2026-09:")
                .contains("  accepted: PropertyValue.source: enum closed")
                .contains("  accepted: responses.404: removed");
        assertThat(atV3.status).as(atV3.output).isEqualTo(SpecDrift.NO_DRIFT);
        assertThat(atV3.output).startsWith("Spec drift at v3:");
    }

    @Test
    void withoutTheAcceptedFileOurDeliberateDifferencesAreDrift() {
        Outcome outcome = drift(ourSpec(), fixture(BASE));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output)
                .contains("  PropertyValue.source: enum closed (14 values in THEIRS); BREAKING")
                .contains("  PropertyValue.unit: required added")
                .doesNotContain("PropertyValue.name: required added")
                .doesNotContain("PropertyValue.value: required added");
    }

    @Test
    void cannotRunWhenTheirsLacksTheNamedVersion() {
        Outcome at202609 = run("--accepted", accepted(), ourSpec(), fixture("hubspot-shaped-v3"),
                "--api-version", "2026-09");

        assertThat(at202609.status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(at202609.errors).contains("THEIRS").contains("has no PATCH update-by-external-ids"
                + " operation at version 2026-09; it has [v3]");
    }

    @Test
    void picksTheVersionTheOtherDocumentHoldsWhenOursHoldsSeveral() {
        Outcome outcome = run("--accepted", accepted(), ourSpec(), fixture("field-added"));

        assertThat(outcome.output).startsWith("Spec drift at 2026-09:")
                .contains("PropertyValue.maskedSubstrings: added (optional)");
        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
    }

    @Test
    void needsTheVersionNamedWhenTheirsHoldsSeveral() {
        Outcome unnamed = run(fixture(BASE), ourSpec());
        Outcome named = run("--api-version", "2026-09", fixture(BASE), ourSpec());

        assertThat(unnamed.status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(unnamed.errors).contains("several versions [2026-03, 2026-09, v3]")
                .contains("--api-version");
        assertThat(named.output).startsWith("Spec drift at 2026-09:");
        assertThat(named.status).isEqualTo(SpecDrift.DRIFT);
    }

    @Test
    void refusesAnAcceptedEntryWithoutAReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("accepted.yaml");
        Files.writeString(file, "accepted:\n  - field: PropertyValue.unit\n    change: removed\n");

        Outcome outcome = run("--accepted", file.toString(), fixture(BASE), fixture(BASE));

        assertThat(outcome.status).isEqualTo(SpecDrift.CANNOT_RUN);
        assertThat(outcome.errors).contains("entry 1 has no 'reason'");
    }

    @Test
    void acceptsOnlyAtTheVersionsAnEntryNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("accepted.yaml");
        Files.writeString(file, "accepted:\n"
                + "  - field: PropertyValue.maskedSubstrings\n    change: added\n    versions: [v3]\n"
                + "    reason: a test\n");

        Outcome outcome = run("--accepted", file.toString(), fixture(BASE), fixture("field-added"));

        assertThat(outcome.status).isEqualTo(SpecDrift.DRIFT);
        assertThat(outcome.output).contains("  PropertyValue.maskedSubstrings: added (optional)");
    }

    private static Outcome drift(String ours, String theirs) {
        return run(ours, theirs);
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SpecDrift.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(
                    SpecDriftTest.class.getResource("/drift-fixtures/" + name + ".json"), name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ourSpec() {
        return Objects.requireNonNull(System.getProperty("spec.path"), "spec.path (set by the build)");
    }

    private static String accepted() {
        return Objects.requireNonNull(System.getProperty("drift.accepted"), "drift.accepted (set by the build)");
    }

    private record Outcome(int status, String output, String errors) {
    }
}
