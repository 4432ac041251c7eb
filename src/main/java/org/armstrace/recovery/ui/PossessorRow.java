package org.armstrace.recovery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.recovery.NewRecovery;

/** One person found in possession: looked up by personal number, or written down as new. */
final class PossessorRow extends Div {

    final TextField nationalId = new TextField();
    final TextField given = new TextField();
    final TextField family = new TextField();
    final TextField parent = new TextField();
    final DatePicker birth = new DatePicker();
    final Input personId = DraftBinder.hidden();
    final Span found = new Span();

    /** Row {@code index}; {@code identify} is asked who has the personal number typed. */
    PossessorRow(int index, DraftBinder binder, Consumer<String> identify) {
        addClassName("possessor-row");
        String p = "p" + index + ".";
        setId("possessor-" + index);
        nationalId.setLabel(getTranslation("person.national-id"));
        nationalId.setMaxLength(30);
        given.setLabel(getTranslation("person.given-name"));
        family.setLabel(getTranslation("person.family-name"));
        parent.setLabel(getTranslation("person.parent-name"));
        for (TextField t : List.of(nationalId, given, family, parent)) {
            t.setValueChangeMode(ValueChangeMode.LAZY);
            if (t != nationalId) {
                t.setMaxLength(100);
            }
        }
        birth.setLabel(getTranslation("person.birth-date"));
        birth.setMax(Dates.today());
        DatePickers.localise(birth);
        nationalId.setId(p + "nid");
        given.setId(p + "given");
        family.setId(p + "family");
        parent.setId(p + "parent");
        birth.setId(p + "birth");
        binder.bind(p + "nid", nationalId, nationalId::getValue, nationalId::setValue);
        binder.bind(p + "given", given, given::getValue, given::setValue);
        binder.bind(p + "family", family, family::getValue, family::setValue);
        binder.bind(p + "parent", parent, parent::getValue, parent::setValue);
        binder.bind(p + "birth", birth, () -> birth.getValue() == null ? "" : birth.getValue().toString(),
                t -> birth.setValue(DraftBinder.date(t)));
        binder.bindHidden(p + "personId", personId, t -> found.setText(t == null || t.isBlank() ? ""
                : getTranslation("recovery.possessor-known")));
        var lookUp = new Button(getTranslation("recovery.identify"), VaadinIcon.SEARCH.create(),
                e -> identify.accept(nationalId.getValue()));
        lookUp.setId(p + "identify");
        found.setId(p + "found");
        var form = new FormLayout(nationalId, lookUp, given, family, parent, birth);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        add(form, found, personId);
    }

    /** Who the personal number belongs to: the person's id and name, or nobody ({@code id} null). */
    void identified(String id, String name) {
        personId.setValue(id == null ? "" : id);
        found.setText(id == null ? getTranslation("recovery.possessor-unknown")
                : getTranslation("recovery.possessor-found", name));
    }

    boolean blank() {
        // Anything typed makes the row count: a half-written person is refused, never dropped.
        return personId.getValue().isBlank() && given.getValue().isBlank() && family.getValue().isBlank()
                && parent.getValue().isBlank() && nationalId.getValue().isBlank() && birth.getValue() == null;
    }

    NewRecovery.Possessor possessor() {
        if (!personId.getValue().isBlank()) {
            return new NewRecovery.Possessor(personId.getValue(), null);
        }
        return NewRecovery.Possessor.of(given.getValue(), family.getValue(), parent.getValue(), birth.getValue(),
                nationalId.getValue());
    }
}
