package org.armstrace.intelligence;

import java.time.LocalDate;
import java.util.List;

/**
 * Part of the graph for the link chart: entities and the links between them.
 *
 * @param more how many further neighbours the expanded entity has beyond those returned
 */
public record LinkGraph(List<Entity> entities, List<Link> links, long more) {

    /**
     * An entity with a caption to draw; {@code ref} is null for nodes that are not entities (places).
     * {@code date} is when it happened, for events (recoveries, transfers, reports, requests, a
     * licence's start), and null for the rest.
     */
    public record Entity(String ref, String kind, String caption, LocalDate date) {
    }

    public record Link(String from, String to, String type) {
    }
}
