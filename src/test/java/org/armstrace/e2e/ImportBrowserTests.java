package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journey 7 of PRODUCT.md in headless Chromium: an administrator dry-runs, then imports an extract, and reads the report. */
@ArmsTraceTest
@BrowserTest
class ImportBrowserTests extends ChromiumTest {

    @TempDir
    Path tmp;

    @Test
    void an_extract_is_dry_run_then_imported_with_progress_and_its_report_downloaded() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        String admin = "adm-" + tag;
        Page page = signedIn(admin, Role.ADMIN);
        page.setDefaultTimeout(30_000);
        String family = "Browser" + tag.replaceAll("\\d", "q");
        var csv = new StringBuilder("Numri personal,Emri,Mbiemri,Emri i prindit,Data e lindjes,Vendlindja\n");
        for (int i = 0; i < 3_000; i++) {
            // The row number twice: no two personal numbers are one slip apart, so none looks like a typo of another.
            csv.append(String.format("9%04d%04d%04d", Math.abs(tag.hashCode()) % 10_000, i, i)).append(",Agim").append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26)).append(',').append(family)
                    .append(",Naim,").append(String.format("%02d.%02d.19%02d", 1 + i % 28, 1 + i % 12, 40 + i % 60)).append(",Prizren\n");
        }
        csv.append(",Besnik,").append(family).append(",Naim,31.02.1971,Prizren\n");
        Path file = tmp.resolve("people-" + tag + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        try {
            page.navigate(url("/admin/imports"));
            page.locator("#import-profile input").fill("kosovo-people");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("kosovo-people")).first().click();
            page.locator("#import-upload input[type=file]").setInputFiles(file);
            assertThat(page.locator("#import-file")).containsText("received and kept");

            page.locator("#import-dry-run").click();
            assertThat(page.locator("#import-totals")).hasText("3,001 read = 3,000 accepted + 1 rejected");
            assertThat(page.locator("#import-batch")).containsText("Dry run");

            page.locator("#import-run").click();
            assertThat(page.locator("#import-progress")).isVisible();
            assertThat(page.locator("#import-totals")).hasText("3,001 read = 3,000 accepted + 1 rejected");
            assertThat(page.locator("#import-batch")).containsText("Completed");
            assertThat(page.locator("#import-counts")).containsText("People created: 3000");
            assertThat(page.locator("#import-issues")).containsText("31.02.1971 is not a date in any known layout.");

            Download report = page.waitForDownload(() -> page.locator("#import-report-csv").click());
            String text = Files.readString(report.path(), StandardCharsets.UTF_8);
            assertThat(text).contains("3,001 read = 3,000 accepted + 1 rejected").contains("31.02.1971");
            shot(page, "import-done");
        } catch (AssertionError | RuntimeException e) {
            shot(page, "import-failed");
            throw e;
        }
    }
}
