package org.armstrace.registry.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.Stream;
import org.armstrace.registry.Holdings;

/** Registers a dealer, importer, state agency or security company; a manufacturer only for an administrator. */
public class OrganisationForm extends DeskForm<OrganisationForm.Values> {

    public record Values(Holdings.OrganisationKind kind, String code, String name, String country) {
    }

    final Select<Holdings.OrganisationKind> kind = new Select<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final ComboBox<DeskChoices.Option> country;

    /** {@code manufacturers}: whether a manufacturer may be registered (reference data: administrators). */
    OrganisationForm(DeskChoices choices, boolean manufacturers) {
        super("organisation-desk");
        kind.setLabel(getTranslation("organisation.kind"));
        kind.setId("organisation-desk-kind");
        kind.setItems(Stream.of(Holdings.OrganisationKind.values())
                .filter(k -> manufacturers || k != Holdings.OrganisationKind.MANUFACTURER).toList());
        kind.setItemLabelGenerator(k -> getTranslation("organisation.kind." + k.name()));
        kind.setValue(Holdings.OrganisationKind.DEALER);
        code.setLabel(getTranslation("organisation.code"));
        code.setId("organisation-desk-code");
        code.setMaxLength(40);
        name.setLabel(getTranslation("desk.organisation-name"));
        name.setId("organisation-desk-name");
        name.setMaxLength(200);
        country = DeskChoices.box(getTranslation("organisation.country"), choices.countries());
        country.setId("organisation-desk-country");
        add(kind, code, name, country);
        finish();
    }

    @Override
    Values values() {
        if (blank(code.getValue()) || blank(name.getValue())) {
            refuse(getTranslation("desk.organisation-invalid"));
            return null;
        }
        return new Values(kind.getValue(), code.getValue().strip(), name.getValue().strip(), DeskChoices.code(country));
    }
}
