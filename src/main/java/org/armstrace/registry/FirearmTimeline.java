package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A weapon's life in date order as the registry knows it: registration and corrections, transfers,
 * licences covering it, lost/stolen reports. Recoveries and traces are other modules' records;
 * intelligence's timeline puts them beside these.
 *
 * <p>Licence holders and transfer parties who are people are named for the roles that may see
 * personal data, and the read is audited once for the whole timeline; for the others (a field
 * officer) they are {@link Person#ON_FILE}.
 */
@Service
public class FirearmTimeline {

    private final Neo4jClient neo4j;
    private final FirearmRegistry registry;
    private final Holdings holdings;
    private final LostStolenRegister lostStolen;
    private final PersonalDataReads reads;

    FirearmTimeline(Neo4jClient neo4j, FirearmRegistry registry, Holdings holdings, LostStolenRegister lostStolen,
                    PersonalDataReads reads) {
        this.neo4j = neo4j;
        this.registry = registry;
        this.holdings = holdings;
        this.lostStolen = lostStolen;
        this.reads = reads;
    }

    /** Read-write: showing people writes the audit event in the same transaction. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<TimelineEntry> of(String firearmId) {
        boolean personal = PersonalDataReads.allowed();
        var people = new ArrayList<String>();
        var entries = new ArrayList<TimelineEntry>();
        for (RecordVersion v : registry.history(firearmId)) {
            entries.add(new TimelineEntry(day(v.at()), v.version() == 1 ? TimelineEntry.Kind.REGISTERED
                    : TimelineEntry.Kind.CORRECTED, List.of(v.by(), v.source(), v.reason()), null));
        }
        List<Transfer> transfers = holdings.transfers(firearmId, personal);
        people.addAll(Holdings.people(transfers));
        for (Transfer t : transfers) {
            entries.add(new TimelineEntry(t.date(), TimelineEntry.Kind.TRANSFER, List.of(t.kind().name(),
                    orDash(t.fromName()), orDash(t.toName()), orDash(t.reference())), t.id()));
        }
        neo4j.query("""
                        MATCH (h)-[:HOLDS]->(l:Licence)-[c:COVERS]->(:Firearm {id: $id})
                        RETURN l.id AS licence, l.number AS number, c.from AS from, c.to AS to, h:Person AS person,
                               h.id AS holderId, coalesce(h.name, h.givenName + ' ' + h.familyName) AS holder
                        """)
                .bind(firearmId).to("id").fetch().all().forEach(r -> {
                    boolean person = Boolean.TRUE.equals(r.get("person"));
                    if (person) {
                        people.add((String) r.get("holderId"));
                    }
                    var args = List.of((String) r.get("number"),
                            person && !personal ? Person.ON_FILE : (String) r.get("holder"));
                    if (r.get("from") != null) {
                        entries.add(new TimelineEntry((LocalDate) r.get("from"), TimelineEntry.Kind.LICENCE_FROM, args,
                                (String) r.get("licence")));
                    }
                    if (r.get("to") != null) {
                        entries.add(new TimelineEntry((LocalDate) r.get("to"), TimelineEntry.Kind.LICENCE_TO, args,
                                (String) r.get("licence")));
                    }
                });
        for (LostStolenReport r : lostStolen.reports(firearmId)) {
            entries.add(new TimelineEntry(r.occurredOn() != null ? r.occurredOn() : day(r.reportedAt()),
                    TimelineEntry.Kind.REPORTED, List.of(r.kind().name(), orDash(r.place()), orDash(r.reference())), r.id()));
            if (r.closedAt() != null) {
                entries.add(new TimelineEntry(day(r.closedAt()), TimelineEntry.Kind.REPORT_CLOSED,
                        List.of(r.status().name(), orDash(r.closeReason())), r.id()));
            }
        }
        for (LostStolenRegister.Alert a : lostStolen.alerts(firearmId)) {
            if (!a.direct()) {
                entries.add(new TimelineEntry(day(a.report().reportedAt()), TimelineEntry.Kind.RESEMBLES_REPORTED,
                        List.of(a.reportedSerial(), a.report().kind().name()), a.reportedFirearmId()));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::date));
        if (personal) {
            reads.record(PersonalDataPath.FIREARM_TIMELINE, List.of("Firearm:" + firearmId), people);
        }
        return entries;
    }

    /** The day it happened where the office is, not in UTC: a report at 00:30 in Pristina is that day's. */
    private static LocalDate day(Instant at) {
        return at.atZone(Dates.zone()).toLocalDate();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }
}
