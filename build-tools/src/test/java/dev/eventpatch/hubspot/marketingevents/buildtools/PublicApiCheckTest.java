package dev.eventpatch.hubspot.marketingevents.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the API of a small class, then compiles changed versions of it and checks them
 * against the record, as the extensions module's build does.
 */
class PublicApiCheckTest {

    private static final String V1 = """
            package sample;
            public final class Greeter {
                public String hello(String name) { return "Hello " + name; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anUnchangedApiMatchesItsRecord() throws IOException {
        Path api = dir.resolve("api/sample.api");
        assertThat(check(compile("v1", V1), api, true).status).isEqualTo(PublicApiCheck.MATCHES);

        Outcome outcome = check(compile("v1-again", V1), api, false);

        assertThat(outcome.status).isEqualTo(PublicApiCheck.MATCHES);
        assertThat(outcome.output).contains("the public API matches sample-module/api/sample.api");
    }

    @Test
    void recordsOneLinePerTypeAndMemberUnderAHeaderThatSaysHowToUpdate() throws IOException {
        Path api = dir.resolve("api/sample.api");

        check(compile("v1", V1), api, true);

        assertThat(Files.readString(api)).isEqualTo("""
                # Public API of sample: every public and protected type and member, one per line.
                # Checked on every build; after a deliberate change, record it with: \
                mvn -pl sample-module -am verify -Dapi.update=true

                public final class sample.Greeter {
                \tpublic Greeter()
                \tpublic java.lang.String hello(java.lang.String)
                }
                """);
    }

    @Test
    void anAddedMethodFailsWithTheDiffAndSaysItNeedsANewMinorVersion() throws IOException {
        Path api = dir.resolve("api/sample.api");
        check(compile("v1", V1), api, true);

        Outcome outcome = check(compile("v2", V1.replace("public String hello",
                "public String bye(String name) { return name; }\n    public String hello")), api, false);

        assertThat(outcome.status).isEqualTo(PublicApiCheck.DIFFERS);
        assertThat(outcome.errors)
                .contains("--- sample-module/api/sample.api (recorded)")
                .contains("+++ sample-module (built)")
                .contains("\n+\tpublic java.lang.String bye(java.lang.String)\n")
                .doesNotContain("\n-\t")
                .contains("FAILED: 0 line(s) removed or changed, 1 added")
                .contains("Run `mvn -pl sample-module -am verify -Dapi.update=true` to record it")
                .contains("This change needs a new minor version");
    }

    @Test
    void aRemovedMethodFailsAndSaysItNeedsANewMajorVersion() throws IOException {
        Path api = dir.resolve("api/sample.api");
        check(compile("v1", V1), api, true);

        Outcome outcome = check(compile("v2", """
                package sample;
                public final class Greeter {
                }
                """), api, false);

        assertThat(outcome.status).isEqualTo(PublicApiCheck.DIFFERS);
        assertThat(outcome.errors)
                .contains("\n-\tpublic java.lang.String hello(java.lang.String)\n")
                .contains("FAILED: 1 line(s) removed or changed, 0 added")
                .contains("This change needs a new major version");
    }

    @Test
    void aChangedSignatureCountsAsRemovedAndNeedsANewMajorVersion() throws IOException {
        Path api = dir.resolve("api/sample.api");
        check(compile("v1", V1), api, true);

        Outcome outcome = check(compile("v2", V1.replace("hello(String name)", "hello(CharSequence name)")),
                api, false);

        assertThat(outcome.status).isEqualTo(PublicApiCheck.DIFFERS);
        assertThat(outcome.errors)
                .contains("-\tpublic java.lang.String hello(java.lang.String)")
                .contains("+\tpublic java.lang.String hello(java.lang.CharSequence)")
                .contains("This change needs a new major version");
    }

    @Test
    void updatingRecordsTheChangeSoTheNextCheckPasses() throws IOException {
        Path api = dir.resolve("api/sample.api");
        check(compile("v1", V1), api, true);
        Path v2 = compile("v2", V1.replace("public final class", "public class"));

        Outcome update = check(v2, api, true);

        assertThat(update.status).isEqualTo(PublicApiCheck.MATCHES);
        assertThat(update.output).contains("recorded the public API in sample-module/api/sample.api"
                + " (1 line(s) removed or changed, 1 added: this change needs a new major version");
        assertThat(check(v2, api, false).status).isEqualTo(PublicApiCheck.MATCHES);
    }

    @Test
    void aModuleWithoutClassesHasAnApiOfOnlyTheHeader() throws IOException {
        Path api = dir.resolve("api/empty.api");

        assertThat(check(dir.resolve("target/classes"), api, true).status).isEqualTo(PublicApiCheck.MATCHES);

        assertThat(Files.readAllLines(api)).hasSize(2).allMatch(line -> line.startsWith("# "));
        assertThat(check(dir.resolve("target/classes"), api, false).status).isEqualTo(PublicApiCheck.MATCHES);
    }

    @Test
    void aMissingRecordFailsWithEveryLineAdded() {
        Outcome outcome = check(compile("v1", V1), dir.resolve("api/never-recorded.api"), false);

        assertThat(outcome.status).isEqualTo(PublicApiCheck.DIFFERS);
        assertThat(outcome.errors).contains("+public final class sample.Greeter {");
    }

    @Test
    void toleratesWindowsLineEndingsInTheRecord() throws IOException {
        Path api = dir.resolve("api/sample.api");
        Path classes = compile("v1", V1);
        check(classes, api, true);
        Files.writeString(api, Files.readString(api).replace("\n", "\r\n"));

        assertThat(check(classes, api, false).status).isEqualTo(PublicApiCheck.MATCHES);
    }

    @Test
    void cannotRunWithoutItsOptions() {
        Outcome outcome = run("--classes", dir.toString());

        assertThat(outcome.status).isEqualTo(PublicApiCheck.CANNOT_RUN);
        assertThat(outcome.errors).startsWith("Usage:");
        assertThat(run("--colour", "blue").errors).contains("unknown option --colour");
    }

    private Outcome check(Path classes, Path api, boolean update) {
        return run("--classes", classes.toString(), "--api", api.toString(), "--module", "sample-module",
                "--update", Boolean.toString(update));
    }

    private Path compile(String name, String source) {
        try {
            Path src = dir.resolve(name + "/src/sample/Greeter.java");
            Path out = dir.resolve(name + "/classes");
            Files.createDirectories(src.getParent());
            Files.createDirectories(out);
            Files.writeString(src, source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), src.toString()));
            assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of " + name).isZero();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PublicApiCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int status, String output, String errors) {
    }
}
