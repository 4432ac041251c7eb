package org.armstrace.intelligence;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a link chart as an i2 Analyst's Notebook exchange file (ANX, the XML form of a chart):
 * each entity a {@code ChartItem} holding an {@code End/Entity} with its standard icon
 * ({@link AnxIcons}), its ArmsTrace reference as i2 identity, its date and its attributes; each
 * link a {@code ChartItem} holding a {@code Link} between two entity ids, labelled with the
 * relationship and dated by the event it joins. Only elements and attributes of the published
 * ANX format are written (see src/test/resources/anx/README.md for what the test checks it against).
 */
final class AnxWriter {

    /** The attribute classes every exported entity may carry, in the order they are declared. */
    static final String KIND = "ArmsTrace kind";
    static final String REFERENCE = "ArmsTrace reference";
    static final String SERIAL = "Serial number";
    static final String MAKE = "Make";
    static final List<String> ATTRIBUTES = List.of(KIND, REFERENCE, SERIAL, MAKE);
    private static final String STRENGTH = "Confirmed";
    private static final String LINK_TYPE = "Link";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'00:00:00");

    private AnxWriter() {
    }

    /**
     * @param extra     further attributes by entity ref (a weapon's serial and make), by {@link #ATTRIBUTES} name
     * @param linkLabel the label of a relationship type, in the reader's language
     */
    static void write(LinkGraph graph, Map<String, Map<String, String>> extra, Function<String, String> linkLabel,
                      OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Chart");
            xml.writeAttribute("IdReferenceLinking", "false");
            xml.writeAttribute("Rigorous", "true");
            strengths(xml);
            attributeClasses(xml);
            entityTypes(xml, graph);
            linkTypes(xml);
            xml.writeStartElement("ChartItemCollection");
            var ids = new HashMap<String, String>();
            var dates = new HashMap<String, LocalDate>();
            int n = 0;
            for (LinkGraph.Entity e : graph.entities()) {
                String id = "E" + ++n;
                ids.put(e.ref(), id);
                dates.put(e.ref(), e.date());
                entity(xml, id, e, extra.getOrDefault(e.ref(), Map.of()));
            }
            for (LinkGraph.Link l : graph.links()) {
                String from = ids.get(l.from());
                String to = ids.get(l.to());
                if (from != null && to != null) {
                    // A link's date is that of the event it joins (a recovery, a transfer, a report), if either end is one.
                    LocalDate date = dates.get(l.from()) != null ? dates.get(l.from()) : dates.get(l.to());
                    link(xml, from, to, linkLabel.apply(l.type()), date);
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The ANX chart could not be written", e);
        }
    }

    private static void strengths(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("StrengthCollection");
        xml.writeEmptyElement("Strength");
        xml.writeAttribute("DotStyle", "DotStyleSolid");
        xml.writeAttribute("Id", STRENGTH);
        xml.writeAttribute("Name", STRENGTH);
        xml.writeEndElement();
    }

    private static void attributeClasses(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("AttributeClassCollection");
        for (String name : ATTRIBUTES) {
            xml.writeEmptyElement("AttributeClass");
            xml.writeAttribute("Name", name);
            xml.writeAttribute("Type", "AttText");
            xml.writeAttribute("ShowValue", "true");
            xml.writeAttribute("Visible", "true");
        }
        xml.writeEndElement();
    }

    private static void entityTypes(XMLStreamWriter xml, LinkGraph graph) throws XMLStreamException {
        Set<String> icons = new LinkedHashSet<>();
        graph.entities().forEach(e -> icons.add(AnxIcons.of(e.kind())));
        xml.writeStartElement("EntityTypeCollection");
        for (String icon : icons) {
            xml.writeEmptyElement("EntityType");
            xml.writeAttribute("IconFile", icon);
            xml.writeAttribute("Name", icon);
            xml.writeAttribute("PreferredRepresentation", "RepresentAsIcon");
        }
        xml.writeEndElement();
    }

    private static void linkTypes(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("LinkTypeCollection");
        xml.writeEmptyElement("LinkType");
        xml.writeAttribute("Colour", "0");
        xml.writeAttribute("Name", LINK_TYPE);
        xml.writeEndElement();
    }

    private static void entity(XMLStreamWriter xml, String id, LinkGraph.Entity e, Map<String, String> extra)
            throws XMLStreamException {
        xml.writeStartElement("ChartItem");
        dated(xml, e.date());
        xml.writeAttribute("Label", clean(e.caption() == null || e.caption().isBlank() ? e.ref() : e.caption()));
        xml.writeStartElement("End");
        xml.writeStartElement("Entity");
        xml.writeAttribute("EntityId", id);
        xml.writeAttribute("Identity", e.ref());
        xml.writeAttribute("LabelIsIdentity", "false");
        xml.writeStartElement("Icon");
        xml.writeEmptyElement("IconStyle");
        xml.writeAttribute("Type", AnxIcons.of(e.kind()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        var attributes = new LinkedHashMap<String, String>();
        attributes.put(KIND, e.kind());
        attributes.put(REFERENCE, e.ref());
        extra.forEach((k, v) -> {
            if (ATTRIBUTES.contains(k) && v != null && !v.isBlank()) {
                attributes.put(k, v);
            }
        });
        xml.writeStartElement("AttributeCollection");
        for (var a : attributes.entrySet()) {
            xml.writeEmptyElement("Attribute");
            xml.writeAttribute("AttributeClass", a.getKey());
            xml.writeAttribute("Value", clean(a.getValue()));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String from, String to, String label, LocalDate date)
            throws XMLStreamException {
        xml.writeStartElement("ChartItem");
        dated(xml, date);
        xml.writeAttribute("Label", clean(label));
        xml.writeStartElement("Link");
        xml.writeAttribute("End1Id", from);
        xml.writeAttribute("End2Id", to);
        xml.writeEmptyElement("LinkStyle");
        xml.writeAttribute("ArrowStyle", "ArrowOnHead");
        xml.writeAttribute("MlStyle", "MultiplicityMultiple");
        xml.writeAttribute("StrengthReference", STRENGTH);
        xml.writeAttribute("Type", LINK_TYPE);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** XML 1.0 cannot hold control characters (other than tab and line breaks) even escaped: they become spaces. */
    static String clean(String text) {
        return text == null ? "" : text.codePoints().map(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static void dated(XMLStreamWriter xml, LocalDate date) throws XMLStreamException {
        xml.writeAttribute("DateSet", String.valueOf(date != null));
        if (date != null) {
            xml.writeAttribute("DateTime", DATE_TIME.format(date));
        }
    }
}
