package org.armstrace.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.Cases;

/** Title, kind, owner, team, restriction and the prosecutor's reference of a case. */
class CaseDetailsForm extends Dialog {

    final TextField title = new TextField();
    final Select<CaseKind> kind = new Select<>();
    final TextField owner = new TextField();
    final TextField team = new TextField();
    final Checkbox restricted = new Checkbox();
    final TextField prosecutor = new TextField();
    final Button save = new Button();

    CaseDetailsForm(Case c, Cases cases, Runnable saved) {
        setHeaderTitle(getTranslation("cases.edit"));
        title.setLabel(getTranslation("cases.title"));
        title.setValue(c.title());
        title.setMaxLength(Cases.MAX_TITLE);
        title.setWidthFull();
        kind.setLabel(getTranslation("cases.kind"));
        kind.setItems(CaseKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("cases.kind." + k.name()));
        kind.setValue(c.kind());
        owner.setLabel(getTranslation("cases.owner"));
        owner.setValue(c.owner() == null ? "" : c.owner());
        team.setLabel(getTranslation("cases.team"));
        team.setValue(c.team() == null ? "" : c.team());
        restricted.setLabel(getTranslation("cases.restricted"));
        restricted.setValue(c.restricted());
        prosecutor.setLabel(getTranslation("cases.prosecutor-reference"));
        prosecutor.setValue(c.prosecutorReference() == null ? "" : c.prosecutorReference());
        save.setText(getTranslation("cases.save"));
        save.setId("case-details-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                cases.update(c.number(), new Cases.Details(title.getValue(), kind.getValue(), owner.getValue(), team.getValue(),
                        restricted.getValue(), prosecutor.getValue()));
                close();
                saved.run();
            } catch (CaseRejected rejected) {
                Notification.show(getTranslation(rejected.getMessage(), rejected.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add(new VerticalLayout(title, kind, owner, team, restricted, prosecutor));
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
