package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.ModelBox;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.NewFirearm;

/**
 * Registers a weapon with its markings, or corrects one's identification (with a reason, required).
 * Type, make, calibre and country are picked from reference data; the model from the make's models
 * there, or typed as read when it is not among them.
 */
public class FirearmForm extends DeskForm<FirearmForm.Values> {

    /** What the desk entered; {@code markings} only when registering, {@code reason} only when correcting. */
    public record Values(String type, String make, String model, String calibre, String serialAsRead,
                         String country, Integer year, List<NewFirearm.NewMarking> markings, String reason) {

        public NewFirearm weapon() {
            return new NewFirearm(type, make, model, calibre, serialAsRead, country, year, markings);
        }
    }

    private final boolean correcting;
    final ComboBox<DeskChoices.Option> type;
    final ComboBox<DeskChoices.Option> make;
    final ModelBox model;
    final ComboBox<DeskChoices.Option> calibre;
    final TextField serial = new TextField();
    final ComboBox<DeskChoices.Option> country;
    final IntegerField year = new IntegerField();
    final VerticalLayout markingRows = new VerticalLayout();
    final List<MarkingRow> markings = new ArrayList<>();
    final TextField reason = new TextField();

    /** A form to register a new weapon ({@code current} null) or to correct {@code current}. */
    FirearmForm(DeskChoices choices, Firearm current) {
        super("firearm-desk");
        this.correcting = current != null;
        type = DeskChoices.box(getTranslation("registry.type"), choices.types());
        type.setId("firearm-desk-type");
        make = DeskChoices.box(getTranslation("registry.make"), choices.makes());
        make.setId("firearm-desk-make");
        model = new ModelBox(getTranslation("registry.model"), choices.models(), () -> DeskChoices.code(make));
        model.setId("firearm-desk-model");
        make.addValueChangeListener(e -> model.makeChanged());
        calibre = DeskChoices.box(getTranslation("registry.calibre"), choices.calibres());
        calibre.setId("firearm-desk-calibre");
        serial.setLabel(getTranslation("registry.serial-as-read"));
        serial.setId("firearm-desk-serial");
        serial.setMaxLength(100);
        serial.setRequired(true);
        country = DeskChoices.box(getTranslation("firearm.country"), choices.countries());
        country.setId("firearm-desk-country");
        year.setLabel(getTranslation("firearm.year"));
        year.setMin(1800);
        year.setMax(Dates.today().getYear());
        add(type, make, model, calibre, serial, country, year);
        if (correcting) {
            DeskChoices.select(type, choices.types(), current.typeCode());
            DeskChoices.select(make, choices.makes(), current.makeCode());
            model.show(current.model());
            DeskChoices.select(calibre, choices.calibres(), current.calibreCode());
            serial.setValue(current.serialAsRead());
            DeskChoices.select(country, choices.countries(), current.countryOfManufacture());
            year.setValue(current.year());
            reason.setLabel(getTranslation("desk.reason"));
            reason.setId("firearm-desk-reason");
            reason.setMaxLength(500);
            reason.setRequired(true);
            add(reason);
            setColspan(reason, 2);
        } else {
            var addMarking = new Button(getTranslation("desk.add-marking"), e -> addMarking());
            addMarking.setId("firearm-desk-add-marking");
            markingRows.setPadding(false);
            add(markingRows, addMarking);
            setColspan(markingRows, 2);
        }
        finish();
    }

    MarkingRow addMarking() {
        var row = new MarkingRow();
        markings.add(row);
        markingRows.add(row);
        return row;
    }

    @Override
    Values values() {
        if (blank(serial.getValue())) {
            refuse(getTranslation("desk.serial-required"));
            return null;
        }
        if (model.model() != null && model.model().length() > 100) {
            refuse(getTranslation("desk.model-too-long"));
            return null;
        }
        if (correcting && blank(reason.getValue())) {
            refuse(getTranslation("desk.reason-required"));
            return null;
        }
        var marks = new ArrayList<NewFirearm.NewMarking>();
        for (MarkingRow m : markings) {
            if (!blank(m.text.getValue())) {
                marks.add(new NewFirearm.NewMarking(m.kind.getValue(), m.text.getValue().strip(),
                        orNull(m.position.getValue()), null, null));
            }
        }
        return new Values(DeskChoices.code(type), make.getValue() == null ? null : make.getValue().label(),
                model.model(), DeskChoices.code(calibre), serial.getValue().strip(), DeskChoices.code(country),
                year.getValue(), marks, orNull(reason.getValue()));
    }

    /** One marking: kind, text as read, where on the weapon. */
    final class MarkingRow extends HorizontalLayout {
        final Select<NewFirearm.MarkingKind> kind = new Select<>();
        final TextField text = new TextField();
        final TextField position = new TextField();

        MarkingRow() {
            kind.setLabel(getTranslation("desk.marking-kind"));
            // The serial has its own field above.
            kind.setItems(Stream.of(NewFirearm.MarkingKind.values()).filter(k -> k != NewFirearm.MarkingKind.SERIAL).toList());
            kind.setItemLabelGenerator(k -> getTranslation("marking.kind." + k.name()));
            kind.setValue(NewFirearm.MarkingKind.IMPORT);
            text.setLabel(getTranslation("desk.marking-text"));
            text.setMaxLength(100);
            position.setLabel(getTranslation("desk.marking-position"));
            position.setMaxLength(100);
            add(kind, text, position);
        }
    }
}
