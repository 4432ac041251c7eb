package org.armstrace.tracing.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.armstrace.base.ModelLookup;
import org.armstrace.base.ui.ModelBox;
import org.armstrace.registry.Country;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.ItiContent;
import org.armstrace.tracing.ItiContentMissing;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TransitionRefused;

/**
 * A trace request as typed: a partner's request the intake officer types in (it came by mail or
 * fax), the same validated request as the API and the workbook produce; or our outgoing request,
 * filled from the graph and completed by the analyst. Shows live what the ITI still requires. The
 * model is picked from the make's models in the reference data, or kept as typed ({@link ModelBox}).
 * Fires {@link Submit}; the view takes the request in or saves the draft.
 */
public class TraceRequestForm extends FormLayout {

    final ComboBox<Country> from = new ComboBox<>();
    final TextField partnerReference = new TextField();
    final RadioButtonGroup<Priority> priority = new RadioButtonGroup<>();
    final TextField type = new TextField();
    final TextField make = new TextField();
    final ModelBox model;
    final TextField calibre = new TextField();
    final TextField serial = new TextField();
    final TextField country = new TextField();
    final TextArea whyIllicit = new TextArea();
    final TextArea legalBasis = new TextArea();
    final TextArea intendedUse = new TextArea();
    final TextArea circumstances = new TextArea();
    final Div missing = new Div();
    final Div error = new Div();
    final Button save = new Button();
    private final Direction direction;
    private String firearmId;

    /** {@code models}: the reference data's models of a make, for the model's pick-list. */
    public TraceRequestForm(Direction direction, List<Country> countries, ModelLookup models) {
        this.direction = direction;
        model = new ModelBox(getTranslation("registry.model"), models, () -> blank(make.getValue()));
        setId(direction == Direction.INCOMING ? "trace-intake" : "trace-outgoing");
        from.setLabel(getTranslation(direction == Direction.INCOMING ? "trace.from" : "trace.to"));
        from.setItems(countries);
        from.setItemLabelGenerator(c -> c.name(getLocale()) + " (" + c.code() + ")");
        from.setId("intake-from");
        partnerReference.setLabel(getTranslation("trace.partner-reference"));
        priority.setLabel(getTranslation("trace.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> getTranslation("trace.priority." + p.name()));
        priority.setValue(Priority.ROUTINE);
        type.setLabel(getTranslation("registry.type"));
        make.setLabel(getTranslation("registry.make"));
        calibre.setLabel(getTranslation("registry.calibre"));
        serial.setLabel(getTranslation("registry.serial-as-read"));
        country.setLabel(getTranslation("recovery.country-of-manufacture"));
        whyIllicit.setLabel(getTranslation("trace.why-illicit"));
        legalBasis.setLabel(getTranslation("trace.legal-basis"));
        intendedUse.setLabel(getTranslation("trace.intended-use"));
        circumstances.setLabel(getTranslation("trace.circumstances"));
        make.setId("intake-make");
        model.setId("intake-model");
        make.addValueChangeListener(e -> model.makeChanged());
        serial.setId("intake-serial");
        whyIllicit.setId("intake-why");
        legalBasis.setId("intake-legal");
        intendedUse.setId("intake-use");
        missing.setId("intake-missing");
        missing.addClassName("completeness-why");
        error.setId("intake-error");
        error.addClassName("form-errors");
        error.setVisible(false);
        for (TextField f : List.of(partnerReference, type, make, calibre, serial, country)) {
            f.setMaxLength(200);
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        for (TextArea a : List.of(whyIllicit, legalBasis, intendedUse, circumstances)) {
            a.setMaxLength(8000);
            a.setValueChangeMode(ValueChangeMode.LAZY);
        }
        for (HasValue<?, ?> v : List.of(make, serial, whyIllicit, legalBasis, intendedUse)) {
            v.addValueChangeListener(e -> showMissing());
        }
        save.setText(getTranslation(direction == Direction.INCOMING ? "trace.receive" : "trace.create-draft"));
        save.setId("intake-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> submit());
        add(error, from, partnerReference, priority, type, make, model, calibre, serial, country, whyIllicit, legalBasis,
                intendedUse, circumstances, missing, save);
        setColspan(error, 2);
        setColspan(priority, 2);
        for (var wide : List.of(whyIllicit, legalBasis, intendedUse, circumstances, missing)) {
            setColspan(wide, 2);
        }
        showMissing();
    }

    /** Fills the form from a request (filled from the graph, or the draft as saved). */
    public void fill(NewTraceRequest r, String saveLabel) {
        from.getListDataView().getItems().filter(c -> c.code().equals(r.counterpart())).findFirst()
                .ifPresent(from::setValue);
        partnerReference.setValue(Objects.toString(r.partnerReference(), ""));
        priority.setValue(r.priority());
        type.setValue(Objects.toString(r.weaponType(), ""));
        make.setValue(Objects.toString(r.weaponMake(), ""));
        model.show(r.weaponModel());
        calibre.setValue(Objects.toString(r.weaponCalibre(), ""));
        serial.setValue(Objects.toString(r.weaponSerial(), ""));
        country.setValue(Objects.toString(r.weaponCountry(), ""));
        whyIllicit.setValue(Objects.toString(r.whyIllicit(), ""));
        legalBasis.setValue(Objects.toString(r.legalBasis(), ""));
        intendedUse.setValue(Objects.toString(r.intendedUse(), ""));
        circumstances.setValue(Objects.toString(r.circumstances(), ""));
        firearmId = r.firearmId();
        if (saveLabel != null) {
            save.setText(saveLabel);
        }
        showMissing();
    }

    NewTraceRequest request() {
        return new NewTraceRequest(direction, from.getValue() == null ? "" : from.getValue().code(),
                blank(partnerReference.getValue()), priority.getValue(), blank(type.getValue()), blank(make.getValue()),
                model.model(), blank(calibre.getValue()), blank(serial.getValue()), blank(country.getValue()),
                blank(whyIllicit.getValue()), blank(legalBasis.getValue()), blank(intendedUse.getValue()),
                blank(circumstances.getValue()), NewTraceRequest.Channel.MANUAL, null, firearmId);
    }

    private void showMissing() {
        List<String> gaps = ItiContent.missing(blank(make.getValue()), blank(serial.getValue()),
                blank(whyIllicit.getValue()), blank(legalBasis.getValue()), blank(intendedUse.getValue()));
        missing.setText(gaps.isEmpty() ? getTranslation("trace.iti-complete") : getTranslation("trace.iti-missing",
                String.join(", ", gaps.stream().map(g -> getTranslation("trace.field." + g)).toList())));
    }

    private void submit() {
        try {
            showError(null);
            fireEvent(new Submit(this, request()));
        } catch (TransitionRefused e) {
            showError(getTranslation(e.getMessage()));
            save.setEnabled(true);
        }
    }

    /**
     * Sends the browser to the request that {@code creation} (the view's call to the service with
     * this form's request) made, or shows here why it was refused: the ITI content it lacks, or the
     * refused move.
     */
    public void create(Supplier<TraceRequest> creation) {
        try {
            TraceRequest created = creation.get();
            getUI().ifPresent(ui -> ui.navigate(TraceRequestView.class, created.id()));
        } catch (ItiContentMissing missing) {
            showError(getTranslation("trace.iti-missing", String.join(", ", missing.fields().stream()
                    .map(f -> getTranslation("trace.field." + f)).toList())));
        } catch (TransitionRefused refused) {
            showError(getTranslation(refused.getMessage()));
        }
    }

    public void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        save.setEnabled(true);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static class Submit extends ComponentEvent<TraceRequestForm> {
        private final NewTraceRequest request;

        Submit(TraceRequestForm source, NewTraceRequest request) {
            super(source, false);
            this.request = request;
        }

        public NewTraceRequest request() {
            return request;
        }
    }

    public Registration addSubmitListener(ComponentEventListener<Submit> listener) {
        return addListener(Submit.class, listener);
    }
}
