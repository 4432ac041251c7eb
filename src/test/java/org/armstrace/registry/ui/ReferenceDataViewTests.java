package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.registry.Calibre;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "admin", roles = "ADMIN")
class ReferenceDataViewTests extends ViewTest {

    @Autowired
    ReferenceData reference;

    @Test
    void an_administrator_adds_a_spelling_to_a_calibre_with_a_reason() {
        ReferenceDataView view = navigate(ReferenceDataView.class);
        roundTrip(); // the tab sheet attaches its selected tab's content on the round trip
        test(view.calibreFilter).setValue("7.62x25");
        Calibre tokarev = reference.resolveCalibre("7.62x25").orElseThrow();
        view.calibres.asSingleSelect().setValue(tokarev);

        test(view.calibreAliases).setValue(view.calibreAliases.getValue() + "\nTT 7,62");
        test(view.calibreReason).setValue("spelling used on Kosovo Police seizure forms");
        test(view.calibreSave).click();

        assertThat($(Notification.class).last().getElement().getProperty("text"))
                .startsWith("Saved.");
        assertThat(reference.resolveCalibre("TT 7,62")).map(Calibre::code).contains(tokarev.code());
    }

    @Test
    void a_change_without_a_reason_is_not_saved() {
        ReferenceDataView view = navigate(ReferenceDataView.class);
        roundTrip(); // the tab sheet attaches its selected tab's content on the round trip
        Calibre c = reference.resolveCalibre("12 gauge").orElseThrow();
        view.calibres.asSingleSelect().setValue(c);

        test(view.calibreName).setValue("renamed without reason");
        test(view.calibreSave).click();

        assertThat(view.calibreReason.isInvalid()).isTrue();
        assertThat(reference.resolveCalibre("12 gauge").orElseThrow().name()).isEqualTo(c.name());
    }
    @Test
    void an_administrator_renames_a_manufacturer_adds_a_spelling_and_sees_the_edit_in_its_history() {
        String code = "VW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "View Maker " + code, "RS", List.of(),
                "MANUFACTURER", false), "test maker"));
        ReferenceDataView view = navigate(ReferenceDataView.class);
        view.tabs.setSelectedIndex(1);
        roundTrip();
        ManufacturerTab tab = view.manufacturers;
        test(tab.filter).setValue(code);
        tab.grid.asSingleSelect().setValue(reference.resolveManufacturer(code).orElseThrow());

        test(tab.name).setValue("View Works " + code);
        test(tab.form.aliases).setValue("VWK " + code);
        test(tab.form.reason).setValue("the name on its proof marks");
        test(tab.form.save).click();

        assertThat(reference.resolveManufacturer("VWK " + code)).map(Manufacturer::name).contains("View Works " + code);
        assertThat(tab.history.getElement().getTextRecursively())
                .contains("the name on its proof marks").contains("name=View Works " + code);
    }

    @Test
    void an_administrator_adds_a_model_to_a_manufacturer() {
        ReferenceDataView view = navigate(ReferenceDataView.class);
        view.tabs.setSelectedIndex(1);
        roundTrip();
        ManufacturerTab tab = view.manufacturers;
        String code = "VM" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        test(tab.add).click();
        test(tab.code).setValue(code);
        test(tab.name).setValue("Model View Maker " + code);
        tab.country.setValue(reference.country("BA").orElseThrow());
        test(tab.form.reason).setValue("a maker new to the registry");
        test(tab.form.save).click();
        assertThat(reference.resolveManufacturer(code)).map(Manufacturer::country).contains("BA");

        test(tab.models.add).click();
        test(tab.models.name).setValue("Zolja");
        test(tab.models.form.aliases).setValue("Zolja 9\nZ-9");
        test(tab.models.form.reason).setValue("seen on seizures");
        test(tab.models.form.save).click();

        assertThat(reference.resolveModel(code, "z 9")).map(FirearmModel::name).contains("Zolja");
        assertThat(tab.models.models.getListDataView().getItems()).extracting(FirearmModel::name).containsExactly("Zolja");
    }

    @Test
    void an_administrator_renames_a_firearm_type_in_albanian() {
        ReferenceDataView view = navigate(ReferenceDataView.class);
        view.tabs.setSelectedIndex(2);
        roundTrip();
        FirearmType shotgun = reference.resolveFirearmType("SHOTGUN").orElseThrow();
        view.types.grid.asSingleSelect().setValue(shotgun);

        test(view.types.nameSq).setValue(shotgun.nameSq() + " (gjahu)");
        test(view.types.form.reason).setValue("the word on Kosovo Police forms");
        test(view.types.form.save).click();

        assertThat(reference.typeName("SHOTGUN", Locale.forLanguageTag("sq"))).isEqualTo(shotgun.nameSq() + " (gjahu)");
        Actors.admin(() -> reference.saveFirearmType(shotgun, "back for the other tests"));
    }
}
