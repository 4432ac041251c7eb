package org.armstrace.registry.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import org.armstrace.base.Dates;

/**
 * A desk form: fields, a save button and a line for what is wrong. It checks what it can by itself
 * (required fields) and fires {@link Save} with its values; the view calls the service and, when
 * the service refuses, shows why with {@link #refuse}.
 *
 * @param <V> what the form collects
 */
public abstract class DeskForm<V> extends FormLayout {

    /** The form's values, to be saved. */
    public static class Save<V> extends ComponentEvent<DeskForm<V>> {
        private final V values;

        Save(DeskForm<V> source, V values) {
            super(source, false);
            this.values = values;
        }

        public V values() {
            return values;
        }
    }

    final Paragraph problem = new Paragraph();
    final Button save = new Button();

    DeskForm(String idPrefix) {
        setId(idPrefix + "-form");
        problem.setId(idPrefix + "-problem");
        problem.addClassName("error-text");
        problem.setVisible(false);
        save.setText(getTranslation("desk.save"));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            problem.setVisible(false);
            V values = values();
            if (values != null) {
                fireEvent(new Save<>(this, values));
            }
        });
    }

    /** Adds the problem line and the save button after the fields; call last in the constructor. */
    void finish() {
        add(problem, save);
        setColspan(problem, 2);
    }

    /** The values, or null after saying what is missing ({@link #refuse}). */
    abstract V values();

    /** Says why the values cannot be saved, in the user's language. */
    public void refuse(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<Save<V>> listener) {
        return addListener(Save.class, (ComponentEventListener) listener);
    }

    /** A date picker's value that cannot be right: unparsable, or after today. */
    static boolean badDate(DatePicker picker) {
        return picker.isInvalid() || picker.getValue() != null && picker.getValue().isAfter(Dates.today());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
