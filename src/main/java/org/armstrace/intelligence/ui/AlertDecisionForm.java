package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Alerts;

/**
 * Asks why an alert is dismissed, or which case it is promoted to and why, and fires the decision;
 * the view carries it out and closes the form when it succeeded (so a refused decision keeps what
 * was typed).
 */
class AlertDecisionForm extends Dialog {

    /** The analyst's decision, as typed. */
    static final class Decided extends ComponentEvent<AlertDecisionForm> {
        final Alert.Status to;
        final String caseReference;
        final String reason;

        Decided(AlertDecisionForm form, Alert.Status to, String caseReference, String reason) {
            super(form, false);
            this.to = to;
            this.caseReference = caseReference;
            this.reason = reason;
        }
    }

    final TextField caseReference = new TextField();
    final TextArea reason = new TextArea();
    final Button decide = new Button();

    AlertDecisionForm(Alert.Status to) {
        setHeaderTitle(getTranslation("alerts.decide." + to.name()));
        reason.setLabel(getTranslation("alerts.reason"));
        reason.setId("alert-reason");
        reason.setWidthFull();
        reason.setMaxLength(Alerts.MAX_REASON);
        reason.setRequired(true);
        caseReference.setLabel(getTranslation("alerts.case"));
        caseReference.setId("alert-case");
        caseReference.setMaxLength(60);
        caseReference.setRequired(true);
        caseReference.setVisible(to == Alert.Status.PROMOTED);
        decide.setText(getTranslation("alerts.decide." + to.name()));
        decide.setId("alert-decide");
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Disabled while the decision is carried out: a double click decides once.
        decide.setDisableOnClick(true);
        decide.addClickListener(e -> fireEvent(new Decided(this, to,
                to == Alert.Status.PROMOTED ? caseReference.getValue() : null, reason.getValue())));
        add(new Paragraph(getTranslation("alerts.decide-why." + to.name())), caseReference, reason);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), decide);
        setWidth("32rem");
    }

    Registration addDecidedListener(ComponentEventListener<Decided> listener) {
        return addListener(Decided.class, listener);
    }
}
