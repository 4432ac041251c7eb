package org.armstrace.registry.ui;

import static org.armstrace.registry.ui.RecordParts.fact;

import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.RecordCorrections;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.security.Role;

/**
 * An organisation's record: an importer, dealer, state agency, security company or maker. Its
 * licences and the weapons they covered (the latest ones, with the totals), and the way into the
 * link chart, which is where a dealer's or a maker's thousands of links are worth following.
 */
@Route("registry/organisation")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE}) // Role.PERSONAL_DATA
public class OrganisationView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Holdings holdings;
    private final RegistryDesk desk;
    private final RecordCorrections corrections;
    private final ReferenceData reference;
    private String title = "";

    public OrganisationView(Holdings holdings, RegistryDesk desk, RecordCorrections corrections, ReferenceData reference) {
        this.holdings = holdings;
        this.desk = desk;
        this.corrections = corrections;
        this.reference = reference;
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        show(id);
    }

    private void show(String id) {
        removeAll();
        var found = holdings.organisation(id);
        if (found.isEmpty()) {
            add(new H2(getTranslation("organisation.not-found")));
            return;
        }
        Holdings.OrganisationRecord o = found.get();
        title = o.name();
        add(new H2(o.name()));
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            var chart = new Anchor("intelligence/chart/Organisation:" + o.id(), getTranslation("chart.open"));
            chart.setId("organisation-open-chart");
            add(chart);
        }
        var facts = new Div();
        facts.setId("organisation-facts");
        facts.addClassName("facts");
        facts.add(fact(this, "organisation.kind", getTranslation("organisation.kind." + o.kind().name())),
                fact(this, "organisation.code", o.code()), fact(this, "organisation.country", o.country()),
                fact(this, "firearm.source", ProvenanceLine.sentence(this, o.source(), null, null)),
                fact(this, "organisation.totals", getTranslation("organisation.totals.value",
                        o.firearmsCovered(), o.firearmsMade(), o.transfers())));
        add(facts);
        if (RegistryDesk.allowed()) {
            var actions = new HorizontalLayout(DeskActions.recordLicence(this, desk, o.id(), () -> show(id)));
            if (o.kind() != Holdings.OrganisationKind.MANUFACTURER) {
                // A manufacturer is reference data, edited there.
                actions.add(CorrectionParts.correctOrganisation(this, corrections,
                        DeskChoices.of(reference, UiLocale.current()), o, () -> show(id)));
            }
            add(actions);
        }

        add(new H3(getTranslation("person.licences")), RecordParts.licences(this, "organisation-licences", o.licences()),
                CorrectionParts.licences(this, "organisation-licence-history", corrections, o.licences(), () -> show(id)));

        add(new H3(getTranslation("organisation.firearms")));
        if (o.firearmsCovered() > o.firearms().size()) {
            add(new Paragraph(getTranslation("organisation.firearms-latest", o.firearms().size(), o.firearmsCovered())));
        }
        add(RecordParts.heldFirearms(this, "organisation-firearms", o.firearms()));
        add(new H3(getTranslation("firearm.history")), HistorySentences.list(this, "organisation-history",
                corrections.organisationHistory(o.id()), this::displayValue));
    }

    /** An organisation's country in a history sentence by its name. */
    private String displayValue(String field, String value) {
        return field.equals("country") ? reference.countryName(value, getLocale()) : value;
    }

    @Override
    public String getPageTitle() {
        return title + " · ArmsTrace";
    }
}
