package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Optional;
import org.armstrace.base.ui.Basemaps;
import org.armstrace.base.ui.PageSection;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.Cases;
import org.armstrace.intelligence.TimeAndPlace;
import org.armstrace.registry.ReferenceData;
import org.springframework.core.annotation.Order;

/**
 * On a case's page: the timeline and the map of the events around everything the case links (the
 * same picture as below the link chart, without the chart); the page's "Open in the link chart"
 * opens {@link LinkChartView} on the case's records. Intelligence knows cases; cases does not know intelligence, so the page collects
 * this section at run time.
 */
@org.springframework.stereotype.Component
@Order(10)
class CaseTimelineSection implements PageSection {

    private final Cases cases;
    private final CaseLinks links;
    private final TimeAndPlace timeAndPlace;
    private final ReferenceData reference;
    private final Basemaps basemaps;

    CaseTimelineSection(Cases cases, CaseLinks links, TimeAndPlace timeAndPlace, ReferenceData reference,
                        Basemaps basemaps) {
        this.cases = cases;
        this.links = links;
        this.timeAndPlace = timeAndPlace;
        this.reference = reference;
        this.basemaps = basemaps;
    }

    @Override
    public String page() {
        return "case";
    }

    @Override
    public Optional<Component> create(String number) {
        Optional<Case> found = cases.find(number);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Case c = found.get();
        var section = new VerticalLayout();
        section.setPadding(false);
        section.setId("case-timeline");
        var map = new TimelineMap(reference, basemaps.of(UiLocale.current(), true));
        TimeAndPlace.Picture picture = timeAndPlace.around(CaseSeeds.of(c, links.keys(c.number())));
        map.show(picture, c.number());
        String weapon = section.getTranslation("cases.timeline-weapon");
        map.draw(null, null, date -> true, ref -> weapon);
        section.add(new H3(section.getTranslation("cases.timeline")));
        if (picture.events().isEmpty()) {
            section.add(new Paragraph(section.getTranslation("cases.timeline-none")));
        }
        section.add(map);
        return Optional.of(section);
    }
}
