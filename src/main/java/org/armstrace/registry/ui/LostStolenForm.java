package org.armstrace.registry.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.base.ModelLookup;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.base.ui.ModelBox;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearm;

/**
 * Report a weapon lost or stolen: one on record, or (given the reference data's models) one not in the
 * registry, described by type, make, model, calibre and serial; the model is picked from the make's
 * models or kept as typed ({@link ModelBox}). Fires {@link ReportEvent}; the view files the report.
 */
public class LostStolenForm extends FormLayout {

    /** {@code weapon} is the description of a weapon not in the registry; null for one on record. */
    public record Values(LostStolenReport.Kind kind, LocalDate occurredOn, String place, String reference,
                         String circumstances, NewFirearm weapon) {
    }

    public static class ReportEvent extends ComponentEvent<LostStolenForm> {
        private final Values values;

        ReportEvent(LostStolenForm source, Values values) {
            super(source, false);
            this.values = values;
        }

        public Values values() {
            return values;
        }
    }

    final RadioButtonGroup<LostStolenReport.Kind> kind = new RadioButtonGroup<>();
    final DatePicker occurredOn = new DatePicker();
    final TextField place = new TextField();
    final TextField reference = new TextField();
    final TextArea circumstances = new TextArea();
    final Button report = new Button();
    final TextField type = new TextField();
    final TextField make = new TextField();
    /** Null on the form for a weapon on record, which describes none. */
    final ModelBox model;
    final TextField calibre = new TextField();
    final TextField serial = new TextField();
    private final boolean describe;

    /** The form for a weapon on record. */
    public LostStolenForm() {
        this(null);
    }

    /** The form for a weapon not in the registry, described with the reference data's models ({@code models}). */
    public LostStolenForm(ModelLookup models) {
        this.describe = models != null;
        this.model = describe ? new ModelBox(getTranslation("lost.weapon.model"), models, () -> blankToNull(make.getValue()))
                : null;
        kind.setLabel(getTranslation("lost.kind"));
        kind.setItems(LostStolenReport.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("lost.kind." + k.name()));
        kind.setValue(LostStolenReport.Kind.STOLEN);
        kind.setId("lost-kind");
        occurredOn.setLabel(getTranslation("lost.occurred-on"));
        occurredOn.setMax(Dates.today());
        DatePickers.localise(occurredOn);
        place.setLabel(getTranslation("lost.place"));
        place.setMaxLength(200);
        reference.setLabel(getTranslation("lost.reference"));
        reference.setMaxLength(100);
        circumstances.setLabel(getTranslation("lost.circumstances"));
        circumstances.setMaxLength(2000);
        report.setText(getTranslation("lost.report"));
        report.setId("lost-report");
        report.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        // One report per click: the button stays disabled until the view has handled it.
        report.setDisableOnClick(true);
        report.addClickListener(e -> fireEvent(new ReportEvent(this, new Values(kind.getValue(), occurredOn.getValue(),
                place.getValue(), reference.getValue(), circumstances.getValue(), describe ? weapon() : null))));
        if (describe) {
            describeWeapon();
        }
        add(kind, occurredOn, place, reference, circumstances, report);
        setColspan(circumstances, 2);
    }

    private void describeWeapon() {
        var fields = List.of(type, make, calibre, serial);
        var keys = List.of("type", "make", "calibre", "serial");
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).setLabel(getTranslation("lost.weapon." + keys.get(i)));
            fields.get(i).setMaxLength(100);
            fields.get(i).setId("lost-weapon-" + keys.get(i));
        }
        model.setId("lost-weapon-model");
        // The make's models from reference data, asked for again whenever the make changes.
        make.addValueChangeListener(e -> model.makeChanged());
        add(type, make, model, calibre, serial);
        serial.setRequired(true);
    }

    private NewFirearm weapon() {
        return new NewFirearm(blankToNull(type.getValue()), blankToNull(make.getValue()), model.model(),
                blankToNull(calibre.getValue()), serial.getValue().strip(), null, null, List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Registration addReportListener(ComponentEventListener<ReportEvent> listener) {
        return addListener(ReportEvent.class, listener);
    }
}
