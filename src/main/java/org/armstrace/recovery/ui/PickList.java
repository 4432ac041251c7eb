package org.armstrace.recovery.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.armstrace.registry.ReferenceKeys;

/**
 * A pick-list that accepts aliases: typing "ZCZ", "Crvena Zastava" or "zastava" offers Zastava;
 * typing "9mm Luger" offers 9×19. What is typed and matches nothing is kept as written, because
 * an officer at the scene must be able to record a make the reference data does not know yet.
 */
final class PickList {

    /** One choice: {@code code} is null for text kept as written. */
    record Option(String code, String label, List<String> keys) {
        Option {
            keys = List.copyOf(keys);
        }

        static Option of(String code, String label, Stream<String> names) {
            return new Option(code, label, Stream.concat(Stream.of(label, code), names)
                    .filter(s -> s != null && !s.isBlank()).map(ReferenceKeys::key).distinct().toList());
        }

        static Option asWritten(String text) {
            return new Option(null, text.strip(), List.of(ReferenceKeys.key(text)));
        }

        boolean matches(String typed) {
            String k = ReferenceKeys.key(typed);
            return k.isEmpty() || keys.stream().anyMatch(key -> key.contains(k));
        }
    }

    private PickList() {
    }

    static ComboBox<Option> of(String label, List<Option> options, boolean allowAsWritten) {
        var box = new ComboBox<Option>(label);
        box.setItems((option, typed) -> option.matches(typed), options);
        box.setItemLabelGenerator(Option::label);
        box.setClearButtonVisible(true);
        box.setAllowCustomValue(allowAsWritten);
        if (allowAsWritten) {
            box.addCustomValueSetListener(e -> box.setValue(resolve(options, e.getDetail()).orElseGet(() ->
                    Option.asWritten(e.getDetail()))));
        }
        return box;
    }

    /** The option whose name, code or alias is exactly this text (folded), if any. */
    static Optional<Option> resolve(List<Option> options, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String k = ReferenceKeys.key(text);
        return options.stream().filter(o -> o.keys().contains(k)).findFirst();
    }

    /** Restores a pick-list from the text a draft kept: a known option, or the text as written. */
    static void restore(ComboBox<Option> box, List<Option> options, String text, boolean allowAsWritten) {
        if (text == null || text.isBlank()) {
            box.clear();
            return;
        }
        Optional<Option> known = resolve(options, text);
        if (known.isPresent()) {
            box.setValue(known.get());
        } else if (allowAsWritten) {
            box.setValue(Option.asWritten(text));
        }
    }

    static String text(ComboBox<Option> box) {
        return box.getValue() == null ? "" : box.getValue().label();
    }
}
