package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** An administrator carries out a lawful erasure order: its reference is required and kept as the tombstone. */
public class ErasureForm extends DeskForm<ErasureForm.Values> {

    public record Values(String orderReference, String reason) {
    }

    final TextField order = new TextField();
    final TextField reason = new TextField();

    ErasureForm() {
        super("erasure");
        var warning = new Paragraph(getTranslation("erasure.explain"));
        order.setLabel(getTranslation("erasure.order"));
        order.setId("erasure-order");
        order.setMaxLength(100);
        order.setRequired(true);
        reason.setLabel(getTranslation("desk.reason"));
        reason.setMaxLength(500);
        save.setText(getTranslation("erasure.erase"));
        save.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(warning, order, reason);
        setColspan(warning, 2);
        finish();
    }

    @Override
    Values values() {
        if (blank(order.getValue())) {
            refuse(getTranslation("erasure.order-required"));
            return null;
        }
        return new Values(order.getValue().strip(), orNull(reason.getValue()));
    }
}
