package org.armstrace.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewTransfers;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.Transfer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "analyst1", roles = "ANALYST")
class OrganisationViewTests extends ViewTest {

    private static final Provenance TEST = new Provenance("test", Provenance.Confidence.HIGH);

    @Autowired
    FirearmRegistry registry;
    @Autowired
    Holdings holdings;

    @Test
    void a_dealers_page_shows_its_licence_the_weapons_it_covered_and_opens_the_link_chart() {
        String code = "ORGV" + System.nanoTime() % 1_000_000;
        String dealer = Actors.analyst(() -> {
            String id = holdings.registerOrganisation(Holdings.OrganisationKind.DEALER, code, "Armeria " + code, "XK", TEST);
            Licence licence = holdings.issueLicence("LIC-" + code, Licence.Kind.DEALER, id, "MPB",
                    LocalDate.of(2020, 1, 1), null, TEST);
            for (int i = 0; i < 2; i++) {
                Firearm f = registry.register(NewFirearms.newFirearm().type("pistol").make("Glock").model("17")
                        .calibre("9x19").serial(code + "-" + i).country("AT").year(2019).build(), TEST);
                holdings.recordTransfer(NewTransfers.newTransfer(Transfer.Kind.IMPORT, LocalDate.of(2021, 3, 1 + i), f.id())
                        .to(id).toLicence(licence.id()).build(), TEST);
            }
            return id;
        });

        OrganisationView view = navigate("registry/organisation/" + dealer, OrganisationView.class);

        String facts = $view(Div.class).withId("organisation-facts").single().getElement().getTextRecursively();
        assertThat(facts).contains("Dealer", code, "XK", "2 weapons covered by its licences, 0 made, 2 transfers");
        @SuppressWarnings("unchecked")
        Grid<Licence> licences = (Grid<Licence>) $view(Grid.class).withId("organisation-licences").single();
        assertThat(test(licences).getCellText(0, 0)).isEqualTo("LIC-" + code);
        @SuppressWarnings("unchecked")
        Grid<PersonRegistry.HeldFirearm> firearms = (Grid<PersonRegistry.HeldFirearm>) $view(Grid.class)
                .withId("organisation-firearms").single();
        assertThat(test(firearms).size()).isEqualTo(2);
        assertThat(test(firearms).getCellText(0, 0)).as("the latest first").isEqualTo(code + "-1");
        assertThat($view(Anchor.class).withId("organisation-open-chart").single().getHref())
                .isEqualTo("intelligence/chart/Organisation:" + dealer);
        assertThat(view.getPageTitle()).startsWith("Armeria " + code);
    }

    @Test
    void an_unknown_organisation_says_so_instead_of_failing() {
        OrganisationView view = navigate("registry/organisation/DEALER:NO-SUCH", OrganisationView.class);
        assertThat(view.getElement().getTextRecursively()).contains("No such organisation in the registry.");
    }

    @Test
    void a_field_officer_cannot_read_an_organisations_record() {
        assertThatThrownBy(() -> Actors.officer(() -> holdings.organisation("DEALER:X")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
