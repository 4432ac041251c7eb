package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.Component;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.intelligence.LinkGraph;

/**
 * Events in the graph are captioned by their kind's code and an ISO date ({@code SEIZED 2026-12-06});
 * on the chart they read in the user's language ("Seized 06/12/2026").
 */
final class EventCaptions {

    private EventCaptions() {
    }

    static String of(Component page, LinkGraph.Entity x) {
        String caption = x.caption();
        String prefix = x.kind() == null ? null : switch (x.kind()) {
            case "Recovery" -> "recovery.kind.";
            case "Transfer" -> "transfer.kind.";
            case "LostStolenReport" -> "lost.kind.";
            default -> null;
        };
        if (prefix == null || caption == null || caption.isBlank()) {
            return caption;
        }
        String code = caption.split(" ", 2)[0];
        return page.getTranslation(prefix + code)
                + (x.date() == null ? "" : " " + Dates.date(x.date(), UiLocale.current()));
    }
}
