package dev.eventpatch.hubspot.marketingevents.buildtools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The public-API gate of a module: compares the API of its compiled classes with the snapshot
 * committed in its {@code api/} folder, and fails with a diff when they differ. With
 * {@code --update true} it records the API instead.
 *
 * <p>Usage: {@code PublicApiCheck --classes DIR --api FILE --module DIR --update true|false
 * [--exclude-package PACKAGE]...}. Exit status 0 when the API matches (or was recorded), 1 when
 * it differs, 2 when the check cannot run.
 */
public final class PublicApiCheck {

    static final int MATCHES = 0;
    static final int DIFFERS = 1;
    static final int CANNOT_RUN = 2;

    private PublicApiCheck() {
    }

    /**
     * Runs the check and exits with its status.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != MATCHES) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path classes = null;
        Path api = null;
        String module = null;
        boolean update = false;
        List<String> excluded = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--classes" -> classes = Path.of(args[i + 1]);
                case "--api" -> api = Path.of(args[i + 1]);
                case "--module" -> module = args[i + 1];
                case "--update" -> update = Boolean.parseBoolean(args[i + 1].trim());
                case "--exclude-package" -> excluded.add(args[i + 1]);
                default -> {
                    err.println("Public API check: unknown option " + args[i]);
                    return CANNOT_RUN;
                }
            }
        }
        if (args.length % 2 != 0 || classes == null || api == null || module == null) {
            err.println("Usage: PublicApiCheck --classes DIR --api FILE --module DIR --update true|false"
                    + " [--exclude-package PACKAGE]...");
            return CANNOT_RUN;
        }

        String updateCommand = "mvn -pl " + module + " -am verify -Dapi.update=true";
        String apiName = module + "/api/" + api.getFileName();
        List<String> built = new ArrayList<>(header(api, updateCommand));
        built.addAll(PublicApiDump.dump(classes, excluded));
        trimTrailingBlankLines(built);
        List<String> recorded;
        try {
            recorded = Files.exists(api) ? lines(Files.readString(api, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException e) {
            err.println("Public API check: cannot read " + api + ": " + e.getMessage());
            return CANNOT_RUN;
        }

        LineDiff diff = LineDiff.between(recorded, built);
        String verdict = diff.removed() > 0
                ? "needs a new major version (lines removed or changed)"
                : "needs a new minor version (lines added only)";
        if (update) {
            try {
                Files.createDirectories(api.toAbsolutePath().getParent());
                Files.writeString(api, String.join("\n", built) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("Public API check: cannot write " + api + ": " + e.getMessage());
                return CANNOT_RUN;
            }
            out.println("Public API check: recorded the public API in " + apiName
                    + (diff.isEmpty() ? " (unchanged)." : " (" + diff.removed() + " line(s) removed or changed, "
                    + diff.added() + " added: this change " + verdict + ")."));
            return MATCHES;
        }
        if (diff.isEmpty()) {
            out.println("Public API check: the public API matches " + apiName + ".");
            return MATCHES;
        }
        err.println("Public API check: the public API differs from " + apiName + ":");
        diff.unified(apiName + " (recorded)", module + " (built)").forEach(err::println);
        err.println("Public API check: FAILED: " + diff.removed() + " line(s) removed or changed, "
                + diff.added() + " added. Run `" + updateCommand + "` to record it; removing or changing"
                + " a line needs a new major version, adding lines a new minor version."
                + " This change " + verdict + ".");
        return DIFFERS;
    }

    private static List<String> header(Path api, String updateCommand) {
        String artifact = api.getFileName().toString().replaceFirst("\\.api$", "");
        return List.of(
                "# Public API of " + artifact + ": every public and protected type and member, one per line.",
                "# Checked on every build; after a deliberate change, record it with: " + updateCommand,
                "");
    }

    private static List<String> lines(String text) {
        String normalized = text.replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(Arrays.asList(normalized.split("\n", -1)));
        trimTrailingBlankLines(lines);
        return lines;
    }

    private static void trimTrailingBlankLines(List<String> lines) {
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
    }
}
