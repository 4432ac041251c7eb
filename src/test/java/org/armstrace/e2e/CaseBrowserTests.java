package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.base.Sha256;
import org.armstrace.base.Translations;
import org.armstrace.notify.NotificationKind;
import org.armstrace.notify.Notifications;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.NewFirearms;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceIntake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case's life in headless Chromium (issue 28): opened from an alert, a recovery and a trace
 * request added from their pages, a note naming a colleague, and the case file for the prosecutor
 * produced and downloaded, its package checked against its manifest as the receiving system would.
 * The colleague's e-mail is read back from a real SMTP server (GreenMail on the port the test profile
 * gives {@code spring.mail.port}, as in {@code NotificationsTests}).
 */
@ArmsTraceTest
@BrowserTest
class CaseBrowserTests extends ChromiumTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Recoveries recoveries;
    @Autowired
    TraceIntake traceIntake;
    @Autowired
    Notifications notifications;

    static GreenMail smtp;

    @BeforeAll
    static void startSmtp(@Value("${spring.mail.port}") int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_case_opened_from_an_alert_gathers_a_recovery_a_trace_and_a_note_and_its_file_downloads_with_hashes_that_check()
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        neo4j.query("""
                CREATE (holder:Person {id: 'cb-holder-' + $tag, givenName: 'Agim' + $tag, familyName: 'Gashi'})
                CREATE (a:Alert {id: 'cb-alert-' + $tag, key: 'DIVERSION:Person:cb-holder-' + $tag, pattern: 'DIVERSION',
                                 subject: 'Person:cb-holder-' + $tag, score: 1.0e9, status: 'OPEN', current: true,
                                 args: ['Agim' + $tag + ' Gashi', '3', '4', 'PERSON'], firstSeenAt: datetime(), seenAt: datetime(),
                                 evidence: ['Person:cb-holder-' + $tag]})
                CREATE (a)-[:HAS_EVENT]->(:AlertEvent {at: datetime(), by: 'system', kind: 'FOUND', added: a.evidence,
                                                       removed: []})
                """).bind(tag).to("tag").run();
        String recovery = Actors.officer(() -> recoveries.record(NewRecoveries.newRecovery().key(UUID.randomUUID().toString())
                .kind(RecoveryKind.SEIZED).at(Instant.now().minus(3, ChronoUnit.HOURS))
                .place(new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null)).circumstances("Vehicle check")
                .weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                        .calibre("7.65 Browning").serial("CB-" + tag).build(), false, List.of()))
                .build())).recoveryId();
        String trace = Actors.intake(() -> traceIntake.receive(new NewTraceRequest(Direction.INCOMING, "AL", "REF-" + tag,
                Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "CB-" + tag, "RS", "Seized without licence",
                "Law on Weapons art. 12", "Criminal proceedings", "Vehicle check", NewTraceRequest.Channel.API, null,
                null))).id();
        String colleague = "cb-co-" + tag;
        Actors.admin(() -> users.create(colleague, "Colleague " + tag, EnumSet.of(Role.ANALYST)));
        String colleagueAddress = colleague + "@" + tag + ".example";
        Actors.analyst(colleague, () -> {
            users.setOwnLocale(Translations.SERBIAN_LATIN);
            return notifications.saveMySettings(colleagueAddress, EnumSet.of(NotificationKind.MENTION));
        });

        Page page = signedIn("cb-an-" + tag, Role.ANALYST);
        page.setDefaultTimeout(30_000);
        try {
            // From the alert: a new case on it, and its page.
            page.navigate(url("/intelligence/alerts"));
            page.locator("#alerts-pattern").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Diversion")).click();
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Agim" + tag)).first()
                    .click();
            page.locator("#add-to-case").click();
            page.locator("#add-to-case-title input").fill("Straw buyer " + tag);
            page.locator("#add-to-case-confirm").click();
            page.waitForURL("**/case/**");
            String number = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(page.locator("#case-links")).containsText("Alerts (1)");

            // The recovery and the trace request join it from their own pages.
            page.navigate(url("/recovery/" + recovery));
            addToExisting(page, number);
            page.navigate(url("/tracing/request/" + trace));
            addToExisting(page, number);
            assertThat(page.locator("#case-links")).containsText("Recoveries (1)");
            assertThat(page.locator("#case-links")).containsText("Trace requests (1)");
            assertThat(page.locator("#case-timeline")).containsText("Timeline and map of everything linked");

            // A note naming a colleague, who is notified.
            page.locator("#case-note textarea").fill("@" + colleague + " the trace from Albania is in.");
            page.locator("#case-note-add").click();
            assertThat(page.locator("#case-notes")).containsText("the trace from Albania is in.");
            assertThat(neo4j.query("MATCH (n:CaseNotification {user: $user, case: $case}) RETURN count(n)")
                    .bindAll(Map.of("user", colleague, "case", number)).fetchAs(Long.class).one().orElseThrow()).isEqualTo(1);
            // ... and by e-mail, in their language (Serbian Latin), with a link to the case; the note's text stays home.
            assertThat(mailTo(colleagueAddress)).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("ArmsTrace: cb-an-" + tag + " vas je pomenuo u predmetu " + number);
                assertThat((String) m.getContent()).contains("cb-an-" + tag + " vas je pomenuo u belešci u predmetu " + number)
                        .contains("/case/" + number).doesNotContain("Albania");
            });

            // The case file: produced, both files downloaded, the package checked against its manifest.
            page.locator("#case-file-produce").click();
            assertThat(page.locator("#case-files-produced")).containsText("DOCX SHA-256");
            shot(page, "case-file");
            Download docx = page.waitForDownload(() -> page.locator("#case-file-docx").click());
            assertThat(docx.suggestedFilename()).isEqualTo(number + "-case-file.docx");
            byte[] docxBytes = Files.readAllBytes(docx.path());
            try (var doc = new XWPFDocument(new ByteArrayInputStream(docxBytes)); var text = new XWPFWordExtractor(doc)) {
                assertThat(text.getText()).contains(number, "Straw buyer " + tag, "CB-" + tag, "case.note-added");
            }
            Download zip = page.waitForDownload(() -> page.locator("#case-file-zip").click());
            assertThat(zip.suggestedFilename()).isEqualTo(number + "-case-file.zip");
            var entries = new HashMap<String, byte[]>();
            try (var in = new ZipInputStream(Files.newInputStream(zip.path()))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
            assertThat(manifest.get("caseNumber").asString()).isEqualTo(number);
            assertThat(manifest.get("files")).hasSize(entries.size() - 1);
            manifest.get("files").forEach(file -> {
                byte[] content = entries.get(file.get("path").asString());
                assertThat(content).as(file.get("path").asString()).isNotNull();
                assertThat(Sha256.hex(content)).isEqualTo(file.get("sha256").asString());
            });
            assertThat(entries.get(number + "-case-file.docx")).isEqualTo(docxBytes);
            assertThat(manifest.get("entities").toString()).contains("cb-alert-" + tag, recovery, trace);
        } catch (AssertionError | RuntimeException e) {
            shot(page, "case-failed");
            throw e;
        }
    }

    /** The messages GreenMail received for this address, waiting up to ten seconds for the first (the outbox sends after commit). */
    private static List<MimeMessage> mailTo(String address) throws InterruptedException {
        for (int i = 0; ; i++) {
            var mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return GreenMailUtil.getAddressList(m.getAllRecipients()).equals(address);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (!mail.isEmpty() || i == 100) {
                return mail;
            }
            Thread.sleep(100);
        }
    }

    /** "Add to case" on a record's page, into the case with this number; the case's page opens. */
    private static void addToExisting(Page page, String number) {
        page.locator("#add-to-case").click();
        page.locator("vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("An existing case")).click();
        page.locator("#add-to-case-existing input").fill(number);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(number)).first().click();
        page.locator("#add-to-case-confirm").click();
        page.waitForURL("**/case/" + number);
    }
}
