package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.registry.FirearmModel;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.ReferenceData;

/** The models of the manufacturer chosen on the manufacturers tab, with their spellings. */
final class ModelPanel extends VerticalLayout {

    final Grid<FirearmModel> models = new Grid<>();
    final TextField name = new TextField();
    final Button add = new Button();
    final ReferenceForm form;
    private final ReferenceData reference;
    private Manufacturer maker;
    private FirearmModel editing;

    ModelPanel(ReferenceData reference) {
        this.reference = reference;
        setPadding(false);
        form = new ReferenceForm("model", this, this::save);
        models.setId("model-grid");
        EmptyGrids.say(models, "empty.reference");
        models.addColumn(FirearmModel::name).setHeader(getTranslation("reference.name")).setAutoWidth(true);
        models.addColumn(m -> String.join(", ", m.aliases())).setHeader(getTranslation("reference.aliases"));
        models.addColumn(m -> getTranslation(m.retired() ? "reference.retired" : "reference.active"))
                .setHeader(getTranslation("users.status")).setAutoWidth(true);
        models.setAllRowsVisible(true);
        models.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });
        name.setLabel(getTranslation("reference.model"));
        name.setId("model-name");
        add.setText(getTranslation("reference.model-new"));
        add.setId("model-new");
        add.addClickListener(e -> edit(null));
        add(new H4(getTranslation("reference.models")), models, add,
                new FormLayout(name, form.aliases, form.retired, form.reason, form.save));
        show(null);
    }

    void show(Manufacturer m) {
        maker = m;
        models.setItems(m == null ? List.of() : reference.models(m.code()));
        add.setEnabled(m != null);
        editing = null;
        name.clear();
        name.setEnabled(false);
        form.show(List.of(), false, false);
    }

    private void edit(FirearmModel m) {
        editing = m;
        name.setEnabled(maker != null);
        name.setValue(m == null ? "" : m.name());
        form.show(m == null ? List.of() : m.aliases(), m != null && m.retired(), maker != null);
    }

    private void save() {
        if (maker == null || name.getValue().isBlank() || !form.hasReason()) {
            name.setInvalid(name.getValue().isBlank());
            return;
        }
        var next = new FirearmModel(editing == null ? null : editing.id(), maker.code(), name.getValue().strip(),
                form.aliasList(), form.retired.getValue());
        if (form.attempt(() -> reference.saveModel(next, form.reason.getValue()))) {
            show(maker);
        }
    }
}
