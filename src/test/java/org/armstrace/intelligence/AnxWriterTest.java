package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The ANX writer, on a known small chart: the file validates against the ANX schema fixture
 * (src/test/resources/anx, written from the public format description: see its README) and holds
 * each entity with its i2 icon, identity, date and attributes, and each link between the right
 * entities with its label and date.
 */
class AnxWriterTest {

    static final LinkGraph SMALL = new LinkGraph(List.of(
            new LinkGraph.Entity("Person:p1", "Person", "Dragan Ilić", null),
            new LinkGraph.Entity("Recovery:r1", "Recovery", "SEIZED 2026-03-14", LocalDate.of(2026, 3, 14)),
            new LinkGraph.Entity("Firearm:f1", "Firearm", "Zastava M70 S1", null),
            new LinkGraph.Entity("Organisation:o1", "Organisation", "Arms & Co <Ltd>", null)),
            List.of(new LinkGraph.Link("Person:p1", "Recovery:r1", "POSSESSED"),
                    new LinkGraph.Link("Recovery:r1", "Firearm:f1", "RECOVERED"),
                    new LinkGraph.Link("Firearm:f1", "Organisation:o1", "MADE_BY"),
                    new LinkGraph.Link("Firearm:f1", "Firearm:gone", "IDENTIFIED_AS")), 0);

    static byte[] write(LinkGraph graph) {
        var out = new ByteArrayOutputStream();
        AnxWriter.write(graph, Map.of("Firearm:f1", Map.of(AnxWriter.SERIAL, "S1", AnxWriter.MAKE, "Zastava")),
                type -> type.toLowerCase().replace('_', ' '), out);
        return out.toByteArray();
    }

    @Test
    void a_small_chart_validates_against_the_anx_schema_fixture() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/anx/anx-chart-subset.xsd")));
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(write(SMALL)))))
                .doesNotThrowAnyException();
    }

    @Test
    void the_schema_fixture_refuses_a_link_to_an_entity_not_in_the_chart() throws Exception {
        // The check has teeth: a dangling link, or an element the format does not have, fails validation.
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/anx/anx-chart-subset.xsd")));
        String bad = new String(write(SMALL), java.nio.charset.StandardCharsets.UTF_8).replace("End2Id=\"E2\"", "End2Id=\"E9\"");
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new java.io.StringReader(bad))))
                .isInstanceOf(org.xml.sax.SAXException.class);
        String invented = new String(write(SMALL), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<Icon>", "<Icon><Colour/>");
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new java.io.StringReader(invented))))
                .isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void the_schema_fixture_types_the_strength_id_as_i2s_schema_does_an_xml_name_the_links_refer_to() throws Exception {
        // i2's schema makes Strength/@Id an xs:ID and LinkStyle/@StrengthReference an xs:IDREF: a strength named
        // like an ArmsTrace reference ("Kind:key") or a link to a strength that is not there would not load.
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/anx/anx-chart-subset.xsd")));
        String written = new String(write(SMALL), java.nio.charset.StandardCharsets.UTF_8);
        String notAName = written.replace("\"Confirmed\"", "\"Strength:confirmed\"");
        assertThat(notAName).contains("Id=\"Strength:confirmed\"");
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new java.io.StringReader(notAName))))
                .isInstanceOf(org.xml.sax.SAXException.class);
        String dangling = written.replace("StrengthReference=\"Confirmed\"", "StrengthReference=\"Tentative\"");
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new java.io.StringReader(dangling))))
                .isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void each_entity_has_its_i2_icon_identity_date_and_attributes_and_each_link_its_ends_label_and_date() throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(write(SMALL)));
        var xpath = XPathFactory.newInstance().newXPath();
        var entities = new ArrayList<String>();
        NodeList items = (NodeList) xpath.evaluate("/Chart/ChartItemCollection/ChartItem[End]", doc, XPathConstants.NODESET);
        for (int i = 0; i < items.getLength(); i++) {
            var item = items.item(i);
            entities.add(xpath.evaluate("@Label", item) + " | " + xpath.evaluate("End/Entity/@Identity", item) + " | "
                    + xpath.evaluate("End/Entity/Icon/IconStyle/@Type", item) + " | " + xpath.evaluate("@DateSet", item)
                    + " " + xpath.evaluate("@DateTime", item));
        }
        assertThat(entities).containsExactly(
                "Dragan Ilić | Person:p1 | Person | false ",
                "SEIZED 2026-03-14 | Recovery:r1 | Incident | true 2026-03-14T00:00:00",
                "Zastava M70 S1 | Firearm:f1 | Gun | false ",
                "Arms & Co <Ltd> | Organisation:o1 | Organ | false ");
        assertThat(xpath.evaluate("//ChartItem[End/Entity/@Identity='Firearm:f1']/AttributeCollection/Attribute"
                + "[@AttributeClass='Serial number']/@Value", doc)).isEqualTo("S1");
        assertThat(xpath.evaluate("//ChartItem[End/Entity/@Identity='Firearm:f1']/AttributeCollection/Attribute"
                + "[@AttributeClass='ArmsTrace kind']/@Value", doc)).isEqualTo("Firearm");

        var links = new ArrayList<String>();
        NodeList linkItems = (NodeList) xpath.evaluate("/Chart/ChartItemCollection/ChartItem[Link]", doc, XPathConstants.NODESET);
        for (int i = 0; i < linkItems.getLength(); i++) {
            var item = linkItems.item(i);
            links.add(xpath.evaluate("Link/@End1Id", item) + "->" + xpath.evaluate("Link/@End2Id", item) + " "
                    + xpath.evaluate("@Label", item) + " " + xpath.evaluate("@DateTime", item));
        }
        // The link to an entity not on the chart is left out; links to the recovery carry its date.
        assertThat(links).containsExactly("E1->E2 possessed 2026-03-14T00:00:00", "E2->E3 recovered 2026-03-14T00:00:00",
                "E3->E4 made by ");
        assertThat(xpath.evaluate("count(/Chart/EntityTypeCollection/EntityType)", doc)).isEqualTo("4");
    }

    @Test
    void what_was_written_reads_back_as_the_same_entities_and_links() {
        PartnerChart back = AnxReader.read(new ByteArrayInputStream(write(SMALL)));
        assertThat(back.entities()).extracting(PartnerChart.Item::identity)
                .containsExactly("Person:p1", "Recovery:r1", "Firearm:f1", "Organisation:o1");
        assertThat(back.entities().get(1).date()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(back.entities().get(2).attributes()).containsEntry(AnxWriter.SERIAL, "S1")
                .containsEntry(AnxWriter.KIND, "Firearm");
        assertThat(back.links()).containsExactly(new PartnerChart.Link("E1", "E2", "possessed", LocalDate.of(2026, 3, 14)),
                new PartnerChart.Link("E2", "E3", "recovered", LocalDate.of(2026, 3, 14)),
                new PartnerChart.Link("E3", "E4", "made by", null));
    }
}
