package org.armstrace.recovery.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.armstrace.recovery.Completeness;

/** The ISACS 05.31 essential fields of one weapon as chips: ✓ present, ✗ missing with why it matters. */
final class CompletenessChips extends Div {

    CompletenessChips() {
        addClassName("completeness");
    }

    /** Redraws the chips; with {@code explain}, the first missing field's reason is spelled out below. */
    void show(List<Completeness.Item> items, boolean explain) {
        removeAll();
        var score = new Span(getTranslation("isacs.score", Completeness.score(items), items.size()));
        score.addClassName("completeness-score");
        add(score);
        for (Completeness.Item item : items) {
            var chip = new Span((item.present() ? "✓ " : "✗ ") + getTranslation("isacs." + item.key()));
            chip.addClassName(item.present() ? "chip-present" : "chip-missing");
            chip.getElement().setAttribute("data-field", item.key());
            if (!item.present()) {
                chip.getElement().setAttribute("title", getTranslation("isacs." + item.key() + ".why"));
            }
            add(chip);
        }
        if (explain) {
            items.stream().filter(i -> !i.present()).findFirst().ifPresent(i -> {
                var why = new Div(getTranslation("isacs." + i.key() + ".why"));
                why.addClassName("completeness-why");
                add(why);
            });
        }
    }
}
