package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import org.armstrace.ViewTest;
import org.armstrace.registry.Calibre;
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
}
