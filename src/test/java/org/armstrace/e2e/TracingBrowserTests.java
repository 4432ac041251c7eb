package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;

/** Journey 2 of PRODUCT.md in headless Chromium: a partner's request from intake to the answer sent as a document. */
@ArmsTraceTest
@BrowserTest
class TracingBrowserTests extends ChromiumTest {


    @Test
    void a_request_goes_from_intake_to_assignment_answer_approval_and_a_downloaded_answer() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        String intake = "in-" + tag;
        String analyst = "an-" + tag;
        String supervisor = "su-" + tag;
        Page intakePage = signedIn(intake, Role.INTAKE);
        Page analystPage = signedIn(analyst, Role.ANALYST);
        Page supervisorPage = signedIn(supervisor, Role.SUPERVISOR);

        try {
            journey(tag, analyst, supervisor, intakePage, analystPage, supervisorPage);
        } catch (AssertionError | RuntimeException e) {
            shot(intakePage, "trace-failed-intake");
            shot(analystPage, "trace-failed-analyst");
            shot(supervisorPage, "trace-failed-supervisor");
            throw e;
        }
    }

    private void journey(String tag, String analyst, String supervisor, Page intakePage, Page analystPage,
                         Page supervisorPage) throws Exception {
        // Intake: the request typed in from a partner's letter.
        intakePage.navigate(url("/tracing/new"));
        choose(intakePage, "#intake-from", "Albania", "Albania (AL)");
        intakePage.locator("#intake-make input").fill("Zastava");
        intakePage.locator("#intake-serial input").fill("E2E-TR-" + tag);
        intakePage.locator("#intake-why textarea").fill("Found in a car without a licence at the Morinë crossing");
        intakePage.locator("#intake-legal textarea").fill("Criminal Procedure Code art. 208");
        assertThat(intakePage.locator("#intake-missing")).containsText("the intended use");
        intakePage.locator("#intake-use textarea").fill("Criminal proceedings");
        intakePage.locator("#intake-save").click();
        intakePage.waitForURL("**/tracing/request/**");
        assertThat(intakePage.locator("h2")).containsText("XK-IN-");
        String number = intakePage.locator("h2").first().innerText().strip();
        String requestUrl = intakePage.url();
        shot(intakePage, "trace-1-intake");

        // Assignment: whoever the workload chose, the supervisor gives it to our analyst.
        supervisorPage.navigate(requestUrl);
        choose(supervisorPage, "#trace-reassign-to", analyst, analyst);
        supervisorPage.locator("#trace-reassign").click();
        assertThat(supervisorPage.locator("#trace-facts")).containsText(analyst);

        // Answer: the analyst starts work and drafts it.
        analystPage.navigate(url("/tracing"));
        assertThat(analystPage.locator("#trace-queue")).containsText(number);
        analystPage.navigate(requestUrl);
        analystPage.locator("#move-IN_PROGRESS").click();
        assertThat(analystPage.locator("#trace-status")).hasText("In progress");
        analystPage.locator("#answer-outcome vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Traced to the last legal holder")).click();
        analystPage.locator("#answer-findings textarea").fill("Registered in 2004 to a dealer in Prizren; stolen in 2019.");
        analystPage.locator("#answer-diverted input").click();
        choose(analystPage, "#answer-diversion-country", "Kosovo", "Kosovo (XK)");
        choose(analystPage, "#answer-diversion-method", "Theft", "Theft");
        analystPage.locator("#answer-save").click();
        assertThat(analystPage.locator("#trace-status")).hasText("Answer drafted");
        assertThat(analystPage.locator("#move-APPROVED")).hasCount(0);
        shot(analystPage, "trace-2-drafted");

        // Approval, and the answer sent: the supervisor approves, marks it answered and downloads it.
        supervisorPage.reload();
        supervisorPage.locator("#move-APPROVED").click();
        assertThat(supervisorPage.locator("#trace-status")).hasText("Approved");
        supervisorPage.locator("#move-ANSWERED").click();
        assertThat(supervisorPage.locator("#trace-status")).hasText("Answered");
        Download download = supervisorPage.waitForDownload(() -> supervisorPage.locator("#document-answer-docx").click());
        assertThat(download.suggestedFilename()).isEqualTo(number + "-answer.docx");
        byte[] docx = Files.readAllBytes(download.path());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains(number, "Reply to a tracing request", "stolen in 2019", "Theft",
                    "Kosovo (XK)", supervisor);
        }
        assertThat(supervisorPage.locator("#trace-documents .kept-document")).hasCount(1);
        assertThat(supervisorPage.locator("#trace-audit")).containsText("trace.document");
        shot(supervisorPage, "trace-3-answered");
    }

    /** Types into a combo box and picks the item from its overlay, as a user would. */
    private static void choose(Page page, String comboBox, String typed, String item) {
        page.locator(comboBox + " input").fill(typed);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
        assertThat(page.locator(comboBox + " input")).hasValue(item);
    }
}
