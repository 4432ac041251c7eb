package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk registers a weapon whose model it picks from the maker's models, found by a spelling of it. */
@ArmsTraceTest
@BrowserTest
class ModelBrowserTests extends ChromiumTest {

    @Autowired
    ReferenceData reference;

    @Test
    void the_desk_picks_a_model_from_the_makers_list_by_a_spelling_and_the_weapon_is_stored_under_it() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        String maker = "Browser Maker " + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer("BM" + tag, maker, "RS", List.of(),
                "MANUFACTURER", false), "test maker"));
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, "BM" + tag, "Zolja", List.of("Z-9"), false),
                "the maker's pistol"));
        Page page = signedIn("desk-" + tag.toLowerCase(Locale.ROOT), Role.ANALYST);
        try {
            page.navigate(url("/registry/desk"));
            page.locator("#desk-register-firearm").click();
            choose(page, "#firearm-desk-type", "Self-loading", "Self-loading pistol");
            choose(page, "#firearm-desk-make", maker, maker);
            choose(page, "#firearm-desk-model", "z 9", "Zolja");
            page.locator("#firearm-desk-serial input").fill("BRM-" + tag);
            page.locator("#firearm-desk-save").click();

            assertThat(page.locator("#firearm-facts")).containsText("Model: Zolja");
            assertThat(page.locator("#firearm-facts")).not().containsText("not in the reference data");
            shot(page, "model-picked");
        } catch (AssertionError | RuntimeException e) {
            shot(page, "model-picked-failed");
            throw e;
        }
    }

    /** Types into a combo box and picks the item from its overlay, as a user would. */
    private static void choose(Page page, String comboBox, String typed, String item) {
        page.locator(comboBox + " input").fill(typed);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
        assertThat(page.locator(comboBox + " input")).hasValue(item);
    }
}
