package org.armstrace.registry.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.armstrace.registry.Licence;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.RecordVersion;
import org.armstrace.security.Role;

/**
 * A person's record: identity as written (and in Latin script), licences, weapons held with the
 * dates, and corrections. Opening it writes a {@code person.read} audit event.
 */
@Route("registry/person")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE}) // Role.PERSONAL_DATA
public class PersonView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final PersonRegistry people;
    private String title = "";

    public PersonView(PersonRegistry people) {
        this.people = people;
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        var found = people.read(id);
        if (found.isEmpty()) {
            add(new H2(getTranslation("person.not-found")));
            return;
        }
        var record = found.get();
        Person p = record.person();
        title = p.displayName();
        add(new H2(p.displayName()));
        if (org.armstrace.security.Role.current(org.armstrace.security.Role.Names.ADMIN,
                org.armstrace.security.Role.Names.SUPERVISOR, org.armstrace.security.Role.Names.ANALYST)) {
            var chart = new com.vaadin.flow.component.html.Anchor("intelligence/chart/Person:" + p.id(),
                    getTranslation("chart.open"));
            chart.setId("person-open-chart");
            add(chart);
        }
        var facts = new Div();
        facts.setId("person-facts");
        facts.addClassName("facts");
        facts.add(fact("person.name-latin", p.nameLatin()), fact("person.parent-name", p.parentName()),
                fact("person.birth-date", p.birthDate() == null ? null : p.birthDate().toString()),
                fact("person.birth-place", p.birthPlace()), fact("person.national-id", p.nationalId()),
                fact("firearm.source", p.source() + " · " + p.confidence()));
        add(facts, new Paragraph(getTranslation("person.read-audited")));

        add(new H3(getTranslation("person.licences")));
        var licences = new Grid<Licence>();
        licences.setId("person-licences");
        licences.addColumn(Licence::number).setHeader(getTranslation("licence.number")).setAutoWidth(true);
        licences.addColumn(l -> getTranslation("licence.kind." + l.kind().name())).setHeader(getTranslation("licence.kind"))
                .setAutoWidth(true);
        licences.addColumn(Licence::issuedBy).setHeader(getTranslation("licence.issued-by")).setAutoWidth(true);
        licences.addColumn(Licence::validFrom).setHeader(getTranslation("licence.valid-from")).setAutoWidth(true);
        licences.addColumn(Licence::validTo).setHeader(getTranslation("licence.valid-to")).setAutoWidth(true);
        licences.setItems(record.licences());
        licences.setAllRowsVisible(true);
        add(licences);

        add(new H3(getTranslation("person.firearms")));
        var firearms = new Grid<PersonRegistry.HeldFirearm>();
        firearms.setId("person-firearms");
        firearms.addColumn(h -> h.firearm().serialAsRead()).setHeader(getTranslation("registry.serial-as-read")).setAutoWidth(true);
        firearms.addColumn(h -> h.firearm().makeCode() == null ? h.firearm().makeAsRead() : h.firearm().makeCode())
                .setHeader(getTranslation("registry.make")).setAutoWidth(true);
        firearms.addColumn(h -> h.firearm().model()).setHeader(getTranslation("registry.model")).setAutoWidth(true);
        firearms.addColumn(PersonRegistry.HeldFirearm::licenceNumber).setHeader(getTranslation("licence.number")).setAutoWidth(true);
        firearms.addColumn(PersonRegistry.HeldFirearm::from).setHeader(getTranslation("person.held-from")).setAutoWidth(true);
        firearms.addColumn(PersonRegistry.HeldFirearm::to).setHeader(getTranslation("person.held-to")).setAutoWidth(true);
        firearms.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FirearmView.class, e.getItem().firearm().id())));
        firearms.setItems(record.firearms());
        firearms.setAllRowsVisible(true);
        add(firearms);

        add(new H3(getTranslation("firearm.history")));
        var history = new Grid<RecordVersion>();
        history.setId("person-history");
        history.addColumn(RecordVersion::version).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> v.at().toString().substring(0, 16).replace('T', ' ')).setHeader(getTranslation("timeline.date"))
                .setAutoWidth(true);
        history.addColumn(RecordVersion::by).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        history.addColumn(RecordVersion::reason).setHeader(getTranslation("person.reason")).setAutoWidth(true);
        history.addColumn(v -> String.join(", ", v.before()) + (v.before().isEmpty() ? "" : " → ") + String.join(", ", v.after()))
                .setHeader(getTranslation("timeline.details")).setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setItems(record.history());
        history.setAllRowsVisible(true);
        add(history);
    }

    private Paragraph fact(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + (value == null || value.isBlank() ? "—" : value));
    }

    @Override
    public String getPageTitle() {
        return title + " · ArmsTrace";
    }
}
