package org.armstrace.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code armstrace.demo=true} ({@code ARMSTRACE_DEMO=true}): loads the demo once the application is
 * ready, after the first administrator and the reference data exist. The web server already
 * answers meanwhile; pages fill as the steps run.
 */
@Component
@ConditionalOnProperty(name = "armstrace.demo", havingValue = "true")
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoData demo;
    private final int firearms;
    private final String command;

    DemoStartup(DemoData demo, @Value("${armstrace.demo.firearms:3000}") int firearms,
                @Value("${armstrace.command:none}") String command) {
        this.demo = demo;
        this.firearms = firearms;
        this.command = command;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!"none".equals(command)) {
            return; // the command line's tools (import, audit-verify) never load the demo
        }
        DemoData.Outcome outcome = demo.start(DemoData.DEFAULT_NAME, DemoSize.of(firearms));
        switch (outcome.result()) {
            case LOADED, ALREADY_LOADED -> log.info("Demo: {}", outcome.message());
            case REFUSED -> log.warn("Demo: {}", outcome.message());
        }
    }
}
