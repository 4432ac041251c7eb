package org.armstrace.tracing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.types.Node;

/**
 * The one mapping between a {@code :TraceRequest} node and a {@link TraceRequest}: every query that
 * returns a request maps its node here, and every write of a request's content takes its
 * properties from here, so that a new field is added in one place.
 */
final class TraceRequestRows {

    private TraceRequestRows() {
    }

    /** A stored request as it stands; {@code overdue} is judged now, not when it was stored. */
    static TraceRequest of(Node t) {
        Direction direction = Direction.valueOf(t.get("direction").asString());
        TraceStatus status = TraceStatus.valueOf(t.get("status").asString());
        Instant due = t.get("dueAt").isNull() ? null : t.get("dueAt").asZonedDateTime().toInstant();
        return new TraceRequest(t.get("id").asString(), t.get("number").asString(), direction, status,
                Priority.valueOf(t.get("priority").asString()), t.get("counterpart").asString(),
                t.get("partnerReference").asString(null), t.get("receivedAt").asZonedDateTime().toInstant(), due,
                t.get("assignee").asString(null), t.get("weaponType").asString(null), t.get("weaponMake").asString(null),
                t.get("weaponModel").asString(null), t.get("weaponCalibre").asString(null),
                t.get("weaponSerial").asString(null), t.get("weaponCountry").asString(null),
                t.get("whyIllicit").asString(null), t.get("legalBasis").asString(null),
                t.get("intendedUse").asString(null), t.get("circumstances").asString(null),
                NewTraceRequest.Channel.valueOf(t.get("channel").asString()), t.get("createdBy").asString(""),
                due != null && !TraceLifecycle.closed(direction, status) && Instant.now().isAfter(due));
    }

    /** A request just created, as {@link #of} would read it back (nothing is overdue at birth). */
    static TraceRequest created(String id, String number, NewTraceRequest r, TraceStatus status, Instant receivedAt,
                                Instant due, String assignee, String by) {
        return new TraceRequest(id, number, r.direction(), status, r.priority(), r.counterpart(), r.partnerReference(),
                receivedAt, due, assignee, r.weaponType(), r.weaponMake(), r.weaponModel(), r.weaponCalibre(),
                r.weaponSerial(), r.weaponCountry(), r.whyIllicit(), r.legalBasis(), r.intendedUse(), r.circumstances(),
                r.channel(), by, false);
    }

    /** What a request says, as stored on the node: the part a draft's editing may change. */
    static Map<String, Object> content(NewTraceRequest r) {
        var content = new LinkedHashMap<String, Object>();
        content.put("counterpart", r.counterpart());
        content.put("partnerReference", r.partnerReference());
        content.put("priority", r.priority().name());
        content.put("weaponType", r.weaponType());
        content.put("weaponMake", r.weaponMake());
        content.put("weaponModel", r.weaponModel());
        content.put("weaponCalibre", r.weaponCalibre());
        content.put("weaponSerial", r.weaponSerial());
        content.put("weaponCountry", r.weaponCountry());
        content.put("whyIllicit", r.whyIllicit());
        content.put("legalBasis", r.legalBasis());
        content.put("intendedUse", r.intendedUse());
        content.put("circumstances", r.circumstances());
        return content;
    }
}
