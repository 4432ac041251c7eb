package org.armstrace.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.WildcardParameter;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseAttachments;
import org.armstrace.cases.CaseLink;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.CaseStatus;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.springframework.web.util.UriUtils;

/**
 * A case's page, where the analyst lives: the summary and status (with the moves the status allows),
 * what the case links grouped by kind with links to their pages, the case in the link chart, then
 * its tasks, deadlines and notes ({@link CaseWorkPanel}) and its attachments and history
 * ({@link CaseFilesPanel}). Opening it is audited; a case restricted to another team is "not found".
 */
@Route("case")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class CaseView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** Where each kind of linked record has its page. */
    static final Map<LinkKind, String> PAGES = Map.of(LinkKind.RECOVERY, "recovery/", LinkKind.FIREARM, "registry/firearm/",
            LinkKind.PERSON, "registry/person/", LinkKind.ORGANISATION, "registry/organisation/",
            LinkKind.TRACE_REQUEST, "tracing/request/", LinkKind.ALERT, "intelligence/chart/Alert:",
            LinkKind.INVESTIGATION, "intelligence/chart/Investigation:");

    final Div linked = new Div();
    private final Cases cases;
    private final CaseLinks links;
    private final CaseWork work;
    private final CaseAttachments attachments;
    private final AuditLog audit;
    private String number;
    private String title = "";

    public CaseView(Cases cases, CaseLinks links, CaseWork work, CaseAttachments attachments, AuditLog audit) {
        this.cases = cases;
        this.links = links;
        this.work = work;
        this.attachments = attachments;
        this.audit = audit;
        setMaxWidth("1200px");
        linked.setId("case-links");
    }

    public static String path(String number) {
        return "case/" + number;
    }

    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String parameter) {
        number = parameter;
        refresh();
    }

    void refresh() {
        removeAll();
        linked.removeAll();
        var found = cases.read(number);
        if (found.isEmpty()) {
            title = getTranslation("cases.not-found", number);
            var missing = new H2(title);
            missing.setId("case-not-found");
            add(missing);
            return;
        }
        Case c = found.get();
        title = c.number() + " · " + c.title();
        summary(c);
        links(c);
        add(new CaseWorkPanel(c, work), new CaseFilesPanel(c, attachments, cases, audit));
    }

    private void summary(Case c) {
        var status = new Span(getTranslation("cases.status." + c.status().name()));
        status.addClassName("badge");
        status.setId("case-status");
        add(new HorizontalLayout(new H2(title), status));
        var summary = new Paragraph(getTranslation("cases.summary", getTranslation("cases.kind." + c.kind().name()),
                c.owner() == null ? "—" : c.owner(), c.team() == null ? "—" : c.team(),
                c.prosecutorReference() == null ? "—" : c.prosecutorReference(), c.openedBy(), c.openedAt()));
        summary.setId("case-summary");
        add(summary);
        if (c.restricted()) {
            add(new Paragraph(getTranslation("cases.restricted-to", c.team())));
        }
        if (!c.reference().equals(c.number())) {
            add(new Paragraph(getTranslation("cases.reference", c.reference())));
        }
        if (c.statusReason() != null) {
            add(new Paragraph(getTranslation("cases.status-reason", c.statusReason())));
        }
        var actions = new HorizontalLayout();
        for (CaseStatus to : CaseStatus.values()) {
            if (c.status().canBecome(to)) {
                var move = new Button(getTranslation("cases.move." + to.name()), e -> move(c, to));
                move.setId("case-move-" + to.name().toLowerCase(Locale.ROOT));
                actions.add(move);
            }
        }
        var edit = new Button(getTranslation("cases.edit"), e -> new CaseDetailsForm(c, cases, this::refresh).open());
        edit.setId("case-edit");
        // The chart opens on what the case links (its records as seeds), which a case without a reference has too.
        var chart = new Anchor("intelligence/chart/CaseLinks:" + UriUtils.encodePathSegment(c.number(), StandardCharsets.UTF_8),
                getTranslation("chart.open"));
        chart.setId("case-open-chart");
        actions.add(edit, chart);
        add(actions);
    }

    /** The linked records grouped by kind, each a link to its page. */
    private void links(Case c) {
        List<CaseLink> all = links.links(c.number());
        add(new H3(getTranslation("cases.links")), linked);
        if (all.isEmpty()) {
            linked.add(new Paragraph(getTranslation("cases.no-links")));
        }
        all.stream().collect(Collectors.groupingBy(CaseLink::kind, TreeMap::new, Collectors.toList()))
                .forEach((kind, group) -> {
                    linked.add(new H4(getTranslation("cases.link-kind." + kind.name()) + " (" + group.size() + ")"));
                    for (CaseLink l : group) {
                        var a = new Anchor(PAGES.get(kind) + UriUtils.encodePathSegment(l.key(), StandardCharsets.UTF_8),
                                l.label().isBlank() ? l.key() : l.label());
                        linked.add(new Div(a));
                    }
                });
    }

    private void move(Case c, CaseStatus to) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("cases.move." + to.name()));
        var reason = new TextArea(getTranslation("cases.reason"));
        reason.setId("case-move-reason");
        reason.setWidthFull();
        reason.setMaxLength(Cases.MAX_REASON);
        var confirm = new Button(getTranslation("cases.move." + to.name()), e -> {
            try {
                cases.changeStatus(c.number(), to, reason.getValue());
                dialog.close();
                refresh();
            } catch (CaseRejected rejected) {
                Notification.show(getTranslation(rejected.getMessage(), rejected.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("case-move-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
