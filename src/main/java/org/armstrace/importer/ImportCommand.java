package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.armstrace.base.Translations;
import org.armstrace.graph.OfflineStores;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar armstrace.jar import --profile NAME|FILE.json [--dry-run] [--report FILE.csv|.xlsx] EXTRACT}:
 * the same import as the administration page, without the UI (a night job). Prints progress and
 * the totals; running the same command again after a crash resumes the import from its checkpoint.
 * Exit codes: 0 completed, 1 the file could not be imported, 2 wrong usage, 3 interrupted.
 */
@Component
public class ImportCommand {

    public static final String NAME = "import";

    private final RegistryImports imports;
    private final InitialLoad initialLoad;
    private final Translations translations;

    ImportCommand(RegistryImports imports, InitialLoad initialLoad, Translations translations) {
        this.imports = imports;
        this.initialLoad = initialLoad;
        this.translations = translations;
    }

    public int run(String[] args) {
        return run(args, System.out);
    }

    /** @return the process exit code; progress and the report go to {@code out} */
    public int run(String[] args, PrintStream out) {
        String profileArg = null;
        String reportArg = null;
        boolean dryRun = false;
        var positional = new ArrayList<String>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profileArg = i + 1 < args.length ? args[++i] : null;
                case "--report" -> reportArg = i + 1 < args.length ? args[++i] : null;
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (args[i].startsWith("--")) {
                        // Spring's own options (--spring.x=y, --armstrace.x=y) pass through
                        if (!args[i].contains("=")) {
                            return usage(out, "unknown option " + args[i]);
                        }
                    } else {
                        positional.add(args[i]);
                    }
                }
            }
        }
        if (profileArg == null || positional.size() != 1) {
            return usage(out, profileArg == null ? "--profile is required" : "name exactly one extract file");
        }
        Path file = Path.of(positional.getFirst());
        if (!Files.isRegularFile(file)) {
            return usage(out, "no such file: " + file);
        }
        actAsAdministrator();
        try {
            return importFile(file, profileArg, reportArg, dryRun, out);
        } catch (IOException e) {
            out.println("The import stopped: " + e.getMessage());
            return 3;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Imports the file (or resumes its import), prints the totals and writes the report; the exit code says how it ended. */
    private int importFile(Path file, String profileArg, String reportArg, boolean dryRun, PrintStream out) throws IOException {
        MappingProfile profile = profileOrSayWhy(profileArg, out);
        if (profile == null) {
            return 2;
        }
        RegistryImports.StoredFile stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = imports.store(file.getFileName().toString(), in);
        }
        out.printf("Importing %s (%,d bytes, sha256 %s) with profile %s%s%n", stored.fileName(), stored.size(),
                stored.sha256().substring(0, 12), profile.name(), dryRun ? " (dry run: nothing is written)" : "");
        imports.unfinished(stored, profile).ifPresent(b -> out.printf(
                "Resuming batch %s after line %d (%,d rows already committed)%n", b.id(), b.committedThrough(), b.read()));
        RegistryImports.Started started = imports.runNow(stored, profile, dryRun, progress(out));
        ImportBatch b = started.batch();
        if (started.repeated() && b.finished()) {
            out.printf("This file was already imported with this profile (batch %s, %s): nothing new.%n", b.id(), b.status());
        }
        summary(b, out);
        if (reportArg != null) {
            writeReport(b, reportArg, out);
        }
        return switch (b.status()) {
            case COMPLETED -> 0;
            case FAILED -> 1;
            default -> 3;
        };
    }

    /** The batch's issue report, as XLSX when the file name says so, else CSV. */
    private void writeReport(ImportBatch b, String reportArg, PrintStream out) throws IOException {
        Path report = Path.of(reportArg);
        try (OutputStream o = Files.newOutputStream(report)) {
            imports.writeReport(b.id(), reportArg.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? IssueReport.Format.XLSX : IssueReport.Format.CSV, Locale.ENGLISH, o);
        }
        out.println("Report: " + report.toAbsolutePath());
    }

    /**
     * {@code initial-load --profile NAME|FILE.json EXTRACT [--profile … EXTRACT]…}: the first load of
     * a new installation (see {@link InitialLoad}); a profile applies to the extracts after it, which
     * are loaded in the order given (people and organisations before what names them).
     * Exit codes: 0 loaded, 1 an extract could not be imported or the offline import failed, 2 wrong usage.
     */
    public int initialLoad(String[] args, PrintStream out) {
        actAsAdministrator();
        try {
            var inputs = new ArrayList<InitialLoad.Input>();
            MappingProfile profile = null;
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--profile")) {
                    if (i + 1 >= args.length) {
                        return initialUsage(out, "--profile needs a name");
                    }
                    String name = args[++i];
                    try {
                        profile = profileOrSayWhy(name, out);
                    } catch (IOException e) {
                        return initialUsage(out, "The profile " + name + " cannot be read: " + e.getMessage());
                    }
                    if (profile == null) {
                        return 2;
                    }
                } else if (args[i].startsWith("--")) {
                    if (!args[i].contains("=")) {
                        return initialUsage(out, "unknown option " + args[i]);
                    }
                } else if (profile == null) {
                    return initialUsage(out, "name a --profile before " + args[i]);
                } else if (!Files.isRegularFile(Path.of(args[i]))) {
                    return initialUsage(out, "no such file: " + args[i]);
                } else {
                    inputs.add(new InitialLoad.Input(Path.of(args[i]), profile));
                }
            }
            if (inputs.isEmpty()) {
                return initialUsage(out, "name at least one extract");
            }
            out.printf("First load of %s from %d extract(s)%n", initialLoad.target(), inputs.size());
            InitialLoad.Result r = initialLoad.load(inputs, progress(out), b -> summary(b, out));
            double total = r.stageSeconds() + r.offlineSeconds() + r.schemaSeconds();
            if (r.replacedInterrupted()) {
                out.println("An earlier first load was interrupted during the offline import; what it left was replaced.");
            }
            out.printf("Loaded %,d rows as %,d nodes and %,d relationships in %.1f s = %,.0f rows/s "
                            + "(reading, validating, matching %.1f s; offline import %.1f s; indexes %.1f s)%n",
                    r.rows(), r.nodes(), r.relationships(), total, r.rows() / total, r.stageSeconds(), r.offlineSeconds(),
                    r.schemaSeconds());
            out.println("Start the application on this data directory as usual.");
            return 0;
        } catch (InitialLoad.Refused e) {
            out.println(e.getMessage());
            return e.exitCode();
        } catch (OfflineStores.ImportFailed | UncheckedIOException e) {
            out.println("The first load stopped: " + e.getMessage());
            out.println("Run the same command again once the cause is fixed.");
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * What a first load ends with, on the new store once the application runs on it: the imported
     * lost/stolen reports are given their history and checked against the records, as an import
     * into the graph does after its last chunk ({@link RegistryImports#checkReports}). Exit code 0,
     * or 1 when the check stopped (the next import checks what is left).
     */
    public int checkReports(PrintStream out) {
        actAsAdministrator();
        try {
            var c = imports.checkReports();
            out.printf("Lost/stolen reports checked against the registry: %,d; %,d may be %,d record(s) on file%n",
                    c.reports(), c.matched(), c.links());
            return 0;
        } catch (RuntimeException e) {
            out.println("The lost/stolen check stopped: " + e.getMessage());
            out.println("The store is loaded; the next import checks the reports left unchecked.");
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The command line acts as an administrator, named after the operating-system user. */
    private static void actAsAdministrator() {
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "cli:" + System.getProperty("user.name", "unknown"), null, AuthorityUtils.createAuthorityList("ROLE_ADMIN"))));
    }

    /** A line of progress at most once a second, and at the end. */
    private static Consumer<RegistryImports.Progress> progress(PrintStream out) {
        long[] lastPrint = {0};
        return p -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] > 1_000_000_000L || p.fraction() >= 1) {
                lastPrint[0] = now;
                out.printf("progress %5.1f%%  %,d rows  %,.0f rows/s%n", p.fraction() * 100, p.rows(), p.rowsPerSecond());
            }
        };
    }

    /** The profile named (or in a JSON file); null after saying why it cannot be used. */
    private MappingProfile profileOrSayWhy(String arg, PrintStream out) throws IOException {
        MappingProfile profile;
        try {
            profile = profile(arg).orElse(null);
        } catch (MappingProfile.ProfileInvalid e) {
            out.println("The profile cannot be used: " + en(e.key(), e.argument()));
            return null;
        }
        if (profile == null) {
            out.println("No mapping profile " + arg + ". Known: "
                    + String.join(", ", imports.profiles().stream().map(MappingProfile::name).toList()));
        }
        return profile;
    }

    private static int initialUsage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: java -jar armstrace.jar initial-load --profile NAME|FILE.json EXTRACT [--profile NAME|FILE.json EXTRACT]...");
        return 2;
    }

    private void summary(ImportBatch b, PrintStream out) {
        out.printf("batch %s: %s%n", b.id(), b.status());
        out.printf("read %,d = accepted %,d + rejected %,d (%,d rows with warnings)%n", b.read(), b.accepted(),
                b.rejected(), b.warnings());
        out.println("rows: " + b.rowSummary());
        b.counts().forEach((k, v) -> out.printf("  %-22s %,d%n", k, v));
        if (b.status() == ImportBatch.Status.FAILED) {
            imports.issues(b.id(), 0, 20).stream().filter(i -> i.line() == 0 && i.severity() == Issue.Severity.REJECTED)
                    .forEach(i -> out.println("  " + en(i.messageKey(), i.args().toArray())));
        }
        long issues = imports.issueCount(b.id());
        if (issues > 0) {
            out.printf("%,d issue(s); first ones:%n", issues);
            imports.issues(b.id(), 0, 10).forEach(i -> out.printf("  line %d %s %s%s%n", i.line(), i.severity(),
                    i.column() == null ? "" : "[" + i.column() + "] ", en(i.messageKey(), i.args().toArray())));
        }
    }

    private String en(String key, Object... args) {
        return translations.getTranslation(key, Locale.ENGLISH, args);
    }

    /** A profile by name, or from a JSON file path. */
    private Optional<MappingProfile> profile(String arg) throws IOException {
        Path path = Path.of(arg);
        if (arg.endsWith(".json") && Files.isRegularFile(path)) {
            return Optional.of(MappingProfile.parse(Files.readString(path, StandardCharsets.UTF_8)));
        }
        return imports.profile(arg);
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: java -jar armstrace.jar import --profile NAME|FILE.json [--dry-run] [--report FILE.csv|FILE.xlsx] EXTRACT");
        return 2;
    }
}
