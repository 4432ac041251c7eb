package org.armstrace.registry.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.armstrace.base.ModelLookup;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.ReferenceKeys;

/**
 * The desk's pick-lists from reference data: display names in the user's language, found by any
 * alias ("ZCZ" offers Zastava, "9mm Luger" offers 9×19). Unlike the field officer's lists they take
 * nothing typed that reference data does not know: the desk maintains the registry of record. The
 * model is the exception: a model not yet in the reference data is kept as written, and flagged.
 */
record DeskChoices(List<Option> types, List<Option> makes, List<Option> calibres, List<Option> countries,
                   ModelLookup models) {

    record Option(String code, String label, List<String> keys) {
        static Option of(String code, String label, Stream<String> names) {
            return new Option(code, label, Stream.concat(Stream.of(label, code), names).filter(Objects::nonNull)
                    .map(ReferenceKeys::key).filter(k -> !k.isEmpty()).distinct().toList());
        }

        boolean matches(String typed) {
            String k = ReferenceKeys.key(typed);
            return k.isEmpty() || keys.stream().anyMatch(key -> key.contains(k));
        }
    }

    static DeskChoices of(ReferenceData reference, Locale locale) {
        return new DeskChoices(
                reference.firearmTypes().stream().filter(t -> !t.retired())
                        .map(t -> Option.of(t.code(), t.name(locale), t.aliases().stream())).toList(),
                reference.manufacturers().stream().filter(m -> !m.retired())
                        .map(m -> Option.of(m.code(), m.name(), m.aliases().stream())).toList(),
                reference.calibres().stream().filter(c -> !c.retired())
                        .map(c -> Option.of(c.code(), c.name(), c.aliases().stream())).toList(),
                reference.countries().stream()
                        .map(c -> Option.of(c.code(), c.name(locale),
                                Stream.concat(Stream.of(c.nameEn(), c.nameSq(), c.nameSr()), c.aliases().stream())))
                        .toList(),
                reference.modelLookup());
    }


    static ComboBox<Option> box(String label, List<Option> options) {
        var box = new ComboBox<Option>(label);
        box.setItems((option, typed) -> option.matches(typed), options);
        box.setItemLabelGenerator(Option::label);
        box.setClearButtonVisible(true);
        return box;
    }

    /** Selects the option with this code, or clears the box. */
    static void select(ComboBox<Option> box, List<Option> options, String code) {
        box.setValue(code == null ? null : options.stream().filter(o -> o.code().equals(code)).findFirst().orElse(null));
    }

    static String code(ComboBox<Option> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }
}
