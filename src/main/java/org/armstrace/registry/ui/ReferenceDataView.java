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
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;

/**
 * Reference data for administrators: calibres and manufacturers with their aliases (editable, every
 * change with a reason), firearm types and countries (read here).
 */
@Route("admin/reference")
@Menu(order = 92, icon = "vaadin:book", title = "menu.reference")
@RolesAllowed(Role.Names.ADMIN)
public class ReferenceDataView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Calibre> calibres = new Grid<>();
    final TextField calibreFilter = new TextField();
    final TextField calibreName = new TextField();
    final TextArea calibreAliases = new TextArea();
    final Checkbox calibreRetired = new Checkbox();
    final TextField calibreReason = new TextField();
    final Button calibreSave = new Button();
    private final ReferenceData reference;
    private Calibre editing;

    public ReferenceDataView(ReferenceData reference) {
        this.reference = reference;
        setSizeFull();
        var tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add(getTranslation("reference.calibres"), calibreTab());
        tabs.add(getTranslation("reference.manufacturers"), manufacturerGrid());
        tabs.add(getTranslation("reference.types"), typeGrid());
        tabs.add(getTranslation("reference.countries"), countryGrid());
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
        var form = new FormLayout(calibreName, calibreAliases, calibreRetired, calibreReason, calibreSave);
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

    private Grid<Manufacturer> manufacturerGrid() {
        var grid = new Grid<Manufacturer>();
        grid.setId("manufacturer-grid");
        EmptyGrids.say(grid, "empty.reference");
        grid.addColumn(Manufacturer::code).setHeader(getTranslation("reference.code")).setAutoWidth(true);
        grid.addColumn(Manufacturer::name).setHeader(getTranslation("reference.name")).setAutoWidth(true);
        grid.addColumn(Manufacturer::country).setHeader(getTranslation("reference.country")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.aliases())).setHeader(getTranslation("reference.aliases"));
        grid.setItems(reference.manufacturers());
        grid.setSizeFull();
        return grid;
    }

    private Grid<FirearmType> typeGrid() {
        var grid = new Grid<FirearmType>();
        EmptyGrids.say(grid, "empty.reference");
        grid.addColumn(FirearmType::code).setHeader(getTranslation("reference.code")).setAutoWidth(true);
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("reference.name")).setAutoWidth(true);
        grid.addColumn(FirearmType::category).setHeader(getTranslation("reference.category")).setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", t.aliases())).setHeader(getTranslation("reference.aliases"));
        grid.setItems(reference.firearmTypes());
        grid.setSizeFull();
        return grid;
    }

    private Grid<Country> countryGrid() {
        var grid = new Grid<Country>();
        EmptyGrids.say(grid, "empty.reference");
        grid.addColumn(Country::code).setHeader(getTranslation("reference.code")).setAutoWidth(true);
        grid.addColumn(Country::nameEn).setHeader("English");
        grid.addColumn(Country::nameSq).setHeader("Shqip");
        grid.addColumn(Country::nameSr).setHeader("Srpski");
        grid.setItems(reference.countries());
        grid.setSizeFull();
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.reference") + " · ArmsTrace";
    }
}
