package org.armstrace.recovery.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.armstrace.recovery.MatchCandidate;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.MatchReason;

/**
 * The instant checks' answer, as the officer sees it right after saving: per recovered weapon, the
 * weapons it may be, what makes each one matter (registered, lost/stolen, recovered before, traced)
 * and why it matches.
 */
class CheckResults extends Div {

    CheckResults(List<Firearm> recovered, List<MatchCandidate> checks) {
        setId("recovery-checks");
        addClassName("check-results");
        for (int i = 0; i < recovered.size(); i++) {
            Firearm weapon = recovered.get(i);
            add(new H3(getTranslation("recovery.weapon", i + 1) + " · " + weapon.serialAsRead()));
            List<MatchCandidate> hits = checks.stream().filter(c -> c.recoveredFirearmId().equals(weapon.id())).toList();
            if (hits.isEmpty()) {
                var none = new Paragraph(getTranslation("recovery.no-hits"));
                none.addClassName("no-hits");
                add(none);
            }
            hits.forEach(hit -> add(hit(hit)));
        }
    }

    static Div hit(MatchCandidate hit) {
        var card = new Div();
        card.addClassName("hit-card");
        card.getElement().setAttribute("data-firearm", hit.firearm().id());
        var badges = new Div();
        badges.addClassName("hit-badges");
        hit.kinds().stream().sorted().forEach(k -> {
            var badge = new Span(card.getTranslation("recovery.hit." + k.name()));
            badge.addClassName("badge");
            badge.addClassName("badge-" + k.name().toLowerCase(Locale.ROOT));
            badges.add(badge);
        });
        Firearm f = hit.firearm();
        var link = new Anchor("registry/firearm/" + f.id(), f.label());
        link.addClassName("hit-title");
        var reasons = new Paragraph(String.join("; ", MatchReason.texts(hit.reasons(), card::getTranslation)));
        reasons.addClassName("hit-reasons");
        card.add(badges, link, reasons);
        if (!hit.holders().isEmpty()) {
            card.add(new Paragraph(card.getTranslation("recovery.holder", String.join(", ", hit.holders()))));
        } else if (hit.holdersOnFile() > 0) {
            // The service withheld the names (a field officer): the desk has them.
            var onFile = new Paragraph(card.getTranslation("recovery.holder-on-file"));
            onFile.addClassName("hit-holder-on-file");
            card.add(onFile);
        }
        if (!hit.traceRequests().isEmpty()) {
            card.add(new Paragraph(card.getTranslation("recovery.traces", String.join(", ", hit.traceRequests()))));
        }
        return card;
    }
}
