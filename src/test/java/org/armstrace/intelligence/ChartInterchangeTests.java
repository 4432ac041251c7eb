package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * i2 interchange against the real graph: a chart goes out as ANX and comes back as an overlay
 * proposing the very records it came from; a partner's chart proposes weapons by serial and people
 * by name; nothing is merged until one match is accepted; hostile and oversized files are refused
 * and nothing of them is kept; only the chart's roles export, and the export is audited.
 */
@ArmsTraceTest
class ChartInterchangeTests {

    static final Provenance SOURCE = new Provenance("import:chart-interchange-test", Provenance.Confidence.HIGH);

    @Autowired ChartInterchange interchange;
    @Autowired LinkAnalysis links;
    @Autowired PersonRegistry people;
    @Autowired FirearmRegistry firearms;
    @Autowired Holdings holdings;
    @Autowired Cases cases;
    @Autowired CaseLinks caseLinks;
    @Autowired AuditLog audit;
    @Autowired Neo4jClient neo4j;
    @Autowired GraphProperties graph;

    record Fixture(Person holder, Firearm weapon, Licence licence, String tag) {
    }

    Fixture fixture() {
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Person holder = Actors.analyst(() -> people.register(NewPeople.newPerson("Fatmir", "Krasniqi" + tag)
                .born(LocalDate.of(1971, 2, 3)).nationalId("12" + tag + "0077").build(), SOURCE));
        Firearm weapon = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M57").calibre("7.62 Tokarev").serial("ANX" + tag).country("RS").year(1985).build(), SOURCE));
        Licence licence = Actors.analyst(() -> holdings.issueLicence("LIC-ANX-" + tag, Licence.Kind.POSSESSION,
                holder.id(), "MUP", LocalDate.of(2012, 5, 1), null, SOURCE));
        neo4j.query("MATCH (l:Licence {id: $l}), (f:Firearm {id: $f}) CREATE (l)-[:COVERS]->(f)")
                .bind(licence.id()).to("l").bind(weapon.id()).to("f").run();
        return new Fixture(holder, weapon, licence, tag);
    }

    private LinkGraph chartOf(Fixture f) {
        return Actors.analyst(() -> links.neighbourhood(new EntityRef(EntityRef.Kind.LICENCE, f.licence().id()), Set.of(), 2));
    }

    private byte[] export(LinkGraph chart) {
        var out = new ByteArrayOutputStream();
        Actors.analyst(() -> {
            interchange.exportAnx(chart, type -> "rel " + type, out);
            return null;
        });
        return out.toByteArray();
    }

    private long imports() {
        return neo4j.query("MATCH (c:ChartImport) RETURN count(c) AS n").fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void a_chart_exported_and_imported_again_is_an_overlay_of_all_its_items_proposing_the_original_records()
            throws Exception {
        Fixture f = fixture();
        LinkGraph chart = chartOf(f);
        assertThat(chart.entities()).extracting(LinkGraph.Entity::ref).contains("Person:" + f.holder().id(),
                "Firearm:" + f.weapon().id(), "Licence:" + f.licence().id());

        var overlay = Actors.analyst(() -> interchange.importAnx("chart back.anx", new ByteArrayInputStream(export(chart))));

        assertThat(overlay.chart().entities()).extracting(PartnerChart.Item::identity)
                .containsExactlyElementsOf(chart.entities().stream().map(LinkGraph.Entity::ref).toList());
        assertThat(overlay.chart().entities()).extracting(PartnerChart.Item::label)
                .containsExactlyElementsOf(chart.entities().stream().map(LinkGraph.Entity::caption).toList());
        assertThat(overlay.chart().links()).hasSameSizeAs(chart.links());
        for (PartnerChart.Item item : overlay.chart().entities()) {
            assertThat(overlay.proposals().get(item.id())).as(item.label()).isNotEmpty()
                    .first().isEqualTo(new ChartMatches.Proposal(item.identity(), item.label(), 1.0, "anx.match.reference"));
        }
        // Kept as received, by its hash, and recorded; nothing merged.
        assertThat(Files.readAllBytes(graph.dataDir().resolve("partner-charts").resolve(overlay.sha256().substring(0, 2))
                .resolve(overlay.sha256()))).isEqualTo(export(chart));
        assertThat(Actors.analyst(() -> interchange.accepted(overlay.importId()))).isEmpty();
        List<AuditEvent> events = Actors.admin(() -> audit.about("ChartImport:" + overlay.importId(), 10));
        assertThat(events).extracting(AuditEvent::action).containsExactly("intelligence.anx-imported");
        assertThat(events.getFirst().details()).contains("chart back.anx", overlay.sha256());
    }

    @Test
    void a_partners_chart_proposes_weapons_by_serial_and_people_by_name_and_accepting_one_only_links_it() {
        Fixture f = fixture();
        String partner = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Chart><ChartItemCollection>
                  <ChartItem Label="Fatmir Krasniqi%1$s"><End><Entity EntityId="p" Identity="AL-P-1">
                    <Icon><IconStyle Type="Person"/></Icon></Entity></End></ChartItem>
                  <ChartItem Label="Zastava M57 ANX%1$s" DateSet="true" DateTime="2025-11-02T00:00:00"><End>
                    <Entity EntityId="g" Identity="AL-G-1"><Icon><IconStyle Type="Gun"/></Icon></Entity></End></ChartItem>
                  <ChartItem Label="Border crossing"><End><Entity EntityId="x" Identity="AL-X-1">
                    <Icon><IconStyle Type="Place"/></Icon></Entity></End></ChartItem>
                  <ChartItem Label="carried"><Link End1Id="p" End2Id="g"><LinkStyle Type="Link"/></Link></ChartItem>
                </ChartItemCollection></Chart>""".formatted(f.tag());
        long people = neo4j.query("MATCH (p:Person) RETURN count(p) AS n").fetchAs(Long.class).one().orElseThrow();

        var overlay = Actors.analyst(() -> interchange.importAnx("partner.anx",
                new ByteArrayInputStream(partner.getBytes(StandardCharsets.UTF_8))));

        assertThat(overlay.proposals().get("g")).extracting(ChartMatches.Proposal::ref, ChartMatches.Proposal::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("Firearm:" + f.weapon().id(), "anx.match.serial"));
        assertThat(overlay.proposals().get("p")).extracting(ChartMatches.Proposal::ref, ChartMatches.Proposal::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("Person:" + f.holder().id(), "anx.match.person"));
        assertThat(overlay.proposals()).doesNotContainKey("x");

        Actors.analyst(() -> {
            interchange.accept(overlay.importId(), "g", new EntityRef(EntityRef.Kind.FIREARM, f.weapon().id()));
            return null;
        });

        assertThat(Actors.analyst(() -> interchange.accepted(overlay.importId())))
                .isEqualTo(Map.of("g", "Firearm:" + f.weapon().id()));
        var link = neo4j.query("""
                        MATCH (:ChartImport {id: $id})-[m:MATCHED]->(f:Firearm)
                        RETURN m.provenance AS provenance, m.label AS label, m.by AS by, f.serialAsRead AS serial""")
                .bind(overlay.importId()).to("id").fetch().one().orElseThrow();
        assertThat(link).isEqualTo(Map.of("provenance", "i2:partner.anx", "label", "Zastava M57 ANX" + f.tag(),
                "by", Actors.ANALYST, "serial", "ANX" + f.tag()));
        assertThat(neo4j.query("MATCH (p:Person) RETURN count(p) AS n").fetchAs(Long.class).one().orElseThrow())
                .as("no person was created from the partner's chart").isEqualTo(people);
        assertThat(Actors.admin(() -> audit.about("Firearm:" + f.weapon().id(), 20))).extracting(AuditEvent::action)
                .contains("intelligence.anx-match-accepted");
        assertThatThrownBy(() -> Actors.analyst(() -> {
            interchange.accept(overlay.importId(), "nobody", new EntityRef(EntityRef.Kind.FIREARM, f.weapon().id()));
            return null;
        })).isInstanceOf(IntelligenceRejected.class).hasMessage("anx.no-such-item");
    }

    @Test
    void a_hostile_or_oversized_chart_is_refused_with_its_reason_and_nothing_is_kept() {
        long before = imports();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Chart [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <Chart><ChartItemCollection><ChartItem Label="&xxe;"/></ChartItemCollection></Chart>""";
        assertThatThrownBy(() -> Actors.analyst(() -> interchange.importAnx("x.anx",
                new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(IntelligenceRejected.class).hasMessage("anx.dtd");
        // 50 MB of a chart that never ends: refused at the limit, never read whole.
        var fifty = new InputStream() {
            long left = 50L << 20;
            long read;

            @Override
            public int read() {
                return left-- > 0 ? (int) (++read % 26 + 'a') : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                read += n;
                return n;
            }
        };
        assertThatThrownBy(() -> Actors.analyst(() -> interchange.importAnx("big.anx", fifty)))
                .isInstanceOf(IntelligenceRejected.class).hasMessage("anx.too-large");
        assertThat(fifty.read).as("read no further than the limit").isLessThanOrEqualTo(interchange.maxBytes() + 1);
        assertThat(imports()).isEqualTo(before);
    }

    @Test
    void only_the_charts_roles_export_and_the_export_is_audited_naming_the_people_in_it() {
        Fixture f = fixture();
        LinkGraph chart = chartOf(f);
        for (var role : List.<java.util.function.Supplier<Object>>of(
                () -> Actors.officer(() -> { interchange.exportAnx(chart, t -> t, OutputStream.nullOutputStream()); return null; }),
                () -> Actors.intake(() -> { interchange.exportAnx(chart, t -> t, OutputStream.nullOutputStream()); return null; }))) {
            assertThatThrownBy(role::get).isInstanceOf(AccessDeniedException.class);
        }
        String anx = new String(export(chart), StandardCharsets.UTF_8);
        assertThat(anx).contains("Fatmir Krasniqi" + f.tag());
        List<AuditEvent> events = Actors.admin(() -> audit.about("Person:" + f.holder().id(), 50)).stream()
                .filter(e -> e.action().equals("intelligence.chart-anx-exported")).toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Actors.ANALYST);
            assertThat(e.entities()).contains("Licence:" + f.licence().id(), "Person:" + f.holder().id());
        });
    }
}
