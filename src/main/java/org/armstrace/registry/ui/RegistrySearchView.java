package org.armstrace.registry.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.base.ui.ModelBox;
import org.armstrace.registry.Calibre;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.PersonHit;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.ReferenceKeys;
import org.armstrace.registry.SearchRejected;
import org.armstrace.registry.SerialHit;
import org.armstrace.registry.SerialQuery;
import org.armstrace.registry.SerialSearch;
import org.armstrace.security.Role;

/**
 * The registry search: one box for a serial as read (with ? or * for what cannot be read), a
 * person's name in any script, or a licence or personal number; optional make, model, type and
 * calibre for weapons (the model ranks rather than filters). Weapons and (for roles that may see personal data) people are listed with the
 * reasons they were found; weapons reported lost or stolen carry a red flag.
 */
@Route("registry")
@Menu(order = 10, icon = "vaadin:search", title = "menu.registry")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE, Role.Names.FIELD_OFFICER})
public class RegistrySearchView extends VerticalLayout implements HasDynamicTitle {

    final TextField serial = new TextField();
    final ComboBox<Manufacturer> make = new ComboBox<>();
    final ModelBox model;
    final ComboBox<FirearmType> type = new ComboBox<>();
    final ComboBox<Calibre> calibre = new ComboBox<>();
    final Button search = new Button();
    final Span summary = new Span();
    final Grid<SerialHit> results = new Grid<>();
    final Span peopleSummary = new Span();
    final Grid<PersonHit> peopleResults = new Grid<>();
    private final SerialSearch serialSearch;
    private final PersonRegistry people;

    public RegistrySearchView(SerialSearch serialSearch, PersonRegistry people, ReferenceData reference) {
        this.serialSearch = serialSearch;
        this.people = people;
        model = new ModelBox(getTranslation("registry.model"), reference.modelLookup(),
                () -> make.getValue() == null ? null : make.getValue().code());
        setSizeFull();
        FlexLayout form = form(reference);
        weaponGrid(reference);
        summary.setId("registry-summary");
        personGrid();
        peopleSummary.setId("registry-people-summary");
        add(new H2(getTranslation("menu.registry")), form, summary, results, peopleSummary, peopleResults);
    }

    /** The search box, the weapon filters and the search button, wrapping on a narrow screen. */
    private FlexLayout form(ReferenceData reference) {
        serial.setLabel(getTranslation("registry.query"));
        serial.setHelperText(getTranslation("registry.serial-help"));
        serial.setId("registry-serial");
        serial.setClearButtonVisible(true);
        serial.setMaxLength(SerialQuery.MAX_INPUT);
        serial.addKeyPressListener(Key.ENTER, e -> run());
        serial.setMinWidth("16rem");

        filters(reference);

        search.setText(getTranslation("registry.search"));
        search.setId("registry-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> run());

        var form = new FlexLayout(serial, make, model, type, calibre, search);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        return form;
    }

    /** Make, type and calibre, offering what reference data has not retired. */
    private void filters(ReferenceData reference) {
        make.setLabel(getTranslation("registry.make"));
        make.setId("registry-make");
        // Any alias finds the maker: "ZCZ" or "Crvena Zastava" offers Zastava.
        make.setItems((m, filter) -> named(filter, m.code(), m.name(), m.aliases()),
                reference.manufacturers().stream().filter(m -> !m.retired()).toList());
        make.setItemLabelGenerator(m -> m.name() + " (" + m.country() + ")");
        make.setClearButtonVisible(true);
        // Not a filter but a ranking: weapons of the model (any spelling of it) come first among equally close serials.
        model.setId("registry-model");
        make.addValueChangeListener(e -> model.makeChanged());
        type.setLabel(getTranslation("registry.type"));
        type.setItems(reference.firearmTypes().stream().filter(t -> !t.retired()).toList());
        type.setItemLabelGenerator(t -> t.name(getLocale()));
        type.setClearButtonVisible(true);
        calibre.setLabel(getTranslation("registry.calibre"));
        calibre.setItems((c, filter) -> named(filter, c.code(), c.name(), c.aliases()),
                reference.calibres().stream().filter(c -> !c.retired()).toList());
        calibre.setItemLabelGenerator(Calibre::name);
        calibre.setClearButtonVisible(true);
    }

    /** The weapons found, flagged when reported lost or stolen, with why each was found; a click opens the weapon. */
    private void weaponGrid(ReferenceData reference) {
        results.setId("registry-results");
        results.addComponentColumn(this::flags).setHeader("").setAutoWidth(true).setFlexGrow(0);
        results.addColumn(h -> h.firearm().serialAsRead()).setHeader(getTranslation("registry.serial-as-read")).setAutoWidth(true);
        results.addColumn(h -> reference.makeName(h.firearm().makeCode(), h.firearm().makeAsRead()))
                .setHeader(getTranslation("registry.make")).setAutoWidth(true);
        results.addColumn(h -> h.firearm().model()).setHeader(getTranslation("registry.model")).setAutoWidth(true);
        results.addColumn(h -> reference.calibreName(h.firearm().calibreCode())).setHeader(getTranslation("registry.calibre")).setAutoWidth(true);
        results.addColumn(h -> Math.round(h.score() * 100) + " %").setHeader(getTranslation("registry.match")).setAutoWidth(true);
        results.addColumn(h -> h.reasons().stream().map(r -> r.text(this::getTranslation)).collect(Collectors.joining(" · ")))
                .setHeader(getTranslation("registry.why")).setFlexGrow(3);
        // Reasons are the point of the list: wrap them rather than cut them off on a tablet.
        results.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FirearmView.class, e.getItem().firearm().id())));
        results.setAllRowsVisible(false);
        results.setMinHeight("12rem");
        EmptyGrids.say(results, "empty.search-start");
    }

    /** The people found, hidden until a search finds some; a click opens the person. */
    private void personGrid() {
        peopleResults.setId("registry-people");
        peopleResults.addColumn(h -> h.person().displayName()).setHeader(getTranslation("person.name")).setAutoWidth(true);
        peopleResults.addColumn(h -> h.person().nameLatin()).setHeader(getTranslation("person.name-latin")).setAutoWidth(true);
        peopleResults.addColumn(h -> Dates.date(h.person().birthDate(), getLocale())).setHeader(getTranslation("person.birth-date")).setAutoWidth(true);
        peopleResults.addColumn(h -> String.join(" · ", h.reasons())).setHeader(getTranslation("registry.why")).setFlexGrow(3);
        peopleResults.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        peopleResults.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class, e.getItem().person().id())));
        peopleResults.setAllRowsVisible(true);
        peopleResults.setVisible(false);
    }

    private Span flags(SerialHit hit) {
        var badge = new Span(hit.flags().stream().map(f -> getTranslation("lost.kind." + f))
                .collect(Collectors.joining(", ")));
        if (hit.reported()) {
            badge.getElement().getThemeList().add("badge error primary");
        }
        return badge;
    }



    /** Pick-list filter: what was typed appears in the code, the name or any alias (by match key). */
    static boolean named(String typed, String code, String name, List<String> aliases) {
        String k = ReferenceKeys.key(typed);
        if (k.isEmpty()) {
            return true;
        }
        return ReferenceKeys.key(code).contains(k) || ReferenceKeys.key(name).contains(k)
                || aliases.stream().anyMatch(a -> ReferenceKeys.key(a).contains(k));
    }

    void run() {
        String rejectedKey = null;
        try {
            List<SerialHit> hits = serialSearch.search(new SerialQuery(serial.getValue(),
                    make.getValue() == null ? null : make.getValue().code(),
                    type.getValue() == null ? null : type.getValue().code(),
                    calibre.getValue() == null ? null : calibre.getValue().code(), SerialQuery.MAX_LIMIT,
                    SerialQuery.Mode.TOLERANT, model.model()));
            results.setItems(hits);
            EmptyGrids.say(results, "empty.search");
            summary.setText(getTranslation(hits.isEmpty() ? "registry.none" : "registry.found", hits.size()));
        } catch (SearchRejected rejected) {
            rejectedKey = rejected.getMessage();
            results.setItems(List.of());
            summary.setText("");
        }
        boolean peopleSearched = false;
        // A name or a licence number is not a serial: only a filter-free search also looks for people.
        // Personal data only for the roles that may see it; the service audits the search itself.
        if (Role.current(Role.PERSONAL_DATA) && make.isEmpty() && model.isEmpty() && type.isEmpty()
                && calibre.isEmpty()) {
            try {
                List<PersonHit> found = people.search(serial.getValue(), PersonRegistry.MAX_LIMIT);
                peopleResults.setItems(found);
                peopleResults.setVisible(!found.isEmpty());
                peopleSummary.setText(getTranslation(found.isEmpty() ? "registry.people-none" : "registry.people-found",
                        found.size()));
                peopleSearched = true;
            } catch (SearchRejected rejected) {
                peopleResults.setItems(List.of());
                peopleResults.setVisible(false);
                peopleSummary.setText("");
            }
        }
        boolean nothingRan = rejectedKey != null && !peopleSearched;
        serial.setInvalid(nothingRan);
        if (nothingRan) {
            serial.setErrorMessage(getTranslation(rejectedKey, SerialQuery.MAX_INPUT));
        } else if (rejectedKey != null) {
            summary.setText(getTranslation(rejectedKey, SerialQuery.MAX_INPUT));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.registry") + " · ArmsTrace";
    }
}
