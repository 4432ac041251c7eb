package org.armstrace.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that the signed-in user was shown people: one audit event per read (a page, a search, an
 * export), never one per row, naming the reader ({@link AuditLog#currentActor()}) and the people.
 * The list is bounded ({@link #MAX_PEOPLE} ids, the count in the details) so that a search page
 * does not write megabytes into the chain. A read that showed nobody writes nothing, so the trail
 * is not flooded with reads of weapons that have no holder.
 *
 * <p>Joins the caller's transaction: the service that read the people records the read, so the
 * read and its trace commit together. The caller's transaction must therefore not be read-only.
 */
@Service
public class PersonalDataReads {

    /** At most this many people are named in one event; the details say how many were shown. */
    public static final int MAX_PEOPLE = 50;

    private final AuditLog audit;

    PersonalDataReads(AuditLog audit) {
        this.audit = audit;
    }

    /** Whether the signed-in user's roles may see people's names ({@link Role#PERSONAL_DATA}). */
    public static boolean allowed() {
        return Role.current(Role.PERSONAL_DATA);
    }

    /** Records that the people with these ids (not {@code Person:}-prefixed) were shown; nothing when none were. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(PersonalDataPath path, Collection<String> personIds) {
        record(path, List.of(), personIds);
    }

    /**
     * As {@link #record(PersonalDataPath, Collection)}, with the entities the read was about first
     * ({@code "Firearm:<id>"}), so that the event is also found from them.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(PersonalDataPath path, List<String> about, Collection<String> personIds) {
        var people = new LinkedHashSet<String>();
        personIds.stream().filter(Objects::nonNull).forEach(people::add);
        if (people.isEmpty()) {
            return;
        }
        audit.record(path.action(), entities(about, people), details(people.size()));
    }

    /**
     * Records a read whose people are named only in free text (an answer's findings, a rejected
     * import row) and so cannot be listed by id: one event naming what was read.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordUnlisted(PersonalDataPath path, List<String> about, String details) {
        audit.record(path.action(), List.copyOf(about), details);
    }

    /** The entities of an event: {@code about}, then at most {@link #MAX_PEOPLE} people as {@code Person:<id>}. */
    public static List<String> entities(List<String> about, Collection<String> personIds) {
        var entities = new ArrayList<>(about);
        personIds.stream().filter(Objects::nonNull).distinct().limit(MAX_PEOPLE).map(id -> "Person:" + id)
                .forEach(entities::add);
        return entities;
    }

    /** "3 person(s) shown", with how many are not listed when more than {@link #MAX_PEOPLE}. */
    public static String details(int shown) {
        return shown + " person(s) shown" + (shown > MAX_PEOPLE ? "; the first " + MAX_PEOPLE + " listed" : "");
    }
}
