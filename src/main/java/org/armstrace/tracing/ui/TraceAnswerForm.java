package org.armstrace.tracing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.registry.Country;
import org.armstrace.registry.Firearm;
import org.armstrace.tracing.AnswerDraft;
import org.armstrace.tracing.PointOfDiversion;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TransitionRefused;

/**
 * The answer to a trace request: what the trace found, the registry weapon it is about, and where
 * and how the weapon left legal control if that is known. Fires {@link Submit}; the page drafts
 * (ours) or records (the partner's) the answer.
 */
public class TraceAnswerForm extends FormLayout {

    final RadioButtonGroup<TraceAnswer.Outcome> outcome = new RadioButtonGroup<>();
    final TextArea findings = new TextArea();
    final ComboBox<Firearm> firearm = new ComboBox<>();
    final Checkbox diverted = new Checkbox();
    final ComboBox<Country> diversionCountry = new ComboBox<>();
    final DatePicker diversionDate = new DatePicker();
    final ComboBox<PointOfDiversion.Method> method = new ComboBox<>();
    final TextField place = new TextField();
    final TextArea details = new TextArea();
    final Div error = new Div();
    final Button save = new Button();

    public TraceAnswerForm(List<Firearm> weapons, List<Country> countries, String saveLabel, TraceAnswer current) {
        setId("trace-answer-form");
        outcome.setLabel(getTranslation("trace.outcome"));
        outcome.setItems(TraceAnswer.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("trace.outcome." + o.name()));
        outcome.setId("answer-outcome");
        findings.setLabel(getTranslation("trace.answer.findings"));
        findings.setMaxLength(8000);
        findings.setId("answer-findings");
        firearm.setLabel(getTranslation("trace.answer.firearm"));
        firearm.setItems(weapons);
        firearm.setItemLabelGenerator(Firearm::label);
        firearm.setClearButtonVisible(true);
        firearm.setId("answer-firearm");
        diverted.setLabel(getTranslation("trace.diversion.known"));
        diverted.setId("answer-diverted");
        diversionCountry.setLabel(getTranslation("trace.diversion.country"));
        diversionCountry.setItems(countries);
        diversionCountry.setItemLabelGenerator(c -> c.name(getLocale()) + " (" + c.code() + ")");
        diversionCountry.setId("answer-diversion-country");
        diversionDate.setLabel(getTranslation("trace.diversion.date"));
        diversionDate.setMax(Dates.today());
        DatePickers.localise(diversionDate);
        method.setLabel(getTranslation("trace.diversion.method"));
        method.setItems(PointOfDiversion.Method.values());
        method.setItemLabelGenerator(m -> getTranslation("trace.diversion." + m.name()));
        method.setId("answer-diversion-method");
        place.setLabel(getTranslation("trace.diversion.place"));
        place.setMaxLength(200);
        details.setLabel(getTranslation("trace.diversion.details"));
        details.setMaxLength(8000);
        List<Component> diversion = List.of(diversionCountry, diversionDate, method, place,
                details);
        diverted.addValueChangeListener(e -> diversion.forEach(f -> f.setVisible(e.getValue())));
        diversion.forEach(f -> f.setVisible(false));
        error.addClassName("form-errors");
        error.setId("answer-error");
        error.setVisible(false);
        save.setText(saveLabel);
        save.setId("answer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> submit());
        add(error, outcome, findings, firearm, diverted, diversionCountry, diversionDate, method, place, details, save);
        for (var wide : List.of(error, outcome, findings, diverted, details)) {
            setColspan(wide, 2);
        }
        if (current != null) {
            fill(current, weapons, countries);
        }
    }

    /** A redraft starts from the current version. */
    private void fill(TraceAnswer a, List<Firearm> weapons, List<Country> countries) {
        outcome.setValue(a.outcome());
        findings.setValue(a.findings());
        weapons.stream().filter(f -> f.id().equals(a.firearmId())).findFirst().ifPresent(firearm::setValue);
        PointOfDiversion p = a.diversion();
        if (p != null) {
            diverted.setValue(true);
            countries.stream().filter(c -> c.code().equals(p.country())).findFirst().ifPresent(diversionCountry::setValue);
            diversionDate.setValue(p.date());
            method.setValue(p.method());
            place.setValue(Objects.toString(p.place(), ""));
            details.setValue(Objects.toString(p.details(), ""));
        }
    }

    AnswerDraft draft() {
        PointOfDiversion diversion = diverted.getValue() ? new PointOfDiversion(
                diversionCountry.getValue() == null ? "" : diversionCountry.getValue().code(), diversionDate.getValue(),
                method.getValue(), place.getValue(), details.getValue()) : null;
        return new AnswerDraft(outcome.getValue(), findings.getValue(),
                firearm.getValue() == null ? null : firearm.getValue().id(), diversion);
    }

    private void submit() {
        try {
            showError(null);
            fireEvent(new Submit(this, draft()));
        } catch (TransitionRefused e) {
            showError(getTranslation(e.getMessage()));
        }
    }

    public void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        save.setEnabled(true);
    }

    public static class Submit extends ComponentEvent<TraceAnswerForm> {
        private final AnswerDraft draft;

        Submit(TraceAnswerForm source, AnswerDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public AnswerDraft draft() {
            return draft;
        }
    }

    public Registration addSubmitListener(ComponentEventListener<Submit> listener) {
        return addListener(Submit.class, listener);
    }
}
