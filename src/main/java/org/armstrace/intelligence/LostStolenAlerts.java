package org.armstrace.intelligence;

import java.util.ArrayList;
import java.util.List;
import org.armstrace.registry.LostStolenMatched;
import org.armstrace.registry.LostStolenMatches;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the analysts when a new or reopened lost/stolen report may be a weapon already on record:
 * an alert of pattern {@link Pattern#LOST_STOLEN_MATCH}, with the report and the records as
 * evidence, and the notifications every new alert brings (the in-app badge, and whatever channel
 * is built on the notifications). Within the report's transaction, so a report is never filed
 * without its alert.
 */
@Component
class LostStolenAlerts {

    private final AlertStore store;

    LostStolenAlerts(AlertStore store) {
        this.store = store;
    }

    /** One alert per report, all of a check's raised together (an import checks hundreds of reports at once). */
    @EventListener
    void matched(LostStolenMatches e) {
        store.raiseAll(e.matched().stream().map(LostStolenAlerts::instance).toList());
    }

    private static PatternInstance instance(LostStolenMatched e) {
        var evidence = new ArrayList<EntityRef>();
        EntityRef report = new EntityRef(EntityRef.Kind.LOST_STOLEN_REPORT, e.reportId());
        evidence.add(report);
        e.firearmIds().forEach(id -> evidence.add(new EntityRef(EntityRef.Kind.FIREARM, id)));
        // One alert per check that found something new: a reopened report that finds more is news again.
        String key = e.reportId() + "/" + String.join(",", e.firearmIds());
        return new PatternInstance(Pattern.LOST_STOLEN_MATCH, key, report, e.firearmIds().size(),
                List.of(e.kind().name(), e.reference() == null ? "—" : e.reference(), e.weapon(),
                        String.valueOf(e.firearmIds().size())), evidence);
    }
}
