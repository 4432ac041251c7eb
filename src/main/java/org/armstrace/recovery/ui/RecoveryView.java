package org.armstrace.recovery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.Basemaps;
import org.armstrace.base.ui.MapView;
import org.armstrace.cases.LinkKind;
import org.armstrace.cases.ui.AddToCase;
import org.armstrace.recovery.Completeness;
import org.armstrace.recovery.MatchCandidate;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.Recovery;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.recovery.RecoveryRejected;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Photos;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;
import org.springframework.web.util.UriUtils;

/**
 * One recovery for the analyst: where and when, how completely each weapon is identified against
 * ISACS 05.31, its photos, and the candidate matches with why they match. The analyst confirms or
 * rejects each candidate; a confirmation shows the time-to-crime when the weapon's chain allows it.
 */
@Route("recovery")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE, Role.Names.FIELD_OFFICER})
public class RecoveryView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Recoveries recoveries;
    private final Photos photos;
    private final Municipalities municipalities;
    private final Basemaps basemaps;
    private final ReferenceData reference;
    private String recoveryId;
    private String title = "";

    public RecoveryView(Recoveries recoveries, Photos photos, Municipalities municipalities, Basemaps basemaps,
                        ReferenceData reference) {
        this.reference = reference;
        this.recoveries = recoveries;
        this.photos = photos;
        this.municipalities = municipalities;
        this.basemaps = basemaps;
        setMaxWidth("1200px");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        recoveryId = id;
        refresh();
    }

    private void refresh() {
        removeAll();
        var found = recoveries.find(recoveryId);
        if (found.isEmpty()) {
            title = getTranslation("recovery.not-found");
            add(new H2(title));
            return;
        }
        Recovery r = found.get();
        summary(r);
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            chartLinks(r);
        }
        if (r.amnesty() != null) {
            var note = new Paragraph(getTranslation("recovery.amnesty-set", r.amnesty().reason(), r.amnesty().by()));
            note.setId("recovery-amnesty");
            add(note);
        } else if (r.kind() == RecoveryKind.SURRENDERED && Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR)) {
            var amnesty = new Button(getTranslation("recovery.amnesty"), e -> amnesty());
            amnesty.setId("recovery-amnesty-button");
            add(amnesty);
        }
        if (r.place() != null) {
            var map = new MapView();
            map.setId("recovery-place-map");
            map.setHeight("240px");
            map.setBasemap(basemaps.of(getLocale(), false));
            map.setMarker(r.place().latitude(), r.place().longitude());
            add(map);
        }
        List<MatchCandidate> candidates = recoveries.candidates(recoveryId);
        boolean decides = Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST);
        for (int i = 0; i < r.weapons().size(); i++) {
            add(weapon(i, r.weapons().get(i), candidates, decides));
        }
    }

    /** The title (kind, time, status) and what the recovery was: where, which case, by whom, found with whom. */
    private void summary(Recovery r) {
        var when = Dates.dateTimeFormatter(getLocale());
        title = getTranslation("recovery.kind." + r.kind().name()) + " · " + when.format(r.at());
        var status = new Span(getTranslation("recovery.status." + r.status()));
        status.addClassName("badge");
        status.setId("recovery-status");
        add(new HorizontalLayout(new H2(title), status));

        String place = r.place() == null ? "" : r.place().municipality() == null ? ""
                : municipalities.find(r.place().municipality()).map(m -> m.name(getLocale())).orElse(r.place().municipality());
        add(new Paragraph(getTranslation("recovery.summary", place, r.caseReference() == null ? "—" : r.caseReference(),
                r.recordedBy())));
        if (r.circumstances() != null) {
            add(new Paragraph(r.circumstances()));
        }
        if (!r.possessors().isEmpty()) {
            add(new Paragraph(getTranslation("recovery.possessors", String.join(", ",
                    r.possessors().stream().map(Recovery.Possessor::name).toList()))));
        }
    }

    /** The recovery, and its case when it has one, in the link chart. */
    private void chartLinks(Recovery r) {
        var chart = new Anchor("intelligence/chart/Recovery:" + r.id(), getTranslation("chart.open"));
        chart.setId("recovery-open-chart");
        add(chart, AddToCase.button(LinkKind.RECOVERY, r.id(), title));
        if (r.caseReference() != null) {
            var caseChart = new Anchor("intelligence/chart/Case:"
                    + UriUtils.encodePathSegment(r.caseReference(), StandardCharsets.UTF_8),
                    getTranslation("recovery.case-chart", r.caseReference()));
            caseChart.setId("recovery-case-chart");
            add(caseChart);
        }
    }

    /** One recovered weapon: what was read, its completeness, photos, and each candidate match to decide. */
    private Div weapon(int i, Firearm w, List<MatchCandidate> candidates, boolean decides) {
        var section = new Div();
        section.addClassName("weapon-card");
        section.setId("recovered-" + i);
        section.add(new H3(getTranslation("recovery.weapon", i + 1) + " · " + w.serialAsRead()));
        section.add(new Paragraph(Stream.of(reference.typeName(w.typeCode(), getLocale()), w.makeAsRead(), w.model(),
                reference.calibreName(w.calibreCode()), reference.countryName(w.countryOfManufacture(), getLocale()))
                .map(x -> Objects.toString(x, "")).collect(Collectors.joining(" · "))));
        section.add(completeness(w));
        section.add(gallery(w));
        List<MatchCandidate> mine = candidates.stream().filter(c -> c.recoveredFirearmId().equals(w.id())).toList();
        if (mine.isEmpty()) {
            section.add(new Paragraph(getTranslation("recovery.no-hits")));
        }
        for (MatchCandidate c : mine) {
            Div card = CheckResults.hit(c);
            card.add(decision(c, decides));
            section.add(card);
        }
        return section;
    }

    private Component completeness(Firearm w) {
        var weapon = new NewFirearm(w.typeCode(), w.makeAsRead(), w.model(), w.calibreCode(), w.serialAsRead(),
                w.countryOfManufacture(), w.year(), w.markings().stream().map(m -> new NewFirearm.NewMarking(
                NewFirearm.MarkingKind.valueOf(m.kind()), m.text(), m.position(), m.country(), m.year())).toList());
        var chips = new CompletenessChips();
        chips.show(Completeness.of(weapon, false), false);
        return chips;
    }

    private Component gallery(Firearm w) {
        var gallery = new FlexLayout();
        gallery.addClassName("photo-gallery");
        for (Photos.Photo p : photos.list(w.id())) {
            var image = new Image(Thumbnails.of(photos, p.sha256(), p.contentType()), getTranslation("firearm.photo"));
            image.addClassName("photo-thumb");
            gallery.add(image);
        }
        return gallery;
    }

    private Component decision(MatchCandidate c, boolean decides) {
        var box = new Div();
        box.addClassName("decision");
        if (c.status() != MatchCandidate.Status.OPEN) {
            String text = getTranslation("recovery.decision." + c.status().name(), c.decidedBy(),
                    c.decisionReason() == null ? "" : c.decisionReason());
            var decided = new Paragraph(text);
            decided.addClassName("decided");
            box.add(decided);
            if (c.timeToCrimeDays() != null) {
                var ttc = new Paragraph(getTranslation("recovery.time-to-crime", c.timeToCrimeDays(),
                        String.format(Locale.ROOT, "%.1f", c.timeToCrimeDays() / 365.25)));
                ttc.addClassName("time-to-crime");
                box.add(ttc);
            }
            return box;
        }
        if (!decides) {
            return box;
        }
        var confirm = new Button(getTranslation("recovery.confirm"), e -> decide(c, true));
        confirm.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-" + c.id());
        var reject = new Button(getTranslation("recovery.reject"), e -> decide(c, false));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.setId("reject-" + c.id());
        box.add(new HorizontalLayout(confirm, reject));
        return box;
    }

    /** A supervisor excludes surrendered weapons from tracing under an amnesty, naming the rule. */
    private void amnesty() {
        var dialog = new Dialog(getTranslation("recovery.amnesty"));
        var rule = new TextArea(getTranslation("recovery.amnesty-rule"));
        rule.setId("amnesty-rule");
        rule.setMaxLength(300);
        rule.setWidthFull();
        rule.setRequired(true);
        var ok = new Button(getTranslation("recovery.amnesty"), e -> {
            try {
                recoveries.excludeUnderAmnesty(recoveryId, rule.getValue());
                dialog.close();
                refresh();
            } catch (RecoveryRejected refused) {
                Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
                e.getSource().setEnabled(true);
            }
        });
        ok.setId("amnesty-ok");
        ok.setDisableOnClick(true);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("recovery.amnesty-explained")), rule);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void decide(MatchCandidate c, boolean confirm) {
        var dialog = new Dialog(getTranslation(confirm ? "recovery.confirm" : "recovery.reject"));
        var reason = new TextArea(getTranslation("recovery.decision-reason"));
        reason.setId("decision-reason");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        reason.setRequired(!confirm);
        var ok = new Button(getTranslation(confirm ? "recovery.confirm" : "recovery.reject"), e -> {
            try {
                if (confirm) {
                    recoveries.confirm(c.id(), reason.getValue());
                } else {
                    recoveries.reject(c.id(), reason.getValue());
                }
                dialog.close();
                refresh();
            } catch (RecoveryRejected refused) {
                Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
                e.getSource().setEnabled(true);
            }
        });
        ok.setId("decision-ok");
        ok.setDisableOnClick(true);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("recovery.decision-about", c.firearm().serialAsRead())), reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
