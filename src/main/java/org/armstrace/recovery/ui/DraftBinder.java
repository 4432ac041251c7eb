package org.armstrace.recovery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Input;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The recovery form's fields as its draft keeps them: field id → text, and back. Every bound
 * component carries its id as {@code data-draft}, the same id it has in the saved draft, so that
 * {@code armstrace-draft.js} can keep a copy in the browser while the connection is down and
 * {@link #restore} can rebuild the form from either copy.
 */
final class DraftBinder {

    static final String ATTRIBUTE = "data-draft";
    /** Restored before the others, so that a restored municipality does not move the position. */
    static final List<String> POSITION = List.of("lat", "lon", "accuracy", "method");
    /** How many weapon cards and possessor rows there are: the form is built from them, not restored into. */
    static final List<String> COUNTS = List.of("weapons", "possessors");

    private record Field(Supplier<String> text, Consumer<String> restore) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Runnable changed;
    private boolean restoring;

    /** {@code changed} is told of every edit, and of none while a draft is being restored. */
    DraftBinder(Runnable changed) {
        this.changed = changed;
    }

    /** A field the officer edits: a change of its value is a change of the draft. */
    void bind(String id, Component component, Supplier<String> text, Consumer<String> restore) {
        component.getElement().setAttribute(ATTRIBUTE, id);
        fields.put(id, new Field(text, restore));
        if (component instanceof HasValue<?, ?> hv) {
            hv.addValueChangeListener(e -> changed());
        }
    }

    /** A hidden field the form (or the browser) fills; {@code after} runs once it is restored. */
    void bindHidden(String id, Input input, Consumer<String> after) {
        input.getElement().setAttribute(ATTRIBUTE, id);
        fields.put(id, new Field(input::getValue, text -> {
            input.setValue(text == null ? "" : text);
            after.accept(text);
        }));
    }

    /**
     * Forgets the fields of the weapon cards ({@code 'w'}) or possessor rows ({@code 'p'}):
     * {@code w0.serial}, {@code p1.given}, …
     */
    void unbind(char section) {
        fields.keySet().removeIf(k -> k.matches(section + "\\d+\\..*"));
    }

    /** The form as field id → text: what the draft keeps. */
    Map<String, String> fields() {
        var out = new LinkedHashMap<String, String>();
        fields.forEach((id, f) -> out.put(id, f.text().get()));
        return out;
    }

    /**
     * Fills the fields from a draft. {@code rebuild} first makes the cards and rows the draft has
     * (binding their fields); the counts that say how many are not restored into, nor are the
     * fields the draft does not have. Nothing is reported as changed meanwhile.
     */
    void restore(Map<String, String> draft, Runnable rebuild) {
        restoring = true;
        try {
            rebuild.run();
            for (String id : POSITION) {
                Field f = fields.get(id);
                if (f != null) {
                    f.restore().accept(draft.getOrDefault(id, ""));
                }
            }
            fields.forEach((id, f) -> {
                if (draft.containsKey(id) && !POSITION.contains(id) && !COUNTS.contains(id) && !id.endsWith(".markings")) {
                    f.restore().accept(draft.get(id));
                }
            });
        } finally {
            restoring = false;
        }
    }

    /** Something in the draft changed (a field, or a card or row added); not told while restoring. */
    void changed() {
        if (!restoring) {
            changed.run();
        }
    }

    static Input hidden() {
        var input = new Input();
        input.setType("hidden");
        return input;
    }

    /** A count from a draft, within its bounds; {@code otherwise} when missing or not a number. */
    static int count(String text, int otherwise, int min, int max) {
        int n;
        try {
            n = text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            n = otherwise;
        }
        return Math.clamp(n, min, max);
    }

    static LocalDateTime dateTime(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Double decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
