package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.TestClock;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The real thing: the application on a random port, driven by headless Chromium
 * ({@code .ci/run} installs it with apt). Screenshots land in target/e2e/.
 */
@ArmsTraceTest
@BrowserTest
class BrowserTests extends ChromiumTest {

    static final String ADMIN_PASSWORD = "Kosovo-FFP-2026-pw!";
    @Autowired
    FirearmRegistry registry;
    @Autowired
    PersonRegistry people;
    @Autowired
    Photos photos;
    @Autowired
    ReferenceData reference;
    @Autowired
    TestClock clock;
    Page page;

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
            page = null;
        }
    }

    private Page open(int width, int height) {
        page = context(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-GB"))
                .newPage();
        page.setDefaultTimeout(20_000);
        page.navigate("https://localhost:" + port + "/login");
        return page;
    }

    private void signIn(String user, String password) {
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill(password);
        page.locator("input[name='password']").press("Enter");
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/e2e/" + name + ".png")));
    }

    @Test
    void a_script_injected_from_another_origin_is_blocked_and_reported_as_a_policy_violation() {
        open(1280, 900);
        page.locator("input[name='username']").waitFor();

        page.evaluate("() => { const s = document.createElement('script'); s.src = 'https://" + INJECTED_ORIGIN
                + "/steal.js'; document.head.appendChild(s); }");

        page.waitForCondition(() -> cspViolations.stream().anyMatch(v -> v.contains(INJECTED_ORIGIN)));
    }

    @Test
    void an_administrator_sees_the_health_details_an_analyst_only_the_status_and_every_cookie_is_secure() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Page admin = signedIn("health-admin-" + suffix, Role.ADMIN);
        Page analyst = signedIn("health-analyst-" + suffix, Role.ANALYST);
        try {
            assertThat(admin.request().get(url("/actuator/health")).text()).contains("\"components\"", "\"neo4j\"");
            assertThat(analyst.request().get(url("/actuator/health")).text()).contains("\"status\":\"UP\"")
                    .doesNotContain("components", "neo4j");
            for (Page signedIn : List.of(admin, analyst)) {
                assertThat(signedIn.context().cookies()).isNotEmpty().allSatisfy(c -> {
                    assertThat(c.secure).as(c.name + " Secure").isTrue();
                    assertThat(c.httpOnly).as(c.name + " HttpOnly").isTrue();
                    assertThat(c.sameSite).as(c.name + " SameSite").isEqualTo(SameSiteAttribute.STRICT);
                });
            }
        } finally {
            admin.context().close();
            analyst.context().close();
        }
    }

    @Test
    void a_wrong_password_shows_a_plain_message_and_no_stack_trace() {
        open(1440, 900);
        signIn("admin", "not-the-password");

        assertThat(page.getByText("The user name or password is not correct.")).isVisible();
        shot("login-error");
        String text = page.locator("body").innerText();
        assertThat(text).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(page.url()).contains("/login?error");
    }

    @Test
    void a_page_left_open_signs_itself_out_after_the_session_timeout_though_its_bell_keeps_polling() {
        String user = "idle-" + UUID.randomUUID().toString().substring(0, 6);
        String oneTime = Actors.admin(() -> users.create(user, user, EnumSet.of(Role.ANALYST)));
        page = context(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB")).newPage();
        page.setDefaultTimeout(20_000);
        // The page's timers run on as usual, and can be moved on: the bell's minute between polls at once.
        page.clock().install();
        page.navigate(url("/login"));
        Chromium.firstSignIn(page, user, oneTime);
        poll(); // follows the sign-in's own requests: activity

        clock.advance(Duration.ofMinutes(20));
        poll();
        assertThat(page.locator("#logout")).isVisible();

        clock.advance(Duration.ofMinutes(11)); // 31 minutes of polls alone; the timeout is 30
        poll();
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("input[name='username']")).isVisible();
    }

    /**
     * Lets the page's own requests finish, moves its clock past the bell's minute and waits for the poll's
     * answer: any other request between two polls would count as the user's activity.
     */
    private void poll() {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForResponse(r -> r.url().contains("v-r=uidl") && String.valueOf(r.request().postData()).contains("ui-poll"),
                () -> page.clock().fastForward(61_000));
    }

    @Test
    void the_first_administrator_signs_in_and_sees_the_menu_on_a_desktop() {
        open(1440, 900);
        signIn("admin", ADMIN_PASSWORD);

        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                .setHasText("Users"))).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                .setHasText("Audit trail"))).isVisible();
        assertThat(page.locator("#current-user")).hasText("admin");
        shot("desktop-home");
    }

    @Test
    void on_a_tablet_the_menu_opens_from_the_drawer_toggle() {
        open(768, 1024);
        signIn("admin", ADMIN_PASSWORD);
        assertThat(page.locator("#current-user")).hasText("admin");

        page.locator("vaadin-drawer-toggle").click();

        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                .setHasText("Users"))).isVisible();
        shot("tablet-menu");
    }

    @Test
    void on_a_phone_the_shell_still_works_with_the_menu_in_the_drawer() {
        open(390, 844);
        signIn("admin", ADMIN_PASSWORD);
        assertThat(page.locator("#logout")).isVisible();

        page.locator("vaadin-drawer-toggle").click();

        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                .setHasText("Audit trail"))).isVisible();
        shot("phone-menu");
    }

    @Test
    void on_a_tablet_a_misread_serial_finds_the_weapon_and_opens_its_record() {
        String serial = "E2E" + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "7") + "S0";
        Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                .calibre("7.65 Browning").serial(serial).country("RS").year(1988)
                .build(), new Provenance("e2e", Provenance.Confidence.HIGH)));
        open(768, 1024);
        signIn("admin", ADMIN_PASSWORD);
        assertThat(page.locator("#current-user")).hasText("admin");

        page.navigate("https://localhost:" + port + "/registry");
        page.locator("#registry-serial input").fill(serial.substring(0, serial.length() - 2) + "5O");
        page.locator("#registry-serial input").press("Enter");

        assertThat(page.getByText("S read as 5").first()).isVisible();
        shot("tablet-registry-search");
        page.getByText(serial).first().click();
        assertThat(page.locator("#firearm-timeline")).containsText("Registered");
        // Cytoscape.js draws the neighbourhood (the weapon and its maker) on canvases in the shadow root.
        page.locator("#firearm-graph canvas").first().waitFor();
        assertThat(page.locator("#firearm-graph canvas").first()).isVisible();

        page.locator("#firearm-report-lost").click();
        page.locator("#lost-report").click();
        assertThat(page.locator("#firearm-alerts")).containsText("Reported Stolen");
        shot("tablet-firearm");

        page.navigate("https://localhost:" + port + "/registry");
        page.locator("#registry-serial input").fill(serial);
        page.locator("#registry-serial input").press("Enter");
        assertThat(page.locator("#registry-results")).containsText("Stolen");
    }

    @Test
    void an_analyst_finds_a_person_written_in_cyrillic_by_a_latin_spelling_corrects_the_record_and_adds_a_photo_to_a_weapon()
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var person = Actors.admin(() -> people.register(NewPeople.newPerson("Ђорђе", "Ђурђевић").bornIn("Kraljevo")
                .nationalId("E2E" + tag).build(), new Provenance("e2e", Provenance.Confidence.HIGH)));
        var weapon = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("rifle").make("Zastava")
                .model("M48").calibre("7.92x57").serial("E2EP" + tag.toUpperCase()).country("RS").year(1952).build(),
                new Provenance("e2e", Provenance.Confidence.HIGH)));
        open(1440, 900);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate("https://localhost:" + port + "/registry");
        page.locator("#registry-serial input").fill("Djordje Djurdjevic");
        page.locator("#registry-serial input").press("Enter");
        assertThat(page.locator("#registry-people")).containsText("Ђорђе Ђурђевић");
        assertThat(page.locator("#registry-people")).containsText("across script or spelling");
        page.getByText("Đorđe Đurđević").first().click();
        assertThat(page.locator("#person-facts")).containsText("Kraljevo");
        shot("desk-person");

        // The desk corrects the record; the change shows in its history as a sentence.
        page.locator("#person-correct").click();
        page.locator("#person-desk-birth-place input").fill("Kruševac");
        page.locator("#person-desk-reason input").fill("birth certificate seen");
        page.locator("#person-desk-save").click();
        assertThat(page.locator("#person-facts")).containsText("Kruševac");
        assertThat(page.locator("#person-history")).containsText("Changed birth place from Kraljevo to Kruševac");
        assertThat(page.locator("#person-history")).containsText("by admin, source user:admin (reason: birth certificate seen)");
        shot("desk-person-corrected");

        page.navigate("https://localhost:" + port + "/registry/firearm/" + weapon.id());
        // A 1×1 PNG, as a camera roll file would arrive.
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        page.locator("#firearm-photo-upload input[type=file]").setInputFiles(
                new FilePayload("marking.png", "image/png", png));
        assertThat(page.locator("#firearm-photos img.photo-thumb")).hasCount(1);
        assertThat(Actors.analyst("admin", () -> photos.list(weapon.id()))).hasSize(1);
        shot("desk-firearm-photo");
    }

    @Test
    void the_language_switch_translates_the_ui_and_is_remembered_for_the_user() {
        open(1024, 768);
        signIn("admin", ADMIN_PASSWORD);
        try {
            choose("Shqip");
            assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                    .setHasText("Përdoruesit"))).isVisible();
            shot("albanian");

            page.locator("#logout").click();
            assertThat(page.locator("input[name='username']")).isVisible();
            signIn("admin", ADMIN_PASSWORD);
            assertThat(page.locator("#logout")).hasText("Dilni");

            choose("Srpski (latinica)");
            assertThat(page.locator("#logout")).hasText("Odjava");
        } finally {
            choose("English");
            assertThat(page.locator("#logout")).hasText("Sign out");
        }
    }

    private void choose(String language) {
        page.locator("#language-select").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(language)).click();
        page.waitForLoadState();
    }

    @Test
    void a_field_officer_changes_the_one_time_password_and_never_sees_the_admin_views() {
        String name = "fo-" + UUID.randomUUID().toString().substring(0, 6);
        String oneTime = Actors.admin(() -> users.create(name, "Field Officer", EnumSet.of(Role.FIELD_OFFICER)));
        open(768, 1024);
        signIn(name, oneTime);

        assertThat(page.locator("#password-current")).isVisible();
        page.locator("#password-current input").fill(oneTime);
        page.locator("#password-new input").fill("gloves-on tablet secret");
        page.locator("#password-repeat input").fill("gloves-on tablet secret");
        page.locator("#password-save").click();
        assertThat(page.getByText("Welcome, " + name)).isVisible();

        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-side-nav-item").first()).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").allInnerTexts()).doesNotContain("Users", "Audit trail");
        shot("field-officer-menu");

        page.navigate("https://localhost:" + port + "/admin/users");
        assertThat(page.locator("#users-grid")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("Exception");
    }

    @Autowired
    LostStolenRegister lostStolen;
    @Autowired
    Neo4jClient neo4j;

    /**
     * Journey 1 at tablet size: a recovery with a photo, the network lost half-way (typing goes on),
     * back online, a double tap on save, and the instant check naming the weapon reported stolen.
     */
    @Test
    void on_a_tablet_a_recovery_survives_a_dropped_connection_saves_once_and_names_the_stolen_weapon() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "7");
        String serial = "E2ER" + tag + "5";
        var stolen = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65 Browning").serial(serial).country("RS").year(1989)
                .build(), new Provenance("e2e", Provenance.Confidence.HIGH)));
        Actors.admin(() -> lostStolen.report(stolen.id(), LostStolenReport.Kind.STOLEN,
                LocalDate.of(2025, 4, 1), "Peja", "KP-2025-77", "burglary", new Provenance("e2e",
                        Provenance.Confidence.HIGH)));
        String officer = "fo-" + UUID.randomUUID().toString().substring(0, 6);
        String oneTime = Actors.admin(() -> users.create(officer, "Field Officer", EnumSet.of(Role.FIELD_OFFICER)));

        page = context(new Browser.NewContextOptions().setViewportSize(768, 1024).setLocale("en-GB")
                .setHasTouch(true).setGeolocation(42.6629, 21.1655).setPermissions(List.of("geolocation"))).newPage();
        page.setDefaultTimeout(20_000);
        page.navigate("https://localhost:" + port + "/login");
        Chromium.firstSignIn(page, officer, oneTime);

        page.navigate("https://localhost:" + port + "/recoveries/new");
        page.locator("#recovery-kind vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Seized")).click();
        page.locator("#recovery-locate").click();
        assertThat(page.locator("#recovery-position")).containsText("42.66290, 21.16550");
        assertThat(page.locator("#recovery-municipality input")).hasValue("Pristina");
        // The offline basemap: municipality and country boundaries drawn from files in the application.
        page.waitForFunction("() => document.querySelectorAll('#recovery-map path.leaflet-interactive').length > 30");
        page.locator("[id='w0.make'] input").fill("ZCZ");
        page.locator("[id='w0.make'] input").press("Enter");
        page.locator("[id='w0.model'] input").fill("M70");
        page.locator("[id='w0.model'] input").press("Enter"); // the model list takes a model it lacks as typed
        page.locator("[id='w0.serial'] input").fill(serial.substring(0, serial.length() - 1) + "S"); // 5 read as S
        assertThat(page.locator("[id='w0.completeness']")).containsText("3 of 5");
        var photo = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB),
                "jpg", photo);
        page.locator("[id='w0.upload'] input[type=file]").setInputFiles(
                new FilePayload("slide.jpg", "image/jpeg", photo.toByteArray()));
        assertThat(page.locator("[id='w0.photos'] img.photo-thumb")).hasCount(1);
        // Every button and field of the form is big enough for a gloved finger.
        double smallest = ((Number) page.evaluate("() => Math.min(...[...document.querySelectorAll("
                + "'#recovery-form vaadin-button, #recovery-form vaadin-text-field, #recovery-form vaadin-combo-box')]"
                + ".filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height))")).doubleValue();
        assertThat(smallest).isGreaterThanOrEqualTo(44);
        shot("tablet-recovery-form");

        // The connection drops; the officer goes on typing.
        page.context().setOffline(true);
        page.locator("#recovery-circumstances textarea").fill("Typed while the network was down");
        page.locator("#recovery-case input").fill("KP-E2E-" + tag);
        page.waitForTimeout(1500);
        // The page's own copy, decrypted with the session's key; localStorage itself holds only ciphertext.
        String copy = (String) page.evaluate("() => window.armstraceDraft.copies().then(c => JSON.stringify(c))");
        assertThat(copy).contains("Typed while the network was down").contains("\"dirty\":true");
        assertThat((String) page.evaluate("() => Object.values(localStorage).join('\\n')"))
                .contains("\"iv\"").doesNotContain("Typed while the network was down");
        shot("tablet-recovery-offline");

        page.context().setOffline(false);
        // Vaadin resends what was queued; the server's draft catches up and the copy is marked clean.
        page.waitForFunction("() => window.armstraceDraft.copies().then(copies => copies.some(c => !c.dirty"
                + " && c.fields.circumstances && c.fields.circumstances.includes('network was down')))", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));

        // Two taps in quick succession.
        page.locator("#recovery-save").evaluate("b => { b.click(); b.click(); }");
        assertThat(page.locator("#recovery-checks")).containsText("Reported lost or stolen");
        assertThat(page.locator("#recovery-checks")).containsText(serial);
        assertThat(page.locator("#recovery-checks")).containsText("5 read as S");
        shot("tablet-recovery-hits");
        long recorded = neo4j.query("MATCH (r:Recovery {recordedBy: $who}) RETURN count(r)").bind(officer).to("who")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(recorded).isEqualTo(1);
        assertThat(neo4j.query("MATCH (r:Recovery {recordedBy: $who}) RETURN r.circumstances").bind(officer).to("who")
                .fetchAs(String.class).one()).contains("Typed while the network was down");
        assertThat((String) page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('armstrace.recovery.draft.'))"
                + ".map(k => localStorage.getItem(k)).join('\\n')"))
                .as("the browser copy, which holds personal data, is gone once saved").isEmpty();
        // A tab closed while offline: the next form continues from the browser's copy.
        page.navigate("https://localhost:" + port + "/recoveries/new");
        page.locator("[id='w0.serial'] input").fill("CLOSED-TAB-" + tag);
        page.waitForTimeout(1500); // the server has this much
        page.context().setOffline(true);
        page.locator("#recovery-circumstances textarea").fill("Typed offline, then the tab was closed");
        page.waitForTimeout(500);
        page.close();
        page.context().setOffline(false);
        page = page.context().newPage();
        page.navigate("https://localhost:" + port + "/recoveries/new");
        assertThat(page.locator("#recovery-circumstances textarea")).hasValue("Typed offline, then the tab was closed");
        assertThat(page.locator("[id='w0.serial'] input")).hasValue("CLOSED-TAB-" + tag);
        assertThat(page.locator("#recovery-draft-banner")).containsText("Continuing your unsaved draft");
        shot("tablet-recovery-restored");
    }

    /** The recovery form also fits a tablet held sideways and a phone: nothing wider than the screen. */
    @Test
    void the_recovery_form_fits_a_landscape_tablet_and_a_phone() {
        for (int[] size : new int[][]{{1024, 768}, {390, 844}}) {
            open(size[0], size[1]);
            signIn("admin", ADMIN_PASSWORD);
            page.locator("#logout").waitFor();
            page.navigate("https://localhost:" + port + "/recoveries/new");
            page.locator("#recovery-save").scrollIntoViewIfNeeded();
            assertThat(page.locator("#recovery-save")).isVisible();
            int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                    .intValue();
            assertThat(overflow).as("horizontal overflow at " + size[0] + "×" + size[1]).isLessThanOrEqualTo(0);
            page.locator("#recovery-form").scrollIntoViewIfNeeded();
            shot("recovery-form-" + size[0] + "x" + size[1]);
            page.context().close();
            page = null;
        }
    }

    @Test
    void a_lost_stolen_report_with_a_retroactive_hit() {
        String digits = "E2L" + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replaceAll("[^A-Z1-9]", "7");
        var onRecord = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ").model("75")
                .calibre("9x19").serial(digits + "0").country("CZ").year(2004).build(),
                new Provenance("e2e", Provenance.Confidence.HIGH)));
        open(1440, 900);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate("https://localhost:" + port + "/lost-stolen");
        page.locator("#lost-report-described").click();
        page.locator("#lost-weapon-make input").fill("CZ");
        page.locator("#lost-weapon-model input").fill("75");
        page.locator("#lost-weapon-serial input").fill(digits + "O"); // the owner wrote O for the registered 0
        page.locator("#lost-report").click();

        assertThat(page.locator("#lost-report-status")).hasText("Active");
        assertThat(page.locator("#lost-hits")).containsText("Registered");
        assertThat(page.locator("#lost-hits")).containsText("read as O");
        shot("desk-lost-stolen-report");
        page.locator("#lost-hits").getByText(onRecord.serialAsRead()).first().click();
        assertThat(page).hasURL(Pattern.compile(".*/registry/firearm/" + onRecord.id()));
    }

    @Test
    void an_administrator_renames_a_manufacturer_and_its_weapon_page_shows_the_new_name() {
        String code = "E2M" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT).replace('-', '7');
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Old Works " + code, "RS", List.of(),
                "MANUFACTURER", false), "e2e maker"));
        var weapon = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make(code).model("M1")
                .calibre("9x19").serial(code + "1").build(), new Provenance("e2e", Provenance.Confidence.HIGH)));
        open(1440, 900);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate("https://localhost:" + port + "/admin/reference");
        page.locator("#reference-tab-manufacturers").click();
        page.locator("#maker-filter input").fill(code);
        page.locator("#manufacturer-grid").getByText("Old Works " + code).click();
        page.locator("#maker-name input").fill("New Works " + code);
        page.locator("#maker-reason input").fill("the name on its proof marks");
        page.locator("#maker-save").click();
        assertThat(page.locator("#maker-history")).containsText("the name on its proof marks");
        shot("admin-reference-manufacturer");

        page.navigate("https://localhost:" + port + "/registry/firearm/" + weapon.id());
        assertThat(page.locator("#firearm-facts")).containsText("New Works " + code);
    }
}
