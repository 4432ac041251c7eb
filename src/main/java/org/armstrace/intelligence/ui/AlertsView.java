package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.ChartView;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.LinkKind;
import org.armstrace.cases.ui.AddToCase;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.AlertScanner;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.IntelligenceRejected;
import org.armstrace.intelligence.Pattern;
import org.armstrace.intelligence.PatternThresholds;
import org.armstrace.security.Role;

/**
 * The patterns the scans found, as a ranked list of alerts: filter by pattern and status (or only
 * what is new to me), read one with its evidence and history, open its evidence in the link chart,
 * dismiss it or promote it to a case with a reason, or scan again now.
 */
@Route("intelligence/alerts")
@Menu(order = 40, title = "menu.alerts", icon = "vaadin:bell")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class AlertsView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Alerts alerts;
    private final AlertScanner scanner;
    final Select<Pattern> pattern = new Select<>();
    final Select<Alert.Status> status = new Select<>();
    final Checkbox newForMe = new Checkbox();
    final Button scan = new Button();
    final Span scanned = new Span();
    final Grid<Alert> grid = new Grid<>();
    final Div details = new Div();
    final ChartView timeToCrime = new ChartView();
    private final PatternThresholds thresholds;
    Alert shown;

    public AlertsView(Alerts alerts, AlertScanner scanner, PatternThresholds thresholds) {
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.scanner = scanner;
        setSizeFull();
        pattern.setLabel(getTranslation("alerts.pattern"));
        pattern.setId("alerts-pattern");
        pattern.setItems(Pattern.values());
        pattern.setEmptySelectionAllowed(true);
        pattern.setEmptySelectionCaption(getTranslation("alerts.all-patterns"));
        pattern.setItemLabelGenerator(p -> p == null ? getTranslation("alerts.all-patterns")
                : getTranslation("alerts.pattern." + p.name()));
        status.setLabel(getTranslation("alerts.status"));
        status.setId("alerts-status");
        status.setItems(Alert.Status.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("alerts.all-statuses"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("alerts.all-statuses")
                : getTranslation("alerts.status." + s.name()));
        status.setValue(Alert.Status.OPEN);
        newForMe.setLabel(getTranslation("alerts.new-for-me"));
        newForMe.setId("alerts-new");
        scan.setText(getTranslation("alerts.scan"));
        scan.setId("alerts-scan");
        scan.setDisableOnClick(true);
        scan.addClickListener(e -> scanNow());
        scanned.setId("alerts-scanned");
        describeLastScan();
        grid(alerts);
        pattern.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        newForMe.addValueChangeListener(e -> refresh());
        details.setId("alert-details");
        details.setWidthFull();

        var tools = new HorizontalLayout(pattern, status, newForMe, scan, scanned);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);
        timeToCrime.setId("alerts-time-to-crime");
        timeToCrime.setWidthFull();
        timeToCrime.setHeight("320px");
        timeToCrime.setVisible(false);
        add(new H2(getTranslation("alerts.title")), tools, timeToCrime, grid, details);
    }

    /** The alerts matching the filters, a page at a time; selecting one shows it below. */
    private void grid(Alerts alerts) {
        grid.setId("alerts-grid");
        EmptyGrids.say(grid, "empty.alerts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(a -> getTranslation("alerts.pattern." + a.pattern().name())).setHeader(getTranslation("alerts.pattern"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::summary).setHeader(getTranslation("alerts.summary")).setFlexGrow(1);
        grid.addColumn(a -> String.format(Locale.ROOT, "%.2f", a.score())).setHeader(getTranslation("alerts.score"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> date(a.firstSeenAt())).setHeader(getTranslation("alerts.first-seen")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> getTranslation("alerts.status." + a.status().name())
                + (a.current() ? "" : " · " + getTranslation("alerts.gone"))).setHeader(getTranslation("alerts.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(DataProvider.fromCallbacks(
                q -> alerts.list(filter(), q.getOffset(), Math.min(q.getLimit(), 200)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, alerts.count(filter()))));
        grid.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
        grid.setHeight("45vh");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if ("new".equals(parameter)) {
            status.setValue(null);
            newForMe.setValue(true);
        }
    }

    private Alert.Filter filter() {
        return new Alert.Filter(pattern.getValue(), status.getValue(), newForMe.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        show(null);
        timeToCrime.setVisible(pattern.getValue() == Pattern.TIME_TO_CRIME);
        if (timeToCrime.isVisible()) {
            drawTimeToCrime();
        }
    }

    /** Per country of manufacture: identified weapons, those recovered quickly, and the median time-to-crime. */
    private void drawTimeToCrime() {
        List<Alerts.TimeToCrime> rows = alerts.timeToCrimeByOrigin(thresholds.timeToCrimeDays(), 15);
        timeToCrime.setOption(Map.of(
                "title", Map.of("text", getTranslation("alerts.ttc.title", thresholds.timeToCrimeDays()),
                        "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 24),
                "grid", Map.of("top", 64, "left", 48, "right", 56, "bottom", 28),
                "xAxis", Map.of("type", "category", "data", rows.stream().map(Alerts.TimeToCrime::country).toList()),
                "yAxis", List.of(Map.of("type", "value", "name", getTranslation("alerts.ttc.weapons")),
                        Map.of("type", "value", "name", getTranslation("alerts.ttc.days"))),
                "series", List.of(
                        Map.of("type", "bar", "name", getTranslation("alerts.ttc.identified"),
                                "data", rows.stream().map(Alerts.TimeToCrime::weapons).toList()),
                        Map.of("type", "bar", "name", getTranslation("alerts.ttc.quick"),
                                "data", rows.stream().map(Alerts.TimeToCrime::quick).toList()),
                        Map.of("type", "line", "name", getTranslation("alerts.ttc.median"), "yAxisIndex", 1,
                                "data", rows.stream().map(Alerts.TimeToCrime::median).toList()))));
    }

    /** The alert in a sentence, from the values the scan found. */
    String summary(Alert a) {
        return getTranslation("alerts.summary." + a.pattern().name(), a.args().toArray());
    }

    void show(Alert alert) {
        shown = alert;
        details.removeAll();
        if (alert == null) {
            return;
        }
        var open = new Button(getTranslation("alerts.open-chart"), e -> getUI().ifPresent(ui ->
                ui.navigate(LinkChartView.class, "Alert:" + alert.id())));
        open.setId("alert-open-chart");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var dismiss = new Button(getTranslation("alerts.decide.DISMISSED"), e -> decide(alert, Alert.Status.DISMISSED));
        dismiss.setId("alert-dismiss");
        var promote = new Button(getTranslation("alerts.decide.PROMOTED"), e -> decide(alert, Alert.Status.PROMOTED));
        promote.setId("alert-promote");
        boolean open_ = alert.status() == Alert.Status.OPEN;
        dismiss.setEnabled(open_);
        promote.setEnabled(open_);

        var history = new UnorderedList();
        for (Alert.Event e : alerts.events(alert.id())) {
            String text = date(e.at()) + " · " + getTranslation("alerts.event." + e.kind(), e.by(), e.added().size(),
                    e.removed().size(), e.caseReference() == null ? "" : e.caseReference());
            history.add(new ListItem(e.reason() == null ? text : text + ": " + e.reason()));
        }
        var title = new H3(summary(alert));
        title.setId("alert-summary");
        details.add(title, new Span(getTranslation("alerts.evidence-count", alert.evidence().size())),
                new HorizontalLayout(open, dismiss, promote, AddToCase.button(LinkKind.ALERT, alert.id(), summary(alert))),
                new H3(getTranslation("alerts.history")), history);
    }

    private void decide(Alert alert, Alert.Status to) {
        var form = new AlertDecisionForm(to);
        form.addDecidedListener(e -> {
            try {
                Alert decided = e.to == Alert.Status.DISMISSED ? alerts.dismiss(alert.id(), e.reason)
                        : alerts.promote(alert.id(), e.caseReference, e.reason);
                form.close();
                grid.getDataProvider().refreshAll();
                show(decided);
                Notification.show(getTranslation("alerts.decided." + decided.status().name()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IntelligenceRejected rejected) {
                form.decide.setEnabled(true);
                Notification.show(getTranslation(rejected.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (CaseRejected rejected) {
                // The case named does not exist for this user (restricted to another team): nothing was promoted.
                form.decide.setEnabled(true);
                Notification.show(getTranslation(rejected.getMessage(), rejected.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        form.open();
    }

    void scanNow() {
        scanned.setText(getTranslation("alerts.scanning"));
        try {
            // A scan of a large store takes seconds; the page waits for it rather than showing stale ranks.
            scanner.scanNow().get(10, TimeUnit.MINUTES);
            describeLastScan();
            refresh();
        } catch (Exception e) {
            scanned.setText(getTranslation("alerts.scan-failed"));
        } finally {
            scan.setEnabled(true);
        }
    }

    private void describeLastScan() {
        AlertScanner.Report last = scanner.last();
        scanned.setText(last == null ? getTranslation("alerts.not-scanned")
                : getTranslation("alerts.scanned", date(last.at()), last.total().toMillis(),
                last.runs().values().stream().mapToInt(AlertScanner.Run::created).sum()));
    }

    private String date(Instant at) {
        return Dates.dateTime(at, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title");
    }
}
