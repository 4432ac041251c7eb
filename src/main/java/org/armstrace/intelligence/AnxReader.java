package org.armstrace.intelligence;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a partner's i2 chart (ANX) into a {@link PartnerChart}, treating the file as hostile: a
 * document type declaration is refused outright (so neither external entities, XXE, nor entity
 * expansion, "billion laughs", can happen: no entity is ever declared), external DTDs and schemas
 * are never fetched, and the number of items and the depth are bounded. The size is bounded by
 * the caller before a byte is parsed. Only what a chart needs is read: entities (label, identity,
 * icon, date, attributes) and links between them; pictures, styles and everything else are skipped.
 */
final class AnxReader {

    /** More entities than a chart can show (and than the analyst can review) is not a chart to overlay. */
    static final int MAX_ENTITIES = 2_000;
    static final int MAX_LINKS = 10_000;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_TEXT = 500;

    private final XMLStreamReader xml;
    private final List<PartnerChart.Item> entities = new ArrayList<>();
    private final List<PartnerChart.Link> links = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private int depth;

    private AnxReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** The chart in the stream; anything that is not a well-formed, DTD-free ANX chart is refused. */
    static PartnerChart read(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            return new AnxReader(xml).chart();
        } catch (XMLStreamException e) {
            throw new IntelligenceRejected("anx.not-xml");
        } finally {
            close(xml, in);
        }
    }

    private PartnerChart chart() throws XMLStreamException {
        boolean chart = false;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new IntelligenceRejected("anx.dtd");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw new IntelligenceRejected("anx.not-a-chart");
                    }
                    if (depth == 1) {
                        if (!"Chart".equals(xml.getLocalName())) {
                            throw new IntelligenceRejected("anx.not-a-chart");
                        }
                        chart = true;
                    } else if ("ChartItem".equals(xml.getLocalName())) {
                        item();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> { }
            }
        }
        if (!chart) {
            throw new IntelligenceRejected("anx.not-a-chart");
        }
        var known = links.stream().filter(l -> ids.contains(l.from()) && ids.contains(l.to())).toList();
        return new PartnerChart(entities, known);
    }

    /** One {@code ChartItem}, up to its end tag: an entity or a link, with its attributes. */
    private void item() throws XMLStreamException {
        String label = text(xml.getAttributeValue(null, "Label"));
        LocalDate date = "true".equals(xml.getAttributeValue(null, "DateSet")) ? date(xml.getAttributeValue(null, "DateTime"))
                : null;
        String entityId = null;
        String identity = null;
        String icon = null;
        String end1 = null;
        String end2 = null;
        var attributes = new LinkedHashMap<String, String>();
        int start = depth;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new IntelligenceRejected("anx.dtd");
            }
            if (event == XMLStreamConstants.END_ELEMENT && depth-- == start) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (++depth > MAX_DEPTH) {
                throw new IntelligenceRejected("anx.not-a-chart");
            }
            switch (xml.getLocalName()) {
                case "Entity" -> {
                    entityId = text(xml.getAttributeValue(null, "EntityId"));
                    identity = text(xml.getAttributeValue(null, "Identity"));
                }
                case "IconStyle" -> icon = text(xml.getAttributeValue(null, "Type"));
                case "Link" -> {
                    end1 = text(xml.getAttributeValue(null, "End1Id"));
                    end2 = text(xml.getAttributeValue(null, "End2Id"));
                }
                case "Attribute" -> {
                    String name = text(xml.getAttributeValue(null, "AttributeClass"));
                    String value = text(xml.getAttributeValue(null, "Value"));
                    if (name != null && value != null && attributes.size() < 50) {
                        attributes.putIfAbsent(name, value);
                    }
                }
                default -> { }
            }
        }
        add(label, date, entityId, identity, icon, end1, end2, attributes);
    }

    private void add(String label, LocalDate date, String entityId, String identity, String icon, String end1,
                     String end2, Map<String, String> attributes) {
        if (entityId != null) {
            if (entities.size() >= MAX_ENTITIES) {
                throw new IntelligenceRejected("anx.too-many");
            }
            if (ids.add(entityId)) {
                entities.add(new PartnerChart.Item(entityId, label == null ? (identity == null ? entityId : identity) : label,
                        identity, icon, date, attributes));
            }
        } else if (end1 != null && end2 != null) {
            if (links.size() >= MAX_LINKS) {
                throw new IntelligenceRejected("anx.too-many");
            }
            links.add(new PartnerChart.Link(end1, end2, label == null ? "" : label, date));
        }
    }

    /** Text as shown to the analyst: trimmed, bounded, without control characters; null when empty. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String t = AnxWriter.clean(value).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    /** ANX dates are {@code xs:dateTime}; the day is what a chart of events needs. */
    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void close(XMLStreamReader xml, InputStream in) {
        try {
            if (xml != null) {
                xml.close();
            }
            in.close();
        } catch (XMLStreamException | IOException ignored) {
            // Nothing was written; a reader that cannot close has nothing left to lose.
        }
    }
}
