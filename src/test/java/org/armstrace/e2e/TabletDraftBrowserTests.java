package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A shared tablet keeps nothing of the officer who used it: the recovery form's offline copy is
 * encrypted under the session's key and bound to its user, and sign-out or the end of the session
 * removes it. (The offline journey itself, with its restore after a closed tab, is in
 * {@link BrowserTests}.)
 */
@ArmsTraceTest
@BrowserTest
class TabletDraftBrowserTests extends ChromiumTest {

    static final String PASSWORD = "gloves-on tablet secret";
    static final String DRAFTS = "armstrace.recovery.draft.";
    /** Everything the page's origin keeps: both storages, key and value, and every IndexedDB database's records. */
    static final String EVERYTHING_STORED = """
            async () => {
              const out = [];
              for (const s of [localStorage, sessionStorage]) {
                for (let i = 0; i < s.length; i++) {
                  out.push(s.key(i) + '=' + s.getItem(s.key(i)));
                }
              }
              for (const info of await indexedDB.databases()) {
                out.push('indexedDB:' + info.name);
                const db = await new Promise((ok, ko) => {
                  const r = indexedDB.open(info.name);
                  r.onsuccess = () => ok(r.result);
                  r.onerror = () => ko(r.error);
                });
                for (const name of Array.from(db.objectStoreNames)) {
                  const all = await new Promise((ok, ko) => {
                    const r = db.transaction(name).objectStore(name).getAll();
                    r.onsuccess = () => ok(r.result);
                    r.onerror = () => ko(r.error);
                  });
                  out.push(name + ':' + JSON.stringify(all));
                }
                db.close();
              }
              return out.join('\\n');
            }
            """;
    /** True once the page's own (decrypted) copy has possessor 0's given name {@code arg}. */
    static final String COPY_HAS_NAME = """
            given => window.armstraceDraft.copies().then(cs => cs.some(c => c.fields['p0.given'] === given))
            """;

    Page page;

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
            page = null;
        }
    }

    @Test
    void a_possessors_name_typed_on_a_tablet_is_never_stored_in_clear_and_sign_out_leaves_nothing_behind() {
        String tag = tag();
        String given = "Zymer" + tag;
        String nationalId = "1" + Math.abs(tag.hashCode());
        newTablet(officer(tag));

        page.navigate(url("/recoveries/new"));
        page.locator("#recovery-add-possessor").click();
        page.locator("[id='p0.nid'] input").fill(nationalId);
        page.locator("[id='p0.family'] input").fill("Krasniqi-" + tag);
        page.locator("[id='p0.given'] input").fill(given);
        waitForCopy();

        String stored = everythingStored();
        assertThat(stored).as("the encrypted copy is there").contains(DRAFTS);
        assertThat(stored).as("but nothing of the possessor in clear")
                .doesNotContain(given).doesNotContain(nationalId).doesNotContain("Krasniqi-" + tag);
        page.waitForFunction(COPY_HAS_NAME, given); // and the page itself can read it
        assertThat(everythingStored()).doesNotContain(given);

        page.locator("#logout").click();
        assertThat(page.locator("input[name='username']")).isVisible();
        String left = everythingStored();
        assertThat(left).doesNotContain(DRAFTS).doesNotContain(given).doesNotContain(nationalId)
                .doesNotContain("Krasniqi-" + tag);
    }

    @Test
    void a_second_officer_on_the_same_tablet_never_sees_the_first_officers_draft() {
        String tag = tag();
        String first = officer(tag);
        String given = "Valbona" + tag;
        newTablet(first);
        page.navigate(url("/recoveries/new"));
        page.locator("#recovery-add-possessor").click();
        assertThat(page.locator("[id='p0.given'] input")).isVisible();
        page.waitForTimeout(1500); // the server has the empty row
        // Typed offline: only the tablet's copy has the name.
        page.context().setOffline(true);
        page.locator("[id='p0.given'] input").fill(given);
        waitForCopy();
        assertThat(everythingStored()).doesNotContain(given);
        page.waitForFunction(COPY_HAS_NAME, given);
        String leftBehind = (String) page.evaluate("p => JSON.stringify(Object.entries(localStorage)"
                + ".filter(([k]) => k.startsWith(p)))", DRAFTS);
        assertThat(leftBehind).contains(DRAFTS).doesNotContain(given);
        String sealed = (String) page.evaluate("p => Object.entries(localStorage).filter(([k]) => k.startsWith(p))"
                + ".map(([k, v]) => JSON.parse(v).data).join(',')", DRAFTS);

        // The session ends without a sign-out (expired, or the tablet's browser dropped it).
        page.context().clearCookies();
        page.context().setOffline(false);
        page.navigate(url("/recoveries/new"));
        assertThat(page.locator("input[name='username']")).isVisible();
        assertThat(everythingStored()).doesNotContain(DRAFTS).doesNotContain(given);

        // The next officer on this tablet.
        String second = officer(tag + "b");
        Chromium.firstSignIn(page, second, oneTime);
        page.navigate(url("/recoveries/new"));
        assertThat(page.locator("#recovery-add-possessor")).isVisible();
        assertThat(page.locator("#recovery-draft-banner")).isHidden();
        assertThat(page.locator("[id='p0.given']")).hasCount(0);
        assertThat(page.content()).doesNotContain(given);

        // A copy that outlived its session (planted back, as if its removal had failed) cannot be
        // read with the next session's key: the first officer, signed in again, is not shown it.
        page.locator("#logout").click();
        assertThat(page.locator("input[name='username']")).isVisible();
        signIn(first, PASSWORD);
        page.evaluate("entries => JSON.parse(entries).forEach(([k, v]) => localStorage.setItem(k, v))", leftBehind);
        page.navigate(url("/recoveries/new"));
        assertThat(page.locator("#recovery-draft-banner")).isVisible(); // the server's draft, with its empty row
        assertThat(page.locator("[id='p0.given'] input")).hasValue("");
        page.waitForTimeout(1000);
        assertThat(page.locator("[id='p0.given'] input")).hasValue("");
        assertThat(everythingStored()).as("the copy that could not be read is gone").doesNotContain(given)
                .doesNotContain(sealed);
    }

    private String oneTime;

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "Q");
    }

    /** A new field officer's name; {@link #oneTime} is their one-time password. */
    private String officer(String tag) {
        String name = "fo-" + tag.toLowerCase(Locale.ROOT);
        oneTime = Actors.admin(() -> users.create(name, "Field Officer", EnumSet.of(Role.FIELD_OFFICER)));
        return name;
    }

    /** A tablet-sized browser, with the officer signed in for the first time. */
    private void newTablet(String officer) {
        page = context(new Browser.NewContextOptions().setViewportSize(768, 1024).setLocale("en-GB")
                .setHasTouch(true)).newPage();
        page.setDefaultTimeout(20_000);
        page.navigate(url("/login"));
        Chromium.firstSignIn(page, officer, oneTime);
    }

    private void signIn(String user, String password) {
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill(password);
        page.locator("input[name='password']").press("Enter");
        assertThat(page.locator("#logout")).isVisible();
    }

    /** Until the form has written its copy to localStorage, and the last field typed had time to reach it. */
    private void waitForCopy() {
        page.waitForFunction("p => Object.keys(localStorage).some(k => k.startsWith(p))", DRAFTS);
        page.waitForTimeout(1000);
    }

    private String everythingStored() {
        return (String) page.evaluate(EVERYTHING_STORED);
    }
}
