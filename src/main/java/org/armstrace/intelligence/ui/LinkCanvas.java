package org.armstrace.intelligence.ui;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.Investigations;
import org.armstrace.intelligence.LinkGraph;
import org.armstrace.intelligence.PartnerChart;

/**
 * What the link chart's canvas holds, without a component in sight: the entities and links on it,
 * which are hidden, pinned or on the shortest paths, how far each entity has been expanded, the
 * selection, the dates, and what a save stores. {@link LinkChartView} asks the services, hands the
 * answers to this model and draws what {@link #visibleGraph} says.
 */
final class LinkCanvas {

    /** Pages that show one entity's record, by kind; the others are seen in the chart only. */
    private static final Map<EntityRef.Kind, String> RECORD_PAGES = Map.of(
            EntityRef.Kind.FIREARM, "registry/firearm/", EntityRef.Kind.PERSON, "registry/person/",
            EntityRef.Kind.ORGANISATION, "registry/organisation/", EntityRef.Kind.RECOVERY, "recovery/",
            EntityRef.Kind.TRACE_REQUEST, "tracing/request/");

    private final Map<String, LinkGraph.Entity> entities = new LinkedHashMap<>();
    private final Set<LinkGraph.Link> links = new LinkedHashSet<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> onPath = new HashSet<>();
    private final Set<String> pinned = new HashSet<>();
    /** How many of each entity's neighbours are on the canvas: where its next page starts. */
    private final Map<String, Integer> shown = new HashMap<>();
    /** Where a reopened canvas had its entities; kept until entities are added or the layout changes. */
    private Map<String, Investigations.Position> placed = Map.of();
    private String selected;
    private String from;
    private LocalDate since;
    private LocalDate until;
    /** A partner's i2 chart drawn beside ours, never part of it; and which of its entities were accepted as which record. */
    private PartnerChart overlay;
    private final Map<String, String> overlayAccepted = new LinkedHashMap<>();

    /** The drawing's id of a partner's entity: never a ref of ours, so nothing mistakes it for a record. */
    static final String OVERLAY = "i2:";

    Map<String, LinkGraph.Entity> entities() {
        return Collections.unmodifiableMap(entities);
    }

    Set<LinkGraph.Link> links() {
        return Collections.unmodifiableSet(links);
    }

    Set<String> hidden() {
        return Collections.unmodifiableSet(hidden);
    }

    Set<String> pinned() {
        return Collections.unmodifiableSet(pinned);
    }

    Set<String> onPath() {
        return Collections.unmodifiableSet(onPath);
    }

    /** Adds what is not on the canvas yet; the places a reopened canvas had no longer hold. */
    void merge(LinkGraph part) {
        placed = Map.of();
        part.entities().forEach(x -> entities.putIfAbsent(x.ref(), x));
        links.addAll(part.links());
    }

    /** Where the next page of the entity's neighbours starts. */
    int nextPage(String ref) {
        return shown.getOrDefault(ref, 0);
    }

    /** A page of the entity's neighbours from {@code offset}: the entity itself is in it too. */
    void expanded(String ref, int offset, LinkGraph page) {
        merge(page);
        shown.put(ref, offset + page.entities().size() - 1);
    }

    /** Shows the shortest paths found: their entities come on the canvas, hidden or not, and are marked. */
    void paths(List<LinkGraph> found) {
        onPath.clear();
        for (LinkGraph p : found) {
            p.entities().forEach(x -> {
                entities.putIfAbsent(x.ref(), x);
                hidden.remove(x.ref());
                onPath.add(x.ref());
            });
            links.addAll(p.links());
        }
    }

    void hide(String ref) {
        hidden.add(ref);
    }

    /** A pinned entity keeps its place when the layout runs again; pins or unpins. */
    void togglePin(String ref) {
        if (!pinned.remove(ref)) {
            pinned.add(ref);
        }
    }

    /** The analyst chose another layout: the saved places give way to it. */
    void forgetPlaces() {
        placed = Map.of();
    }

    /** Where a reopened canvas had the entity, or null. */
    Investigations.Position placed(String ref) {
        return placed.get(ref);
    }

    void select(String ref) {
        selected = ref;
    }

    String selected() {
        return selected;
    }

    /** "Path from here": paths will start at the selected entity. */
    void pathFromSelected() {
        from = selected;
    }

    String from() {
        return from;
    }

    /** "Path to here" needs a start, and another entity selected. */
    boolean canPathToSelected() {
        return selected != null && from != null && !selected.equals(from);
    }

    boolean isPinned(String ref) {
        return pinned.contains(ref);
    }

    /** The selected entity's own page (relative), when its kind has one. */
    String recordPage(String ref) {
        EntityRef entity = EntityRef.parse(ref);
        String page = RECORD_PAGES.get(entity.kind());
        return page == null ? null : page + entity.key();
    }

    /** The entity's caption, or its ref when it has none (or is not on the canvas). */
    String caption(String ref) {
        LinkGraph.Entity x = ref == null ? null : entities.get(ref);
        return x == null || x.caption() == null || x.caption().isBlank() ? String.valueOf(ref) : x.caption();
    }

    /** Events outside the dates are hidden from the canvas (not dropped: widening the dates shows them again). */
    void dates(LocalDate since, LocalDate until) {
        this.since = since;
        this.until = until;
    }

    LocalDate since() {
        return since;
    }

    LocalDate until() {
        return until;
    }

    /** Whether a date is within the chosen dates; an unknown date always is. */
    boolean inDates(LocalDate day) {
        return day == null || ((since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until)));
    }

    /** What the canvas shows: not hidden, and within the dates when the entity is an event. */
    boolean visible(String ref) {
        if (hidden.contains(ref)) {
            return false;
        }
        LinkGraph.Entity x = entities.get(ref);
        return inDates(x == null ? null : x.date());
    }

    /** The entities and links the canvas shows now. */
    LinkGraph visibleGraph() {
        var shownEntities = entities.values().stream().filter(x -> visible(x.ref())).toList();
        var shownLinks = links.stream().filter(l -> visible(l.from()) && visible(l.to())).toList();
        return new LinkGraph(shownEntities, shownLinks, 0);
    }

    /** The drawing's style classes of a visible entity: its kind, and whether it is on a path or pinned. */
    String styleClasses(LinkGraph.Entity x) {
        return x.kind() + (onPath.contains(x.ref()) ? " onPath" : "") + (pinned.contains(x.ref()) ? " pinned" : "");
    }

    /** What the timeline and map are about: the selection, else the first {@code max} visible entities. */
    List<EntityRef> around(int max) {
        return selected != null ? List.of(EntityRef.parse(selected))
                : entities.keySet().stream().filter(this::visible).limit(max).map(EntityRef::parse).toList();
    }

    /**
     * What a save stores: every entity (hidden ones too, so that showing them again is possible),
     * the hidden and pinned ones still on the canvas, the filters, and where the browser drew each
     * entity (positions of entities no longer on the canvas are left out).
     */
    Investigations.Canvas toSave(Set<String> types, String layout, Map<String, Map<String, Double>> drawnAt) {
        var positions = new LinkedHashMap<String, Investigations.Position>();
        drawnAt.forEach((ref, p) -> {
            if (entities.containsKey(ref) && p.get("x") != null && p.get("y") != null) {
                positions.put(ref, new Investigations.Position(p.get("x"), p.get("y")));
            }
        });
        return new Investigations.Canvas(List.copyOf(entities.keySet()), hidden.stream().filter(entities::containsKey)
                .toList(), pinned.stream().filter(entities::containsKey).toList(), Set.copyOf(types), since, until,
                layout, positions);
    }

    /**
     * Puts a saved canvas back: {@code found} is what of its entities still exists. Returns how many
     * of them are gone.
     */
    long reopen(Investigations.Canvas saved, LinkGraph found) {
        dates(saved.since(), saved.until());
        merge(found);
        hidden.addAll(saved.hidden());
        pinned.addAll(saved.pinned());
        placed = saved.positions();
        return saved.entities().stream().filter(r -> !entities.containsKey(r)).count();
    }

    /** Shows a partner's chart beside the canvas (or none); accepted matches start empty. */
    void overlay(PartnerChart chart) {
        overlay = chart;
        overlayAccepted.clear();
    }

    PartnerChart overlay() {
        return overlay;
    }

    /** The partner's entity {@code anxId} was accepted as our record {@code ref}. */
    void overlayAccepted(String anxId, String ref) {
        overlayAccepted.put(anxId, ref);
    }

    Map<String, String> overlayAccepted() {
        return Collections.unmodifiableMap(overlayAccepted);
    }

    static boolean isOverlay(String id) {
        return id != null && id.startsWith(OVERLAY);
    }
}
