package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.registry.Licence;
import org.armstrace.registry.PersonRegistry;

/** The pieces a person's and an organisation's page share: facts, licences and weapons held. */
final class RecordParts {

    private RecordParts() {
    }

    static Paragraph fact(Component page, String labelKey, String value) {
        return new Paragraph(page.getTranslation(labelKey) + ": " + (value == null || value.isBlank() ? "—" : value));
    }

    static Grid<Licence> licences(Component page, String id, List<Licence> items) {
        var licences = new Grid<Licence>();
        licences.setId(id);
        licences.addColumn(Licence::number).setHeader(page.getTranslation("licence.number")).setAutoWidth(true);
        licences.addColumn(l -> page.getTranslation("licence.kind." + l.kind().name()))
                .setHeader(page.getTranslation("licence.kind")).setAutoWidth(true);
        licences.addColumn(Licence::issuedBy).setHeader(page.getTranslation("licence.issued-by")).setAutoWidth(true);
        licences.addColumn(l -> Dates.date(l.validFrom(), UiLocale.current())).setHeader(page.getTranslation("licence.valid-from")).setAutoWidth(true);
        licences.addColumn(l -> Dates.date(l.validTo(), UiLocale.current())).setHeader(page.getTranslation("licence.valid-to")).setAutoWidth(true);
        EmptyGrids.say(licences, "empty.licences");
        licences.setItems(items);
        licences.setAllRowsVisible(true);
        return licences;
    }

    /** Weapons held under licences; a click opens the weapon. */
    static Grid<PersonRegistry.HeldFirearm> heldFirearms(Component page, String id, List<PersonRegistry.HeldFirearm> items) {
        var firearms = new Grid<PersonRegistry.HeldFirearm>();
        firearms.setId(id);
        firearms.addColumn(h -> h.firearm().serialAsRead()).setHeader(page.getTranslation("registry.serial-as-read"))
                .setAutoWidth(true);
        // As read off the weapon ("Smith & Wesson"), not the reference code (SMITH_WESSON).
        firearms.addColumn(h -> h.firearm().makeAsRead() != null ? h.firearm().makeAsRead() : h.firearm().makeCode())
                .setHeader(page.getTranslation("registry.make")).setAutoWidth(true);
        firearms.addColumn(h -> h.firearm().model()).setHeader(page.getTranslation("registry.model")).setAutoWidth(true);
        firearms.addColumn(PersonRegistry.HeldFirearm::licenceNumber).setHeader(page.getTranslation("licence.number"))
                .setAutoWidth(true);
        firearms.addColumn(h -> Dates.date(h.from(), UiLocale.current())).setHeader(page.getTranslation("person.held-from"))
                .setAutoWidth(true);
        firearms.addColumn(h -> Dates.date(h.to(), UiLocale.current())).setHeader(page.getTranslation("person.held-to")).setAutoWidth(true);
        firearms.addItemClickListener(e -> page.getUI().ifPresent(ui -> ui.navigate(FirearmView.class, e.getItem().firearm().id())));
        EmptyGrids.say(firearms, "empty.held-firearms");
        firearms.setItems(items);
        firearms.setAllRowsVisible(true);
        return firearms;
    }
}
