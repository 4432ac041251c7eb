package org.armstrace.security;

import java.util.Locale;
import org.armstrace.base.Translations;
import org.springframework.stereotype.Component;

/** {@code java -jar armstrace.jar audit-verify}: prints whether the audit chain is intact. */
@Component
public class AuditCommand {

    public static final String NAME = "audit-verify";

    private final AuditLog audit;
    private final Translations translations;

    AuditCommand(AuditLog audit, Translations translations) {
        this.audit = audit;
        this.translations = translations;
    }

    /** @return the process exit code: 0 intact, 1 broken */
    public int run() {
        AuditChainReport report = audit.verifyChain();
        if (report.intact()) {
            System.out.println("Audit chain intact: " + report.eventsChecked() + " event(s) verified.");
            return 0;
        }
        System.out.println("Audit chain BROKEN at event " + report.firstBrokenSeq() + ": "
                + translations.getTranslation(report.problem(), Locale.ENGLISH)
                + " (" + report.eventsChecked() + " events verified before it).");
        return 1;
    }
}
