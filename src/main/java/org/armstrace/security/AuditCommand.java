package org.armstrace.security;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.armstrace.base.Translations;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar armstrace.jar audit-verify [--anchors <file>]}: prints whether the audit chain is
 * intact, checked against the anchors in the data directory or, with {@code --anchors}, against a
 * copy of them kept elsewhere (which an insider on this machine could not have edited).
 */
@Component
public class AuditCommand {

    public static final String NAME = "audit-verify";

    private final AuditLog audit;
    private final AuditAnchors anchors;
    private final Translations translations;

    AuditCommand(AuditLog audit, AuditAnchors anchors, Translations translations) {
        this.audit = audit;
        this.anchors = anchors;
        this.translations = translations;
    }

    /** @return the process exit code: 0 intact, 1 broken */
    public int run() {
        return run(new String[0]);
    }

    /** @return the process exit code: 0 intact, 1 broken, 2 when the given anchors file does not exist */
    public int run(String[] args) {
        return run(args, System.out);
    }

    /**
     * Prints the verdict to {@code out}.
     *
     * @return the process exit code: 0 intact, 1 broken, 2 when the given anchors file does not exist
     */
    public int run(String[] args, PrintStream out) {
        Path file = anchorsArgument(args);
        if (file == null) {
            file = anchors.file();
        } else if (!Files.isRegularFile(file)) {
            out.println("The anchors file " + file + " does not exist.");
            return 2;
        }
        AuditChainReport report = audit.verifyChain(file);
        String anchorsLine = report.anchorsChecked() + " anchor(s) checked in " + file + ".";
        if (report.intact()) {
            out.println("Audit chain intact: " + report.eventsChecked() + " event(s) verified.");
            if (report.legacySealed() > 0) {
                out.println(report.legacySealed() + " legacy events sealed under anchor 1 (not individually "
                        + "authenticated).");
            }
            out.println(anchorsLine);
            return 0;
        }
        out.println("Audit chain BROKEN at event " + report.firstBrokenSeq() + ": "
                + translations.getTranslation(report.problem(), Locale.ENGLISH)
                + " (" + report.eventsChecked() + " events verified before it).");
        out.println(anchorsLine);
        return 1;
    }

    /** {@code --anchors <file>} or {@code --anchors=<file>}, else null. */
    static Path anchorsArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--anchors=")) {
                return Path.of(args[i].substring("--anchors=".length()));
            }
            if (args[i].equals("--anchors") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }
}
