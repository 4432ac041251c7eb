package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner's ANX is hostile until read: anything with a DTD, or not a chart, is refused with a message key. */
class AnxReaderTest {

    private static PartnerChart read(String xml) {
        return AnxReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_external_entity_is_refused_and_the_file_it_names_is_never_read(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Chart [ <!ENTITY xxe SYSTEM "%s"> ]>
                <Chart><ChartItemCollection><ChartItem Label="&xxe;"><End><Entity EntityId="a" Identity="a">
                <Icon><IconStyle Type="Person"/></Icon></Entity></End></ChartItem></ChartItemCollection></Chart>
                """.formatted(secret.toUri());
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(IntelligenceRejected.class).hasMessage("anx.dtd");
    }

    @Test
    void a_billion_laughs_is_refused_before_any_entity_is_expanded() {
        var b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Chart [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            b.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        b.append("]>\n<Chart><ChartItemCollection><ChartItem Label=\"&lol9;\"/></ChartItemCollection></Chart>");
        long started = System.nanoTime();
        assertThatThrownBy(() -> read(b.toString())).isInstanceOf(IntelligenceRejected.class).hasMessage("anx.dtd");
        assertThat(System.nanoTime() - started).as("refused at once, not after expanding").isLessThan(2_000_000_000L);
    }

    @Test
    void an_external_dtd_is_refused_without_being_fetched() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE Chart SYSTEM "http://127.0.0.1:9/anx.dtd">
                <Chart><ChartItemCollection/></Chart>""";
        assertThatThrownBy(() -> read(xml)).isInstanceOf(IntelligenceRejected.class).hasMessage("anx.dtd");
    }

    @Test
    void what_is_not_xml_or_not_a_chart_is_refused_with_its_own_message() {
        assertThatThrownBy(() -> read("PK\u0003\u0004 not xml")).isInstanceOf(IntelligenceRejected.class)
                .hasMessage("anx.not-xml");
        assertThatThrownBy(() -> read("<html><body/></html>")).isInstanceOf(IntelligenceRejected.class)
                .hasMessage("anx.not-a-chart");
    }

    @Test
    void a_partners_chart_reads_its_entities_icons_dates_and_only_links_between_them() {
        PartnerChart chart = read("""
                <Chart><ChartItemCollection>
                  <ChartItem Label="Agim  Gashi" DateSet="false"><End><Entity EntityId="p" Identity="AL-P-77">
                    <Icon><IconStyle Type="Person"/></Icon></Entity></End></ChartItem>
                  <ChartItem Label="Zastava M70 A123" DateSet="true" DateTime="2025-11-02T14:30:00"><End>
                    <Entity EntityId="g" Identity="AL-G-9"><Icon><IconStyle Type="Gun"/></Icon></Entity></End>
                    <AttributeCollection><Attribute AttributeClass="Calibre" Value="7.62"/></AttributeCollection></ChartItem>
                  <ChartItem Label="owns"><Link End1Id="p" End2Id="g"><LinkStyle Type="Link"/></Link></ChartItem>
                  <ChartItem Label="dangling"><Link End1Id="p" End2Id="nobody"><LinkStyle Type="Link"/></Link></ChartItem>
                </ChartItemCollection></Chart>""");
        assertThat(chart.entities()).containsExactly(
                new PartnerChart.Item("p", "Agim  Gashi", "AL-P-77", "Person", null, java.util.Map.of()),
                new PartnerChart.Item("g", "Zastava M70 A123", "AL-G-9", "Gun", java.time.LocalDate.of(2025, 11, 2),
                        java.util.Map.of("Calibre", "7.62")));
        assertThat(chart.links()).containsExactly(new PartnerChart.Link("p", "g", "owns", null));
        assertThat(ChartMatches.kind(chart.entities().get(0))).isEqualTo(EntityRef.Kind.PERSON);
        assertThat(ChartMatches.kind(chart.entities().get(1))).isEqualTo(EntityRef.Kind.FIREARM);
    }
}
