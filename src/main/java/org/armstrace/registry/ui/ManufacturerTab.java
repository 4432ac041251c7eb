package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.registry.Country;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ManufacturerMerges;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.ReferenceKeys;
import org.armstrace.registry.ReferenceKind;

/**
 * Manufacturers: name, country and spellings, new ones, their models, and the merge of one entered
 * twice into the one that stays. Each with a reason, each in the entry's history below.
 */
final class ManufacturerTab extends VerticalLayout {

    final TextField filter = new TextField();
    final Grid<Manufacturer> grid = new Grid<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final ComboBox<Country> country = new ComboBox<>();
    final Button add = new Button();
    final ComboBox<Manufacturer> mergeInto = new ComboBox<>();
    final Button merge = new Button();
    final ReferenceForm form;
    final ModelPanel models;
    final ReferenceHistoryList history = new ReferenceHistoryList("maker-history");
    private final ReferenceData reference;
    private final ManufacturerMerges merges;
    private Manufacturer editing;
    private boolean adding;

    ManufacturerTab(ReferenceData reference, ManufacturerMerges merges) {
        this.reference = reference;
        this.merges = merges;
        setSizeFull();
        setPadding(false);
        form = new ReferenceForm("maker", this, this::save);
        models = new ModelPanel(reference);
        filter.setPlaceholder(getTranslation("reference.filter"));
        filter.setId("maker-filter");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> refresh());
        grid.setId("manufacturer-grid");
        EmptyGrids.say(grid, "empty.reference");
        grid.addColumn(Manufacturer::code).setHeader(getTranslation("reference.code")).setAutoWidth(true);
        grid.addColumn(Manufacturer::name).setHeader(getTranslation("reference.name")).setAutoWidth(true);
        grid.addColumn(Manufacturer::country).setHeader(getTranslation("reference.country")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.aliases())).setHeader(getTranslation("reference.aliases"));
        grid.setMinWidth("18rem");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue(), false));

        code.setLabel(getTranslation("reference.code"));
        code.setId("maker-code");
        name.setLabel(getTranslation("reference.name"));
        name.setId("maker-name");
        country.setLabel(getTranslation("reference.country"));
        country.setId("maker-country");
        country.setItems((c, typed) -> typed.isBlank() || ReferenceKeys.key(c.name(getLocale())).contains(ReferenceKeys.key(typed))
                || c.code().equalsIgnoreCase(typed), reference.countries());
        country.setItemLabelGenerator(c -> c.name(getLocale()) + " (" + c.code() + ")");
        add.setText(getTranslation("reference.manufacturer-new"));
        add.setId("maker-new");
        add.addClickListener(e -> {
            grid.asSingleSelect().clear();
            edit(null, true);
        });
        mergeInto.setLabel(getTranslation("reference.merge-into"));
        mergeInto.setHelperText(getTranslation("reference.merge-help"));
        mergeInto.setId("maker-merge-into");
        mergeInto.setItemLabelGenerator(m -> m.name() + " (" + m.code() + ")");
        merge.setText(getTranslation("reference.merge"));
        merge.setId("maker-merge");
        merge.addThemeVariants(ButtonVariant.LUMO_ERROR);
        merge.addClickListener(e -> merge());

        add(filter, ReferenceTabs.listAndEditor(grid, add, new FormLayout(code, name, country, form.aliases, form.retired,
                form.reason, form.save), new FormLayout(mergeInto, merge), history, models));
        refresh();
        edit(null, false);
    }

    private void edit(Manufacturer m, boolean isNew) {
        editing = m;
        adding = isNew;
        boolean on = m != null || isNew;
        code.setEnabled(isNew);
        code.setValue(m == null ? "" : m.code());
        name.setEnabled(on);
        name.setValue(m == null ? "" : m.name());
        country.setEnabled(on);
        country.setValue(m == null ? null : reference.country(m.country()).orElse(null));
        form.show(m == null ? List.of() : m.aliases(), m != null && m.retired(), on);
        mergeInto.setEnabled(m != null);
        merge.setEnabled(m != null);
        mergeInto.setItems(reference.manufacturers().stream().filter(x -> m == null || !x.code().equals(m.code())).toList());
        history.setVisible(m != null);
        history.show(m == null ? List.of() : reference.history(ReferenceKind.MANUFACTURER, m.code()));
        models.show(m);
    }

    private void save() {
        if (!on() || !form.hasReason()) {
            return;
        }
        String c = adding ? ReferenceKeys.key(code.getValue()) : editing.code();
        if (c.isEmpty() || name.getValue().isBlank() || country.getValue() == null) {
            code.setInvalid(c.isEmpty());
            name.setInvalid(name.getValue().isBlank());
            country.setInvalid(country.getValue() == null);
            return;
        }
        var next = new Manufacturer(c, name.getValue().strip(), country.getValue().code(), form.aliasList(),
                editing == null ? "MANUFACTURER" : editing.kind(), form.retired.getValue());
        if (form.attempt(() -> reference.saveManufacturer(next, form.reason.getValue()))) {
            refresh();
            edit(reference.resolveManufacturer(c).orElse(null), false);
        }
    }

    private void merge() {
        if (editing == null || mergeInto.getValue() == null) {
            mergeInto.setInvalid(editing != null);
            return;
        }
        if (!form.hasReason()) {
            return;
        }
        try {
            var done = merges.merge(editing.code(), mergeInto.getValue().code(), form.reason.getValue());
            Notification.show(getTranslation("reference.merged", editing.name(), done.survivor().name(), done.weapons(),
                    done.models())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            grid.asSingleSelect().setValue(done.survivor());
        } catch (IllegalArgumentException ex) {
            Notification.show(getTranslation("reference.alias-taken", ex.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private boolean on() {
        return editing != null || adding;
    }

    private void refresh() {
        String f = filter.getValue();
        grid.setItems(f.isBlank() ? reference.manufacturers() : reference.suggestManufacturers(f, 50));
    }
}
