package org.armstrace.intelligence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An i2 chart as a partner sent it (read from an ANX file by {@link AnxReader}): its entities with
 * their i2 identity, icon, date and attributes, and the links between them. Nothing in it is a
 * record of ours; it is shown beside the chart until the analyst accepts single matches.
 */
public record PartnerChart(List<Item> entities, List<Link> links) {

    public PartnerChart {
        entities = List.copyOf(entities);
        links = List.copyOf(links);
    }

    /**
     * @param id         the entity's id in the file ({@code EntityId}), unique within it
     * @param identity   its i2 identity (our {@code Kind:key} when the chart came from ArmsTrace)
     * @param attributes i2 attribute class → value, in the file's order
     */
    public record Item(String id, String label, String identity, String icon, LocalDate date,
                       Map<String, String> attributes) {
        public Item {
            attributes = Map.copyOf(attributes);
        }
    }

    public record Link(String from, String to, String label, LocalDate date) {
    }
}
