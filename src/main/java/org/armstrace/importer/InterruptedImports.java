package org.armstrace.importer;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * At start-up, imports that the previous process left running (it crashed or was killed) are
 * marked interrupted and, unless switched off, resumed from their checkpoint.
 */
@Component
@ConditionalOnProperty(name = "armstrace.command", havingValue = "none", matchIfMissing = true) // not for CLI commands
class InterruptedImports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final RegistryImports imports;
    private final boolean resume;

    InterruptedImports(RegistryImports imports, @Value("${armstrace.import.resume-on-start:true}") boolean resume) {
        this.imports = imports;
        this.resume = resume;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "system:import-recovery", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN"))));
        try {
            List<ImportBatch> found = imports.recoverInterrupted(resume);
            found.forEach(b -> log.warn("Import {} of {} was interrupted at line {}; {}", b.id(), b.fileName(),
                    b.committedThrough(), resume ? "resuming" : "resume it from the import page"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
