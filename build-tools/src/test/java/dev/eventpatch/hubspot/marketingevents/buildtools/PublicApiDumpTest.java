package dev.eventpatch.hubspot.marketingevents.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.buildtools.apifixture.Widget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists the fixture classes of the apifixture package, compiled with the test sources. */
class PublicApiDumpTest {

    private static final String PKG = "dev.eventpatch.hubspot.marketingevents.buildtools.apifixture";

    @TempDir
    static Path classes;

    @BeforeAll
    static void copyFixtureClasses() throws Exception {
        Path compiled = Path.of(Widget.class.getResource("Widget.class").toURI()).getParent();
        Path target = classes.resolve(PKG.replace('.', '/'));
        try (Stream<Path> files = Files.walk(compiled)) {
            files.forEach(source -> copy(source, target.resolve(compiled.relativize(source).toString())));
        }
    }

    @Test
    void listsAGenericClassWithItsPublicAndProtectedMembersInOrder() {
        assertThat(block("public class " + PKG + ".Widget<")).containsExactly(
                "public class " + PKG + ".Widget<T extends java.lang.Comparable<T>> implements java.lang.Iterable<T> {",
                "\tpublic static final java.lang.String NAME",
                "\tprotected int count",
                "\tprotected Widget(int)",
                "\tpublic Widget()",
                "\tpublic java.util.List<T> items(java.util.Map<java.lang.String, ? super T>) throws java.io.IOException",
                "\tpublic java.util.Iterator<T> iterator()",
                "\tpublic static <E> " + PKG + ".Widget<?> of(E...)",
                "\tprotected void onChange()",
                "\tpublic java.lang.Runnable task()",
                "}");
    }

    @Test
    void listsPublicNestedTypesAndProtectedOnesOfSubclassableClasses() {
        assertThat(block("public static final class " + PKG + ".Widget$Builder")).containsExactly(
                "public static final class " + PKG + ".Widget$Builder {",
                "\tpublic Builder()",
                "\tpublic " + PKG + ".Widget$Builder size(int)",
                "}");
        assertThat(block("protected static class " + PKG + ".Widget$Extension")).containsExactly(
                "protected static class " + PKG + ".Widget$Extension {",
                "\tprotected Extension()",
                "\tpublic void hook()",
                "}");
    }

    @Test
    void leavesOutWhatCallersCannotReach() {
        String all = String.join("\n", dump());

        assertThat(all)
                .doesNotContain("packageField").doesNotContain("secret")
                .doesNotContain("packageMethod").doesNotContain("privateMethod")
                .doesNotContain("Widget(java.lang.String)")
                .doesNotContain("Widget$Hidden").doesNotContain("notApi")
                .doesNotContain("Widget$1")
                .doesNotContain(".Internal")
                .doesNotContain("unreachable").doesNotContain("Sealed$Unreachable")
                .doesNotContain("compareTo(java.lang.Object)");
    }

    @Test
    void listsAFinalClassWithoutItsBridgeMethodButWithAVolatileField() {
        assertThat(block("public final class " + PKG + ".Sealed")).containsExactly(
                "public final class " + PKG + ".Sealed implements java.lang.Comparable<" + PKG + ".Sealed> {",
                "\tpublic long version",
                "\tpublic int compareTo(" + PKG + ".Sealed)",
                "}");
    }

    @Test
    void listsEnumsInterfacesRecordsAndAnnotations() {
        assertThat(block("public enum " + PKG + ".Color")).containsExactly(
                "public enum " + PKG + ".Color {",
                "\tpublic static final " + PKG + ".Color GREEN",
                "\tpublic static final " + PKG + ".Color RED",
                "\tpublic java.lang.String label()",
                "\tpublic static " + PKG + ".Color valueOf(java.lang.String)",
                "\tpublic static " + PKG + ".Color[] values()",
                "}");
        assertThat(block("public interface " + PKG + ".Listener")).containsExactly(
                "public interface " + PKG + ".Listener extends java.util.EventListener {",
                "\tpublic static " + PKG + ".Listener noop()",
                "\tpublic default void off()",
                "\tpublic void on(java.lang.String) throws java.lang.Exception",
                "}");
        assertThat(block("public record " + PKG + ".Point")).contains(
                "\tpublic Point(int, int)", "\tpublic int x()", "\tpublic int y()");
        assertThat(block("public @interface " + PKG + ".Marker")).containsExactly(
                "public @interface " + PKG + ".Marker {",
                "\tpublic java.lang.String value()",
                "}");
    }

    @Test
    void sortsTypesByNameAndSeparatesThemWithABlankLine() {
        List<String> headers = dump().stream().filter(line -> line.endsWith("{")).toList();

        assertThat(headers).extracting(PublicApiDumpTest::typeName).isSorted();
        assertThat(dump()).contains("").last().isEqualTo("");
    }

    @Test
    void leavesOutExcludedPackages() {
        assertThat(String.join("\n", dump())).contains(PKG + ".internal.Helper");
        assertThat(String.join("\n", PublicApiDump.dump(classes, List.of(PKG + ".internal"))))
                .doesNotContain("Helper")
                .contains(PKG + ".Widget");
    }

    @Test
    void listsNothingForAModuleWithoutClasses(@TempDir Path empty) {
        assertThat(PublicApiDump.dump(empty, List.of())).isEmpty();
        assertThat(PublicApiDump.dump(empty.resolve("classes-never-compiled"), List.of())).isEmpty();
    }

    private static List<String> dump() {
        return PublicApiDump.dump(classes, List.of());
    }

    private static List<String> block(String headerStart) {
        List<String> lines = dump();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(headerStart)) {
                start = i;
                break;
            }
        }
        assertThat(start).as("a type starting with %s", headerStart).isNotNegative();
        return lines.subList(start, indexOfClose(lines, start) + 1);
    }

    private static int indexOfClose(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals("}")) {
                return i;
            }
        }
        throw new AssertionError("no closing brace after line " + from);
    }

    private static String typeName(String header) {
        String name = Stream.of(header.split(" ")).filter(word -> word.startsWith(PKG)).findFirst().orElse(header);
        return name.replaceFirst("<.*", "");
    }

    private static void copy(Path source, Path target) {
        try {
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
