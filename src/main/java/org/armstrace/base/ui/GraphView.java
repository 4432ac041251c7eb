package org.armstrace.base.ui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * Server-side API of the {@code <armstrace-graph>} custom element
 * (src/main/frontend/armstrace-graph.js), which renders a graph with Cytoscape.js (MIT); the
 * cytoscape-svg extension (GPL-3.0, as this project) draws it as SVG for export.
 */
@Tag("armstrace-graph")
@NpmPackage(value = "cytoscape", version = "3.34.4")
@NpmPackage(value = "cytoscape-svg", version = "0.4.0")
@JsModule("./armstrace-graph.js")
public class GraphView extends Component implements HasSize {

    /**
     * One Cytoscape element: group is "nodes" or "edges"; edges need data.source and data.target.
     * A node may carry the position it was drawn at ({@code x}, {@code y}); when every node does,
     * the graph is drawn as placed, without a layout. Nodes of class {@code pinned} stay where they are.
     * {@code style} overrides the graph's style for this element alone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CyElement(String group, Map<String, Object> data, String classes, Map<String, Double> position,
                            Map<String, Object> style) {
        public CyElement {
            classes = classes == null ? "" : classes;
        }

        public CyElement(String group, Map<String, Object> data, String classes, Map<String, Double> position) {
            this(group, data, classes, position, null);
        }

        public CyElement(String group, Map<String, Object> data, String classes) {
            this(group, data, classes, null, null);
        }

        /**
         * The same element drawn with its own style on top of the graph's (Cytoscape's per-element
         * style bypass), e.g. what a partner's chart overlays: no new stylesheet in the browser.
         */
        public CyElement styled(Map<String, Object> bypass) {
            return new CyElement(group, data, classes, position, bypass);
        }

        public static CyElement node(String id, String label, String type) {
            return new CyElement("nodes", Map.of("id", id, "label", label, "type", type), type);
        }

        public static CyElement edge(String id, String source, String target, String label) {
            return new CyElement("edges", Map.of("id", id, "source", source, "target", target, "label", label), "");
        }
    }

    public GraphView() {
        setHeight("480px");
        setWidthFull();
    }

    /** Replaces the whole graph; the client re-runs the layout. Serialised by Flow's Jackson mapper. */
    public void setElements(List<CyElement> elements) {
        getElement().setPropertyList("elements", elements);
    }

    /** Cytoscape layout options, e.g. Map.of("name", "breadthfirst", "directed", true). */
    public void setLayout(Map<String, Object> layout) {
        getElement().setPropertyMap("layout", layout);
    }

    /** Where each node is drawn now, by id, as {x, y}; answered by the browser. */
    public void positions(SerializableConsumer<Map<String, Map<String, Double>>> then) {
        getElement().executeJs("return this.positions()").then(
                new tools.jackson.core.type.TypeReference<Map<String, Map<String, Double>>>() { }, then);
    }

    /** The browser downloads the whole graph as {@code png} or {@code svg}, under the given file name. */
    public void download(String format, String fileName) {
        getElement().callJsFunction("download", format, fileName);
    }

    public void focusNode(String id) {
        getElement().callJsFunction("focusNode", id);
    }

    public Registration addNodeClickListener(ComponentEventListener<NodeClickEvent> listener) {
        return addListener(NodeClickEvent.class, listener);
    }

    /** Fired by the client's {@code node-click} CustomEvent. */
    @DomEvent("node-click")
    public static class NodeClickEvent extends ComponentEvent<GraphView> {
        private final String nodeId;

        public NodeClickEvent(GraphView source, boolean fromClient,
                @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = nodeId;
        }

        public String getNodeId() {
            return nodeId;
        }
    }
}
