package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.Dates;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.registry.Transfer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Corrections of organisations, licences, transfers and markings made from the record's page: the
 * change reads as a history sentence on that page, with the user as source.
 */
@WithMockUser(username = "analyst1", roles = "ANALYST")
class RecordCorrectionViewTests extends ViewTest {

    private static final Provenance REGISTRY = new Provenance("import:firearms.csv#row=7", Provenance.Confidence.HIGH);

    @Autowired
    RegistryDesk desk;
    @Autowired
    FirearmRegistry firearms;

    static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase(Locale.ROOT);
    }

    String by(String reason) {
        return " on " + Dates.date(Dates.today(), Locale.UK) + ", by analyst1, source user:analyst1 (reason: " + reason + ")";
    }

    @Test
    void an_organisation_renamed_and_its_licence_revoked_on_its_page_read_as_history_sentences() {
        String code = "RC" + tag();
        String id = Actors.analyst(() -> desk.registerOrganisation(Holdings.OrganisationKind.DEALER, code, "Armë " + code,
                "XK"));
        Licence licence = Actors.analyst(() -> desk.issueLicence("LIC-" + code, Licence.Kind.DEALER, id, "MPB",
                LocalDate.of(2022, 2, 1), null));
        navigate("registry/organisation/" + id, OrganisationView.class);

        test($view(Button.class).withId("organisation-correct").single()).click();
        var form = $(CorrectionForms.OrganisationCorrection.class).single();
        test(form.name).setValue("Armë e Re " + code);
        test(form.country).selectItem("Albania");
        test(form.save).click();
        assertThat(form.problem.getText()).isEqualTo("Say why: a correction needs a reason.");
        test(form.reason).setValue("business register");
        test(form.save).click();

        assertThat(sentences("organisation-history")).containsExactlyInAnyOrder(
                "Changed name from Armë " + code + " to Armë e Re " + code + by("business register"),
                "Changed country from Kosovo to Albania" + by("business register"));

        test($view(Button.class).withId("licence-end-" + licence.id()).single()).click();
        var end = $(CorrectionForms.LicenceEnd.class).single();
        end.status.setValue(Licence.Status.SUSPENDED);
        end.on.setValue(LocalDate.of(2025, 7, 1));
        test(end.reason).setValue("order 7/2025");
        test(end.save).click();

        String history = $view(Div.class).withId("organisation-licence-history").single().getElement().getTextRecursively();
        assertThat(history).contains("Licence LIC-" + code + ": Suspended " + Dates.date(LocalDate.of(2025, 7, 1), Locale.UK),
                "Set status to Suspended" + by("order 7/2025"),
                "Set end date to " + Dates.date(LocalDate.of(2025, 7, 1), Locale.UK) + by("order 7/2025"));
        assertThat($view(Button.class).withId("licence-end-" + licence.id()).exists()).as("ended once").isFalse();
    }

    @Test
    void a_marking_and_a_transfer_corrected_on_the_weapons_page_read_as_history_sentences() {
        String t = tag();
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Glock", "17", "9mm", "RCV-" + t, "AT",
                2015, List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.IMPORT, "XK-" + t, "frame", null, null))),
                REGISTRY));
        Transfer sale = Actors.analyst(() -> desk.recordTransfer(new NewTransfer(Transfer.Kind.SALE, LocalDate.of(2024, 3, 1),
                f.id(), null, null, null, "S-" + t), true));
        navigate("registry/firearm/" + f.id(), FirearmView.class);

        test($view(Button.class).withId("marking-correct-0").single()).click();
        var marking = $(CorrectionForms.MarkingCorrection.class).single();
        test(marking.text).setValue("XK-" + t + "1");
        test(marking.reason).setValue("photo of the frame");
        test(marking.save).click();

        test($view(Button.class).withId("transfer-correct-" + sale.id()).single()).click();
        var transfer = $(CorrectionForms.TransferCorrection.class).single();
        transfer.date.setValue(LocalDate.of(2024, 2, 28));
        test(transfer.reason).setValue("contract seen");
        test(transfer.save).click();

        assertThat(sentences("firearm-history")).contains("Changed marking from Import mark XK-" + t + " (frame) to "
                + "Import mark XK-" + t + "1 (frame)" + by("photo of the frame"));
        assertThat($view(Div.class).withId("firearm-markings").single().getElement().getTextRecursively())
                .contains("Import mark: XK-" + t + "1 (frame)");
        assertThat($view(Div.class).withId("firearm-transfer-history").single().getElement().getTextRecursively())
                .contains("Changed date from " + Dates.date(LocalDate.of(2024, 3, 1), Locale.UK) + " to "
                        + Dates.date(LocalDate.of(2024, 2, 28), Locale.UK) + by("contract seen"));
    }

    List<String> sentences(String id) {
        return $view(UnorderedList.class).withId(id).single().getChildren()
                .map(c -> c.getElement().getTextRecursively()).toList();
    }
}
