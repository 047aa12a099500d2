package dev.eventpatch.hubspot.marketingevents.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SpecCompatibilityGateTest {

    private static final String OPERATION = "PATCH /marketing/v3/marketing-events/events/{externalEventId}";
    private static final String NEEDS_MAJOR = "breaking; needs a new major version (0.1.0 -> 1.0.0)";
    private static final String NEEDS_MINOR = "compatible; needs a new minor version (0.1.0 -> 0.2.0)";

    @Test
    void passesAnUnchangedSpec() {
        Outcome outcome = gate("baseline", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output).contains("no change to the contract since the baseline of 0.1.0");
    }

    @Test
    void passesAChangedDescription() {
        Outcome outcome = gate("changed-description-only", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output).contains("no change to the contract");
    }

    @Test
    void passesAnAddedOptionalRequestFieldAndSaysItNeedsANewMinorVersion() {
        Outcome outcome = gate("added-optional-request-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output)
                .contains("Added optional request field venue in " + OPERATION + ": " + NEEDS_MINOR)
                .doesNotContain("breaking");
    }

    @Test
    void passesAnAddedResponseField() {
        Outcome outcome = gate("added-response-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output)
                .contains("Added response field venue in " + OPERATION + ", response 200: " + NEEDS_MINOR)
                .doesNotContain("breaking");
    }

    @Test
    void failsOnARemovedRequestField() {
        Outcome outcome = gate("removed-request-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("Removed request field eventName in " + OPERATION + ": " + NEEDS_MAJOR)
                .contains("FAILED: 1 breaking change(s)");
    }

    @Test
    void failsOnARemovedFieldOfARequestArrayItem() {
        Outcome outcome = gate("removed-nested-request-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("Removed request field customProperties[].sourceId in " + OPERATION + ": " + NEEDS_MAJOR);
    }

    @Test
    void failsOnARemovedQueryParameter() {
        Outcome outcome = gate("removed-query-parameter", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("Removed query parameter externalAccountId in " + OPERATION + ": " + NEEDS_MAJOR);
    }

    @Test
    void failsOnARenamedQueryParameterNamingBothHalves() {
        Outcome outcome = gate("renamed-query-parameter", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("Removed query parameter externalAccountId in " + OPERATION + ": " + NEEDS_MAJOR)
                .contains("Added required query parameter accountId in " + OPERATION + ": " + NEEDS_MAJOR)
                .contains("FAILED: 2 breaking change(s)");
    }

    @Test
    void failsOnANewlyRequiredRequestField() {
        Outcome outcome = gate("newly-required-request-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("Made request field eventName required in " + OPERATION + ": " + NEEDS_MAJOR);
    }

    @Test
    void failsOnAChangedType() {
        Outcome outcome = gate("changed-request-field-type", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output).contains("Changed type of request field eventCancelled from boolean to string in "
                + OPERATION + ": " + NEEDS_MAJOR);
    }

    @Test
    void failsOnAChangedFormatBecauseTheGeneratedJavaTypeChanges() {
        Outcome outcome = gate("changed-request-field-format", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output).contains("Changed format of request field startDateTime from date-time to"
                + " (no format) in " + OPERATION + ": " + NEEDS_MAJOR);
    }

    @Test
    void failsOnARemovedResponseField() {
        Outcome outcome = gate("removed-response-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("Removed response field objectId in " + OPERATION + ", response 200: " + NEEDS_MAJOR);
    }

    @Test
    void failureSaysWhichVersionToSetAndWhereToReadOn() {
        Outcome outcome = gate("removed-query-parameter", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.output).contains("the project version 0.1.0-SNAPSHOT is not a new major version")
                .contains("set the project version to 1.0.0-SNAPSHOT")
                .contains("CHANGELOG.md")
                .contains("docs/regenerating.md")
                .contains("Regenerating when the spec changes");
    }

    @Test
    void allowsABreakingChangeOnceTheProjectIsANewMajorVersion() {
        Outcome outcome = gate("removed-query-parameter", "0.1.0", "1.0.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output)
                .contains("Removed query parameter externalAccountId in " + OPERATION + ": " + NEEDS_MAJOR)
                .contains("1.0.0-SNAPSHOT is already a new major version over 0.1.0");
    }

    @Test
    void belowOneANewMinorVersionIsNotEnoughForABreakingChange() {
        Outcome outcome = gate("removed-query-parameter", "0.3.1", "0.4.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output).contains("breaking; needs a new major version (0.3.1 -> 1.0.0)");
    }

    @Test
    void fromOneOnABreakingChangeNeedsTheNextMajorVersion() {
        assertThat(gate("removed-query-parameter", "1.2.0", "1.3.0-SNAPSHOT").status)
                .isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(gate("removed-query-parameter", "1.2.0", "1.3.0-SNAPSHOT").output)
                .contains("needs a new major version (1.2.0 -> 2.0.0)");
        assertThat(gate("removed-query-parameter", "1.2.0", "2.0.0").status)
                .isEqualTo(SpecCompatibilityGate.ALLOWED);
    }

    @Test
    void comparesABodyThatExtendsTheSharedOneThroughAllOfFieldByField() {
        Outcome outcome = gate("added-request-field-through-allof", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output)
                .contains("Added optional request field venue in " + OPERATION + ": " + NEEDS_MINOR)
                .doesNotContain("Changed")
                .doesNotContain("breaking");
    }

    @Test
    void passesAnAddedApiVersionAndSaysItNeedsANewMinorVersion() {
        Outcome outcome = gate("added-version", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.ALLOWED);
        assertThat(outcome.output)
                .contains("  API version 2026-09: " + NEEDS_MINOR)
                .contains("    Added API version 2026-09: operation PATCH "
                        + "/marketing/marketing-events/2026-09/events/{externalEventId}: " + NEEDS_MINOR)
                .doesNotContain("API version v3")
                .doesNotContain("breaking");
    }

    @Test
    void failsOnARemovedApiVersionEvenWhenAnotherIsAdded() {
        Outcome outcome = gate("replaced-version", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.REFUSED);
        assertThat(outcome.output)
                .contains("  API version v3: " + NEEDS_MAJOR)
                .contains("    Removed API version v3: operation " + OPERATION + ": " + NEEDS_MAJOR)
                .contains("  API version 2026-09: " + NEEDS_MINOR)
                .contains("FAILED: 1 breaking change(s)");
    }

    @Test
    void judgesEachVersionUnderItsOwnHeading() {
        Outcome outcome = gate("removed-request-field", "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.output).contains("  API version v3: " + NEEDS_MAJOR + "\n"
                + "    Removed request field eventName in " + OPERATION + ": " + NEEDS_MAJOR);
    }

    @Test
    void cannotRunWithoutBothSpecs() {
        Outcome outcome = run(fixture("baseline").toString(), fixture("baseline").resolveSibling("absent.yaml").toString(),
                "0.1.0", "0.1.0-SNAPSHOT");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.CANNOT_RUN);
        assertThat(outcome.errors).contains("no spec at").contains("absent.yaml");
    }

    @Test
    void cannotRunWithAVersionThatIsNotSemantic() {
        Outcome outcome = run(fixture("baseline").toString(), fixture("baseline").toString(), "latest", "0.1.0");

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.CANNOT_RUN);
        assertThat(outcome.errors).contains("'latest'");
    }

    @Test
    void cannotRunWithTheWrongNumberOfArguments() {
        Outcome outcome = run(fixture("baseline").toString());

        assertThat(outcome.status).isEqualTo(SpecCompatibilityGate.CANNOT_RUN);
        assertThat(outcome.errors).startsWith("Usage:");
    }

    private static Outcome gate(String workingFixture, String baselineVersion, String projectVersion) {
        return run(fixture("baseline").toString(), fixture(workingFixture).toString(), baselineVersion, projectVersion);
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SpecCompatibilityGate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(
                    SpecCompatibilityGateTest.class.getResource("/spec-fixtures/" + name + ".yaml"), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(int status, String output, String errors) {
    }
}
