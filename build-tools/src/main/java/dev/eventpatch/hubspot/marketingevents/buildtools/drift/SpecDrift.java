package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drift watch: compares the project's spec (OURS) with HubSpot's published OpenAPI
 * description (THEIRS), for the PATCH update-by-external-ids operation only, and names every
 * difference with whether it breaks this client.
 *
 * <p>Usage: {@code java -jar spec-drift.jar [--accepted FILE] [--api-version V] OURS THEIRS}.
 * Both documents may be YAML or JSON. The operation is found whatever the version prefix of its
 * path; when a document holds it at several versions, {@code --api-version} picks one, and by
 * default the version THEIRS holds is taken (or the only one).
 *
 * <p>Exit status: 0 when nothing drifted beyond the accepted differences, 1 when something did,
 * 2 when the comparison cannot run (missing file, unreadable document, no such operation).
 */
public final class SpecDrift {

    static final int NO_DRIFT = 0;
    static final int DRIFT = 1;
    static final int CANNOT_RUN = 2;

    private static final String USAGE =
            "Usage: java -jar spec-drift.jar [--accepted FILE] [--api-version V] OURS THEIRS";

    private SpecDrift() {
    }

    /**
     * Runs the drift watch and exits with its status.
     *
     * @param args {@code [--accepted FILE] [--api-version V] OURS THEIRS}
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path acceptedFile = null;
        String wanted = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accepted", "--api-version" -> {
                    if (i + 1 >= args.length) {
                        err.println(args[i] + " needs a value.\n" + USAGE);
                        return CANNOT_RUN;
                    }
                    if (args[i].equals("--accepted")) {
                        acceptedFile = Path.of(args[++i]);
                    } else {
                        wanted = args[++i];
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("Unknown option " + args[i] + ".\n" + USAGE);
                        return CANNOT_RUN;
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.size() != 2) {
            err.println(USAGE);
            return CANNOT_RUN;
        }

        try {
            AcceptedDrifts accepted = acceptedFile == null ? AcceptedDrifts.NONE
                    : AcceptedDrifts.read(existing(acceptedFile, "accepted differences"));
            Path oursPath = existing(Path.of(positional.get(0)), "OURS");
            Path theirsPath = existing(Path.of(positional.get(1)), "THEIRS");
            OpenAPI ours = parse(oursPath, "OURS");
            OpenAPI theirs = parse(theirsPath, "THEIRS");
            Map<String, UpdateOperation> oursOperations = UpdateOperation.find(ours);
            Map<String, UpdateOperation> theirsOperations = UpdateOperation.find(theirs);
            String version = chooseVersion(wanted, oursOperations, theirsOperations, theirsPath);
            UpdateOperation o = pick(oursOperations, version, "OURS", oursPath);
            UpdateOperation t = pick(theirsOperations, version, "THEIRS", theirsPath);

            List<Drift> drifts = DriftComparator.compare(ours, o, theirs, t);
            return report(drifts, accepted, version, o, t, out);
        } catch (CannotRun | IOException | IllegalArgumentException e) {
            err.println("Spec drift: cannot compare: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    private static int report(List<Drift> drifts, AcceptedDrifts accepted, String version,
            UpdateOperation o, UpdateOperation t, PrintStream out) {
        out.println("Spec drift at " + version + ": OURS PATCH " + o.path() + " against THEIRS PATCH "
                + t.path());
        List<Drift> open = new ArrayList<>();
        int acceptedCount = 0;
        for (Drift drift : drifts) {
            AcceptedDrifts.Entry entry = accepted.accepting(drift, version);
            if (entry == null) {
                open.add(drift);
            } else {
                acceptedCount++;
                out.println("  accepted: " + drift.field() + ": " + drift.kind().label());
            }
        }
        for (AcceptedDrifts.Entry entry : accepted.unused(drifts, version)) {
            out.println("  note: no difference at " + version + " matched the accepted '" + entry
                    + "'; if HubSpot's description no longer differs there, the entry can go");
        }
        for (Drift drift : open) {
            out.println("  " + drift.line());
        }
        if (open.isEmpty()) {
            out.println("Spec drift: none beyond the " + acceptedCount + " accepted difference(s).");
            return NO_DRIFT;
        }
        long breaking = open.stream().filter(Drift::breaking).count();
        out.println("Spec drift: " + open.size() + " difference(s) beyond the accepted ones, "
                + breaking + " breaking for this client. Update the spec (docs/spec-drift.md), or"
                + " list a deliberate difference, with its reason, in the accepted file.");
        return DRIFT;
    }

    private static String chooseVersion(String wanted, Map<String, UpdateOperation> ours,
            Map<String, UpdateOperation> theirs, Path theirsPath) throws CannotRun {
        if (theirs.isEmpty()) {
            throw new CannotRun("THEIRS (" + theirsPath + ") has no PATCH update-by-external-ids"
                    + " operation (…/events/{externalEventId})");
        }
        if (wanted != null) {
            return wanted;
        }
        if (theirs.size() == 1) {
            return theirs.keySet().iterator().next();
        }
        throw new CannotRun("THEIRS holds the operation at several versions " + theirs.keySet()
                + "; choose one with --api-version");
    }

    private static UpdateOperation pick(Map<String, UpdateOperation> operations, String version,
            String which, Path path) throws CannotRun {
        UpdateOperation operation = operations.get(version);
        if (operation == null) {
            throw new CannotRun(which + " (" + path + ") has no PATCH update-by-external-ids"
                    + " operation at version " + version
                    + (operations.isEmpty() ? "" : "; it has " + operations.keySet()));
        }
        return operation;
    }

    private static Path existing(Path path, String what) throws CannotRun {
        if (!Files.isRegularFile(path)) {
            throw new CannotRun("no " + what + " file at " + path);
        }
        return path;
    }

    private static OpenAPI parse(Path path, String which) throws IOException, CannotRun {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // $refs are followed by the comparison, which keeps their names
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(Files.readString(path, StandardCharsets.UTF_8), null, options);
        if (result == null || result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
            String why = result == null || result.getMessages() == null || result.getMessages().isEmpty()
                    ? "not an OpenAPI 3 document" : String.join("; ", result.getMessages());
            throw new CannotRun(which + " (" + path + ") is not a readable OpenAPI document: " + why);
        }
        return result.getOpenAPI();
    }

    /** The comparison cannot run; the message says why. */
    private static final class CannotRun extends Exception {
        private static final long serialVersionUID = 1L;

        CannotRun(String message) {
            super(message);
        }
    }
}
