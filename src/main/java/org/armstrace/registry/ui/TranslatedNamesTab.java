package org.armstrace.registry.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Function;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.registry.ReferenceKeys;
import org.armstrace.registry.ReferenceRevision;

/**
 * Firearm types and countries: entries named in the three UI languages, with other spellings. The
 * names go to every pick-list and page in the reader's language; the spellings to search and import.
 */
final class TranslatedNamesTab<T> extends VerticalLayout {

    /** How the tab reads and writes one kind of entry. */
    interface Entries<T> {
        List<T> all();

        String code(T entry);

        /** English, Albanian, Serbian Latin. */
        List<String> names(T entry);

        List<String> aliases(T entry);

        boolean retired(T entry);

        /** Whether the kind can be retired (a country cannot). */
        boolean retires();

        void save(T entry, List<String> names, List<String> aliases, boolean retired, String reason);

        List<ReferenceRevision> history(T entry);
    }

    final TextField filter = new TextField();
    final Grid<T> grid = new Grid<>();
    final TextField nameEn = new TextField("English");
    final TextField nameSq = new TextField("Shqip");
    final TextField nameSr = new TextField("Srpski");
    final ReferenceForm form;
    final ReferenceHistoryList history;
    private final Entries<T> entries;
    private T editing;

    TranslatedNamesTab(String id, Entries<T> entries, Function<T, String> label) {
        this.entries = entries;
        setSizeFull();
        setPadding(false);
        form = new ReferenceForm(id, this, this::save);
        history = new ReferenceHistoryList(id + "-history");
        filter.setPlaceholder(getTranslation("reference.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> refresh());
        grid.setId(id + "-grid");
        EmptyGrids.say(grid, "empty.reference");
        grid.addColumn(entries::code).setHeader(getTranslation("reference.code")).setAutoWidth(true);
        grid.addColumn(label::apply).setHeader(getTranslation("reference.name")).setAutoWidth(true);
        grid.addColumn(e -> String.join(", ", entries.aliases(e))).setHeader(getTranslation("reference.aliases"));
        grid.setMinWidth("18rem");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        nameEn.setId(id + "-name-en");
        nameSq.setId(id + "-name-sq");
        nameSr.setId(id + "-name-sr");
        form.retired.setVisible(entries.retires());
        add(filter, ReferenceTabs.listAndEditor(grid, new FormLayout(nameEn, nameSq, nameSr, form.aliases, form.retired,
                form.reason, form.save), history));
        refresh();
        edit(null);
    }

    private void edit(T entry) {
        editing = entry;
        List<String> names = entry == null ? List.of("", "", "") : entries.names(entry);
        var fields = List.of(nameEn, nameSq, nameSr);
        for (int i = 0; i < 3; i++) {
            fields.get(i).setValue(names.get(i) == null ? "" : names.get(i));
            fields.get(i).setEnabled(entry != null);
            fields.get(i).setInvalid(false);
        }
        form.show(entry == null ? List.of() : entries.aliases(entry), entry != null && entries.retired(entry), entry != null);
        history.setVisible(entry != null);
        history.show(entry == null ? List.of() : entries.history(entry));
    }

    private void save() {
        if (editing == null || !form.hasReason()) {
            return;
        }
        var fields = List.of(nameEn, nameSq, nameSr);
        if (fields.stream().anyMatch(f -> f.getValue().isBlank())) {
            fields.forEach(f -> f.setInvalid(f.getValue().isBlank()));
            return;
        }
        String code = entries.code(editing);
        if (form.attempt(() -> entries.save(editing, fields.stream().map(f -> f.getValue().strip()).toList(),
                form.aliasList(), form.retired.getValue(), form.reason.getValue()))) {
            refresh();
            edit(entries.all().stream().filter(e -> entries.code(e).equals(code)).findFirst().orElse(null));
        }
    }

    private void refresh() {
        String k = ReferenceKeys.key(filter.getValue());
        grid.setItems(entries.all().stream().filter(e -> k.isEmpty() || ReferenceKeys.key(entries.code(e)).contains(k)
                || entries.names(e).stream().anyMatch(n -> ReferenceKeys.key(n).contains(k))
                || entries.aliases(e).stream().anyMatch(n -> ReferenceKeys.key(n).contains(k))).toList());
    }
}
