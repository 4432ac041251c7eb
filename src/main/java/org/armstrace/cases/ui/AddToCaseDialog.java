package org.armstrace.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.security.Role;

/**
 * Adds one record to a case the user picks, or opens a new case on it. Intake officers only pick an
 * existing case (they add trace requests; they do not open cases).
 */
class AddToCaseDialog extends Dialog {

    enum Mode { EXISTING, NEW }

    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final ComboBox<Case> existing = new ComboBox<>();
    final TextField title = new TextField();
    final Select<CaseKind> kind = new Select<>();
    final Button confirm = new Button();
    private final Cases cases;
    private final CaseLinks links;
    private LinkKind linkKind;
    private String key;

    AddToCaseDialog(Cases cases, CaseLinks links) {
        this.cases = cases;
        this.links = links;
        setHeaderTitle(getTranslation("cases.add-to-case"));
        setId("add-to-case-dialog");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("cases.add-mode." + m.name()));
        mode.addValueChangeListener(e -> show(e.getValue()));
        existing.setLabel(getTranslation("cases.case"));
        existing.setId("add-to-case-existing");
        existing.setItemLabelGenerator(c -> c.number() + " · " + c.title());
        existing.setWidthFull();
        title.setLabel(getTranslation("cases.title"));
        title.setId("add-to-case-title");
        title.setMaxLength(Cases.MAX_TITLE);
        title.setWidthFull();
        kind.setLabel(getTranslation("cases.kind"));
        kind.setItems(CaseKind.SEIZURE, CaseKind.TRAFFICKING, CaseKind.TRACE, CaseKind.DIVERSION, CaseKind.INTELLIGENCE,
                CaseKind.OTHER);
        kind.setItemLabelGenerator(k -> getTranslation("cases.kind." + k.name()));
        confirm.setText(getTranslation("cases.add"));
        confirm.setId("add-to-case-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> confirm());
        add(mode, existing, title, kind);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }

    void open(LinkKind linkKind, String key, String suggestedTitle) {
        this.linkKind = linkKind;
        this.key = key;
        existing.setItems(cases.choices(Cases.MAX_PAGE));
        title.setValue(suggestedTitle == null ? "" : suggestedTitle);
        kind.setValue(linkKind == LinkKind.ALERT ? CaseKind.INTELLIGENCE : linkKind == LinkKind.TRACE_REQUEST ? CaseKind.TRACE
                : CaseKind.SEIZURE);
        boolean opens = Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST);
        mode.setVisible(opens);
        mode.setValue(opens ? Mode.NEW : Mode.EXISTING);
        show(mode.getValue());
        open();
    }

    private void show(Mode m) {
        existing.setVisible(m == Mode.EXISTING);
        title.setVisible(m == Mode.NEW);
        kind.setVisible(m == Mode.NEW);
    }

    private void confirm() {
        try {
            String number;
            if (mode.getValue() == Mode.NEW) {
                number = links.openWith(new Cases.NewCase(title.getValue(), kind.getValue(), null, false, null), linkKind, key)
                        .number();
            } else if (existing.getValue() == null) {
                throw new CaseRejected("cases.pick-a-case");
            } else {
                number = existing.getValue().number();
                links.link(number, linkKind, key);
            }
            Notification.show(getTranslation("cases.added", number)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
                com.vaadin.flow.component.UI.getCurrent().navigate(CaseView.path(number));
            }
        } catch (CaseRejected rejected) {
            Notification.show(getTranslation(rejected.getMessage(), rejected.args()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
