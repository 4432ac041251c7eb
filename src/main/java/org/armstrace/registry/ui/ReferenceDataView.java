package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.registry.Calibre;
import org.armstrace.registry.Country;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.ManufacturerMerges;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.ReferenceKind;
import org.armstrace.registry.ReferenceRevision;
import org.armstrace.security.Role;

/**
 * Reference data for administrators: calibres, manufacturers (with their models), firearm types and
 * countries, with their names and spellings, every change with a reason and kept in the entry's
 * history; and the merge of a manufacturer entered twice.
 */
@Route("admin/reference")
@Menu(order = 92, icon = "vaadin:book", title = "menu.reference")
@RolesAllowed(Role.Names.ADMIN)
public class ReferenceDataView extends VerticalLayout implements HasDynamicTitle {

    final TabSheet tabs = new TabSheet();
    final Grid<Calibre> calibres = new Grid<>();
    final TextField calibreFilter = new TextField();
    final TextField calibreName = new TextField();
    final TextArea calibreAliases = new TextArea();
    final Checkbox calibreRetired = new Checkbox();
    final TextField calibreReason = new TextField();
    final Button calibreSave = new Button();
    final ReferenceHistoryList calibreHistory = new ReferenceHistoryList("calibre-history");
    final ManufacturerTab manufacturers;
    final TranslatedNamesTab<FirearmType> types;
    final TranslatedNamesTab<Country> countries;
    private final ReferenceData reference;
    private Calibre editing;

    public ReferenceDataView(ReferenceData reference, ManufacturerMerges merges) {
        this.reference = reference;
        manufacturers = new ManufacturerTab(reference, merges);
        types = new TranslatedNamesTab<>("type", types(reference), t -> t.name(getLocale()));
        countries = new TranslatedNamesTab<>("country", countries(reference), c -> c.name(getLocale()));
        setSizeFull();
        tabs.setSizeFull();
        tabs.add(getTranslation("reference.calibres"), calibreTab());
        tabs.add(getTranslation("reference.manufacturers"), manufacturers).setId("reference-tab-manufacturers");
        tabs.add(getTranslation("reference.types"), types).setId("reference-tab-types");
        tabs.add(getTranslation("reference.countries"), countries).setId("reference-tab-countries");
        add(new H2(getTranslation("menu.reference")), tabs);
    }

    private VerticalLayout calibreTab() {
        calibreFilter.setPlaceholder(getTranslation("reference.filter"));
        calibreFilter.setValueChangeMode(ValueChangeMode.LAZY);
        calibreFilter.addValueChangeListener(e -> refreshCalibres());
        calibreFilter.setClearButtonVisible(true);
        calibres.setId("calibre-grid");
        EmptyGrids.say(calibres, "empty.reference");
        calibres.addColumn(Calibre::code).setHeader(getTranslation("reference.code")).setAutoWidth(true);
        calibres.addColumn(Calibre::name).setHeader(getTranslation("reference.name")).setAutoWidth(true);
        calibres.addColumn(c -> String.join(", ", c.aliases())).setHeader(getTranslation("reference.aliases"));
        calibres.addColumn(c -> getTranslation(c.retired() ? "reference.retired" : "reference.active"))
                .setHeader(getTranslation("users.status")).setAutoWidth(true);
        calibres.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        calibreName.setLabel(getTranslation("reference.name"));
        calibreAliases.setLabel(getTranslation("reference.aliases"));
        calibreAliases.setHelperText(getTranslation("reference.aliases-help"));
        calibreRetired.setLabel(getTranslation("reference.retired"));
        calibreReason.setLabel(getTranslation("reference.reason"));
        calibreReason.setRequired(true);
        calibreSave.setText(getTranslation("action.save"));
        calibreSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        calibreSave.addClickListener(e -> saveCalibre());
        var form = new FormLayout(calibreName, calibreAliases, calibreRetired, calibreReason, calibreSave, calibreHistory);
        form.setMaxWidth("26rem");
        edit(null);

        var body = new FlexLayout(calibres, form);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setSizeFull();
        body.setFlexGrow(1, calibres);
        calibres.setMinWidth("18rem");
        refreshCalibres();
        var tab = new VerticalLayout(calibreFilter, body);
        tab.setSizeFull();
        tab.setPadding(false);
        return tab;
    }

    private void edit(Calibre c) {
        editing = c;
        boolean on = c != null;
        for (var f : List.of(calibreName, calibreAliases, calibreReason)) {
            f.setEnabled(on);
        }
        calibreRetired.setEnabled(on);
        calibreSave.setEnabled(on);
        calibreName.setValue(on ? c.name() : "");
        calibreAliases.setValue(on ? String.join("\n", c.aliases()) : "");
        calibreRetired.setValue(on && c.retired());
        calibreReason.clear();
        calibreHistory.setVisible(on);
        calibreHistory.show(on ? reference.history(ReferenceKind.CALIBRE, c.code()) : List.of());
    }

    private void saveCalibre() {
        if (editing == null) {
            return;
        }
        if (calibreReason.getValue().isBlank()) {
            calibreReason.setInvalid(true);
            calibreReason.setErrorMessage(getTranslation("reference.reason-required"));
            return;
        }
        // One per line: commas are part of spellings such as "7,62x39".
        List<String> aliases = Arrays.stream(calibreAliases.getValue().split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        try {
            reference.saveCalibre(new Calibre(editing.code(), calibreName.getValue().strip(), aliases, editing.type(),
                    calibreRetired.getValue()), calibreReason.getValue());
            Notification.show(getTranslation("reference.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshCalibres();
            edit(null);
        } catch (IllegalArgumentException ex) {
            // The message names the calibre that already uses the alias.
            Notification.show(getTranslation("reference.alias-taken", ex.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refreshCalibres() {
        String f = calibreFilter.getValue();
        calibres.setItems(f.isBlank() ? reference.calibres() : reference.suggestCalibres(f, 50));
    }

    private static TranslatedNamesTab.Entries<FirearmType> types(ReferenceData reference) {
        return new TranslatedNamesTab.Entries<>() {
            public List<FirearmType> all() {
                return reference.firearmTypes();
            }

            public String code(FirearmType t) {
                return t.code();
            }

            public List<String> names(FirearmType t) {
                return List.of(t.nameEn(), t.nameSq(), t.nameSr());
            }

            public List<String> aliases(FirearmType t) {
                return t.aliases();
            }

            public boolean retired(FirearmType t) {
                return t.retired();
            }

            public boolean retires() {
                return true;
            }

            public void save(FirearmType t, List<String> names, List<String> aliases, boolean retired, String reason) {
                reference.saveFirearmType(new FirearmType(t.code(), names.get(0), names.get(1), names.get(2), t.category(),
                        aliases, retired), reason);
            }

            public List<ReferenceRevision> history(FirearmType t) {
                return reference.history(ReferenceKind.FIREARM_TYPE, t.code());
            }
        };
    }

    private static TranslatedNamesTab.Entries<Country> countries(ReferenceData reference) {
        return new TranslatedNamesTab.Entries<>() {
            public List<Country> all() {
                return reference.countries();
            }

            public String code(Country c) {
                return c.code();
            }

            public List<String> names(Country c) {
                return List.of(c.nameEn(), c.nameSq(), c.nameSr());
            }

            public List<String> aliases(Country c) {
                return c.aliases();
            }

            public boolean retired(Country c) {
                return false;
            }

            public boolean retires() {
                return false;
            }

            public void save(Country c, List<String> names, List<String> aliases, boolean retired, String reason) {
                reference.saveCountry(new Country(c.code(), names.get(0), names.get(1), names.get(2), aliases), reason);
            }

            public List<ReferenceRevision> history(Country c) {
                return reference.history(ReferenceKind.COUNTRY, c.code());
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.reference") + " · ArmsTrace";
    }
}
