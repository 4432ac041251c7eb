package org.armstrace.recovery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.ui.ModelBoxTyping;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryDrafts;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "officer5", roles = "FIELD_OFFICER")
class RecoveryFormTests extends ViewTest {

    @Autowired
    RecoveryDrafts drafts;
    @Autowired
    Recoveries recoveries;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    ReferenceData reference;

    /** A fresh form: the officer's open drafts from other tests would otherwise be continued. */
    private RecoveryForm open() {
        drafts.open().forEach(d -> drafts.discard(d.id()));
        navigate(NewRecoveryView.class);
        return $(RecoveryForm.class).single();
    }

    private void fillValid(RecoveryForm form, String serial) {
        form.kind.setValue(RecoveryKind.SEIZED);
        form.at.setValue(LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES));
        form.setPosition(42.6629, 21.1655, 8.0, Place.Method.DEVICE);
        WeaponCard w = $(WeaponCard.class).first();
        test(w.make).selectItem("Zastava Oružje");
        ModelBoxTyping.type(w.model, "M70");
        test(w.serial).setValue(serial);
    }

    @Test
    void the_isacs_checklist_follows_what_is_typed_and_says_why_a_missing_field_matters() {
        open();
        WeaponCard w = $(WeaponCard.class).first();
        assertThat(w.completeness.getElement().getTextRecursively()).contains("0 of 5");

        test(w.make).selectItem("Zastava Oružje");
        ModelBoxTyping.type(w.model, "M70");
        test(w.serial).setValue("123?56");

        String text = w.completeness.getElement().getTextRecursively();
        assertThat(text).contains("3 of 5", "✓ Make", "✓ Serial", "✗ Calibre")
                .contains("The calibre confirms the identification");
        // An import mark with its country stands in for the country of manufacture.
        test($(Button.class).withId("w0.add-marking").single()).click();
        MarkingRow mark = $(MarkingRow.class).first();
        test(mark.kindBox).selectItem("Import mark");
        test(mark.markCountry).selectItem("Albania");
        assertThat(w.completeness.getElement().getTextRecursively()).contains("4 of 5", "✓ Country of manufacture or import");
    }

    @Test
    void pick_lists_accept_aliases_and_keep_unknown_makes_as_written() {
        open();
        WeaponCard w = $(WeaponCard.class).first();
        var zcz = w.make.getListDataView().getItems().filter(o -> o.matches("ZCZ")).toList();
        assertThat(zcz).extracting(PickList.Option::label).contains("Zastava Oružje");
        var luger = w.calibre.getListDataView().getItems().filter(o -> o.matches("9mm Luger")).toList();
        assertThat(luger).isNotEmpty();

        PickList.restore(w.make, w.make.getListDataView().getItems().toList(), "Kustom Werkstatt", true);
        assertThat(w.make.getValue().code()).isNull();
        assertThat(w.make.getValue().label()).isEqualTo("Kustom Werkstatt");
    }

    @Test
    void the_weapon_cards_model_offers_the_chosen_makers_models_and_keeps_one_it_lacks_as_read() {
        String tag = Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase(java.util.Locale.ROOT);
        String code = "FM" + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Field Maker " + tag, "RS", List.of(),
                "MANUFACTURER", false), "test maker"));
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "M70", List.of("M 70"), false), "m"));
        open();
        WeaponCard w = $(WeaponCard.class).first();

        test(w.make).selectItem("Field Maker " + tag);
        assertThat(test(w.model).getSuggestions()).containsExactly("M70");
        ModelBoxTyping.type(w.model, "m 70");
        assertThat(w.firearm().model()).isEqualTo("M70");
        ModelBoxTyping.type(w.model, "M70 Custom");
        assertThat(w.firearm().model()).isEqualTo("M70 Custom");
        assertThat(w.model.getHelperText()).isEqualTo("Not among this make's models in the reference data.");
    }

    @Test
    void every_change_is_kept_as_a_server_draft_that_rebuilds_the_form() {
        RecoveryForm form = open();
        fillValid(form, "DR-81001");
        test(form.circumstances).setValue("Found under the seat");
        String key = form.draftKey();

        var draft = Actors.as("officer5", Role.FIELD_OFFICER, () -> drafts.find(key)).orElseThrow();
        assertThat(draft.fields()).containsEntry("w0.serial", "DR-81001").containsEntry("circumstances",
                "Found under the seat").containsEntry("method", "DEVICE").containsEntry("kind", "Seized");

        RecoveryForm again = open();
        again.setDraftKey(key);
        again.restore(draft.fields());
        assertThat($(WeaponCard.class).first().serial.getValue()).isEqualTo("DR-81001");
        assertThat(again.kind.getValue()).isEqualTo(RecoveryKind.SEIZED);
        assertThat(again.fields()).containsEntry("lat", "42.6629").containsEntry("circumstances", "Found under the seat");
    }

    @Test
    void saving_shows_the_hits_and_a_second_tap_finds_the_same_recovery() {
        Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Zastava", "M70",
                "7.65 Browning", "DR-82002", "RS", 1988, List.of()), new Provenance("test", Provenance.Confidence.HIGH)));
        RecoveryForm form = open();
        fillValid(form, "DR-82OO2");
        String key = form.draftKey();

        test(form.save).click();

        assertThat($(Div.class).withId("recovery-checks").single().getElement().getTextRecursively())
                .contains("Registered", "DR-82002", "0 read as O");
        NewRecovery same = new NewRecovery(key, RecoveryKind.SEIZED, Instant.now().minus(1, ChronoUnit.HOURS),
                new Place(42.6629, 21.1655, null, Place.Method.DEVICE, null), null, null, List.of(),
                List.of(new NewRecovery.RecoveredWeapon(new NewFirearm(null, "Zastava", "M70", null, "DR-82OO2", null,
                        null, List.of()), false, List.of())));
        var replay = Actors.as("officer5", Role.FIELD_OFFICER, () -> recoveries.record(same));
        assertThat(replay.created()).isFalse();
    }

    @Test
    void a_refused_save_says_why_and_lets_the_officer_correct_and_tap_again() {
        RecoveryForm form = open();
        fillValid(form, "DR-83003");
        form.at.setValue(null);

        test(form.save).click();

        assertThat($(Div.class).withId("recovery-errors").single().getText()).isEqualTo(
                "Give the date and time of the recovery.");
        assertThat(form.save.isEnabled()).isTrue();
        assertThat($(Div.class).withId("recovery-checks").all()).isEmpty();

        // A possessor without a name is refused in the same way.
        form.at.setValue(LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES));
        test($(Button.class).withId("recovery-add-possessor").single()).click();
        test($(PossessorRow.class).first().parent).setValue("Sali");
        test(form.save).click();
        assertThat($(Div.class).withId("recovery-errors").single().getText())
                .isEqualTo("A person found in possession needs a given name and a family name.");
    }

    @Test
    void a_draft_restores_every_weapon_card_and_a_kind_written_in_another_language() {
        RecoveryForm form = open();
        form.restore(Map.of("weapons", "2", "w1.serial", "TYPED-OFFLINE", "w0.serial", "ON-SERVER", "kind", "Gjetur"));
        var cards = $(WeaponCard.class).all();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).serial.getValue()).isEqualTo("TYPED-OFFLINE");
        assertThat(form.kind.getValue()).as("a label in Albanian restores too").isEqualTo(RecoveryKind.FOUND);
    }
}
