package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.security.Role;

/**
 * Where the desk registers what the registry does not have yet: a weapon with its markings, a
 * person, an organisation. Corrections, licences and transfers are made on the record's own page.
 */
@Route("registry/desk")
@Menu(order = 11, icon = "vaadin:edit", title = "menu.registry-desk")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST, Role.Names.INTAKE}) // RegistryDesk.ROLES
public class RegistryDeskView extends VerticalLayout implements HasDynamicTitle {

    public RegistryDeskView(RegistryDesk desk, ReferenceData reference) {
        add(new H2(getTranslation("menu.registry-desk")), new Paragraph(getTranslation("desk.intro")));
        var firearm = new Button(getTranslation("desk.register-firearm"), e -> {
            var form = new FirearmForm(DeskChoices.of(reference, UiLocale.current()), null);
            DeskActions.open(this, "desk.register-firearm", form, v -> {
                String id = desk.registerFirearm(v.weapon()).id();
                getUI().ifPresent(ui -> ui.navigate(FirearmView.class, id));
            }, () -> { });
        });
        firearm.setId("desk-register-firearm");
        var person = new Button(getTranslation("desk.register-person"), e ->
                DeskActions.open(this, "desk.register-person", new PersonForm(null), v -> {
                    String id = desk.registerPerson(v.person()).id();
                    getUI().ifPresent(ui -> ui.navigate(PersonView.class, id));
                }, () -> { }));
        person.setId("desk-register-person");
        var organisation = new Button(getTranslation("desk.register-organisation"), e -> {
            var form = new OrganisationForm(DeskChoices.of(reference, UiLocale.current()), Role.current(Role.Names.ADMIN));
            DeskActions.open(this, "desk.register-organisation", form, v -> {
                String id = desk.registerOrganisation(v.kind(), v.code(), v.name(), v.country());
                getUI().ifPresent(ui -> ui.navigate(OrganisationView.class, id));
            }, () -> { });
        });
        organisation.setId("desk-register-organisation");
        for (Button b : new Button[] {firearm, person, organisation}) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        add(new HorizontalLayout(firearm, person, organisation));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.registry-desk") + " · ArmsTrace";
    }
}
