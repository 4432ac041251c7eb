package org.armstrace.recovery.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.armstrace.registry.NewFirearm;

/** Another mark on the weapon: import, proof, arsenal or other, with its country. */
final class MarkingRow extends HorizontalLayout {

    final ComboBox<PickList.Option> kindBox;
    final TextField text = new TextField();
    final ComboBox<PickList.Option> markCountry;

    /** Row {@code index} of weapon {@code weapon}; {@code edited} runs on every change of the row. */
    MarkingRow(int weapon, int index, List<PickList.Option> countries, DraftBinder binder, Runnable edited) {
        String p = "w" + weapon + ".m" + index + ".";
        // The serial has a field of its own on the card.
        List<PickList.Option> kinds = Arrays.stream(NewFirearm.MarkingKind.values())
                .filter(k -> k != NewFirearm.MarkingKind.SERIAL)
                .map(k -> PickList.Option.of(k.name(), getTranslation("marking.kind." + k.name()), Stream.of()))
                .toList();
        kindBox = PickList.of(getTranslation("recovery.marking-kind"), kinds, false);
        markCountry = PickList.of(getTranslation("recovery.marking-country"), countries, false);
        text.setLabel(getTranslation("recovery.marking-text"));
        text.setMaxLength(100);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        kindBox.setId(p + "kind");
        text.setId(p + "text");
        markCountry.setId(p + "country");
        binder.bind(p + "kind", kindBox, () -> PickList.text(kindBox), t -> PickList.restore(kindBox, kinds, t, false));
        binder.bind(p + "text", text, text::getValue, text::setValue);
        binder.bind(p + "country", markCountry, () -> PickList.text(markCountry),
                t -> PickList.restore(markCountry, countries, t, false));
        for (var c : List.<HasValue<?, ?>>of(kindBox, text, markCountry)) {
            c.addValueChangeListener(e -> edited.run());
        }
        setWidthFull();
        setFlexGrow(1, text);
        add(kindBox, text, markCountry);
        setAlignItems(Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
    }

    /** The mark as written; none when neither its text nor its country is given. */
    NewFirearm.NewMarking marking() {
        if (text.getValue().isBlank() && markCountry.getValue() == null) {
            return null;
        }
        var k = kindBox.getValue() == null ? NewFirearm.MarkingKind.OTHER
                : NewFirearm.MarkingKind.valueOf(kindBox.getValue().code());
        return new NewFirearm.NewMarking(k, text.getValue().strip(), null,
                markCountry.getValue() == null ? null : markCountry.getValue().code(), null);
    }
}
