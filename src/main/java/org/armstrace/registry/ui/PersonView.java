package org.armstrace.registry.ui;

import static org.armstrace.registry.ui.RecordParts.fact;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.registry.ErasureOrders;
import org.armstrace.registry.ExtractRows;
import org.armstrace.registry.Person;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.RecordCorrections;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.security.Role;

/**
 * A person's record: identity as written (and in Latin script), licences, weapons held with the
 * dates, and corrections. Opening it writes a {@code person.read} audit event.
 */
@Route("registry/person")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE}) // Role.PERSONAL_DATA
public class PersonView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final PersonRegistry people;
    private final RegistryDesk desk;
    private final ErasureOrders erasures;
    private final ExtractRows extractRows;
    private final RecordCorrections corrections;
    private String title = "";

    public PersonView(PersonRegistry people, RegistryDesk desk, ErasureOrders erasures, ExtractRows extractRows,
                      RecordCorrections corrections) {
        this.people = people;
        this.desk = desk;
        this.erasures = erasures;
        this.extractRows = extractRows;
        this.corrections = corrections;
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        show(id);
    }

    private void show(String id) {
        removeAll();
        var found = people.read(id);
        if (found.isEmpty()) {
            add(new H2(getTranslation("person.not-found")));
            return;
        }
        var record = found.get();
        Person p = record.person();
        Optional<ErasureOrders.Erasure> erased = erasures.erasure(id);
        title = erased.isPresent() ? getTranslation("person.erased-title") : p.displayName();
        add(new H2(title));
        erased.ifPresent(e -> {
            var tombstone = new Paragraph(getTranslation("person.erased", e.orderReference(),
                    Dates.date(e.at(), getLocale()), e.by()));
            tombstone.setId("person-erased");
            tombstone.addClassName("alert-danger");
            add(tombstone);
        });
        if (Role.current(Role.Names.ADMIN,
                Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            var chart = new Anchor("intelligence/chart/Person:" + p.id(),
                    getTranslation("chart.open"));
            chart.setId("person-open-chart");
            add(chart);
        }
        var facts = new Div();
        facts.setId("person-facts");
        facts.addClassName("facts");
        facts.add(fact(this, "person.name-latin", p.nameLatin()), fact(this, "person.parent-name", p.parentName()),
                fact(this, "person.birth-date", Dates.date(p.birthDate(), getLocale())),
                fact(this, "person.birth-place", p.birthPlace()), fact(this, "person.national-id", p.nationalId()),
                ProvenanceLine.of(this, p.source(), p.confidence(), p.recordedAt(), null),
                fact(this, "person.not-in-latest-extract", Dates.date(record.notInLatestExtract(), getLocale())));
        add(facts, new Paragraph(getTranslation("person.read-audited")));
        var actions = new HorizontalLayout();
        if (RegistryDesk.allowed() && erased.isEmpty()) {
            actions.add(DeskActions.correctPerson(this, desk, p, () -> show(id)),
                    DeskActions.recordLicence(this, desk, p.id(), () -> show(id)));
        }
        if (Role.current(Role.Names.ADMIN) && erased.isEmpty()) {
            actions.add(DeskActions.button("person-erase", getTranslation("erasure.erase"), () -> DeskActions.open(this,
                    "erasure.title", new ErasureForm(), v -> erasures.erase(id, v.orderReference(), v.reason()),
                    () -> show(id))));
        }
        add(actions);

        add(new H3(getTranslation("person.licences")), RecordParts.licences(this, "person-licences", record.licences()),
                CorrectionParts.licences(this, "person-licence-history", corrections, record.licences(), () -> show(id)));
        add(new H3(getTranslation("person.firearms")), RecordParts.heldFirearms(this, "person-firearms", record.firearms()));

        // Every row of every extract that became or joined this person, so that a merge can be traced to its rows.
        add(new H3(getTranslation("person.extract-rows")), extractRows(id));
        // The history is part of the person's record: its read is the page's audited person.read.
        add(new H3(getTranslation("firearm.history")),
                HistorySentences.list(this, "person-history", record.history(), (field, value) -> value));
    }

    /** At most this many extract rows are listed: a person named on more rows is a register's own organisation. */
    static final int EXTRACT_ROWS = 500;

    private Grid<ExtractRows.ExtractRow> extractRows(String id) {
        var grid = new Grid<ExtractRows.ExtractRow>();
        grid.setId("person-extract-rows");
        EmptyGrids.say(grid, "empty.person-extract-rows");
        grid.addColumn(ExtractRows.ExtractRow::fileName).setHeader(getTranslation("person.extract-rows.file"));
        grid.addColumn(ExtractRows.ExtractRow::line).setHeader(getTranslation("person.extract-rows.line"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.batchId().substring(0, 8)).setHeader(getTranslation("person.extract-rows.batch"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.outcome() == null ? "" : getTranslation("imports.row-outcome." + r.outcome())
                        + (r.detail() == null ? "" : " (" + getTranslation("imports.row-detail." + r.detail()) + ")"))
                .setHeader(getTranslation("person.extract-rows.outcome"));
        grid.addColumn(r -> Dates.date(r.at(), getLocale())).setHeader(getTranslation("person.extract-rows.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setItems(extractRows.ofPerson(id, EXTRACT_ROWS));
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title + " · ArmsTrace";
    }
}
