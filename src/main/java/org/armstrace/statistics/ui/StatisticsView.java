package org.armstrace.statistics.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamRegistration;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.ChartView;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.base.ui.LastResponse;
import org.armstrace.security.Role;
import org.armstrace.statistics.Figures;
import org.armstrace.statistics.Period;
import org.armstrace.statistics.RecoveredWeapon;
import org.armstrace.statistics.Statistics;
import org.armstrace.statistics.StatisticsRejected;
import org.armstrace.statistics.StatisticsTables;
import org.armstrace.statistics.StatisticsWorkbooks;
import org.springframework.beans.factory.annotation.Value;

/**
 * The statistics dashboard for supervisors and management: a period picker, SDG 16.4.2 with its
 * drill-down, and one chart per table (requests, response times, recoveries by kind, type,
 * place and origin, tracing). Every chart has a table view and an XLSX export of exactly what it
 * draws; the annual return and the KPI table are one click away.
 */
@Route("statistics")
@Menu(order = 50, title = "menu.statistics", icon = "vaadin:chart")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class StatisticsView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ANNUAL_RETURN = "annual-return";
    private static final String KPIS = "kpis";
    /** A card's "show table" button names its table in this attribute. */
    private static final String TOGGLE_ATTRIBUTE = "data-toggle";

    /** The periods people ask for most; "custom" opens the dates. */
    enum Preset {
        THIS_YEAR, LAST_YEAR, LAST_12_MONTHS, THIS_QUARTER, CUSTOM
    }

    private final Statistics statistics;
    private final StatisticsTables tables;
    private final StatisticsWorkbooks workbooks;
    private final String home;
    final Select<Preset> preset = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button show = new Button();
    final Span error = new Span();
    final Div content = new Div();
    Figures figures;
    /** The one download handler of the period's workbooks; links name the workbook ({@link #link}). */
    private StreamRegistration downloads;

    public StatisticsView(Statistics statistics, StatisticsTables tables, StatisticsWorkbooks workbooks,
                          @Value("${armstrace.home-country:XK}") String home) {
        this.statistics = statistics;
        this.tables = tables;
        this.workbooks = workbooks;
        this.home = home;
        this.downloads = register();
        setWidthFull();
        preset.setLabel(getTranslation("statistics.preset"));
        preset.setId("statistics-preset");
        preset.setItems(Preset.values());
        preset.setItemLabelGenerator(p -> getTranslation("statistics.preset." + p.name()));
        from.setLabel(getTranslation("statistics.from"));
        from.setId("statistics-from");
        to.setLabel(getTranslation("statistics.to"));
        to.setId("statistics-to");
        DatePickers.localise(from, to);
        preset.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != Preset.CUSTOM) {
                LocalDate today = LocalDate.now(statistics.zone());
                Period p = switch (e.getValue()) {
                    case THIS_YEAR -> Period.year(today.getYear());
                    case LAST_YEAR -> Period.year(today.getYear() - 1);
                    case LAST_12_MONTHS -> new Period(today.plusDays(1).minusYears(1), today.plusDays(1));
                    default -> {
                        LocalDate q = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                        yield new Period(q, q.plusMonths(3));
                    }
                };
                from.setValue(p.from());
                to.setValue(p.last());
                refresh();
            }
        });
        from.addValueChangeListener(e -> customIfTyped(e.isFromClient()));
        to.addValueChangeListener(e -> customIfTyped(e.isFromClient()));
        show.setText(getTranslation("statistics.show"));
        show.setId("statistics-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(e -> refresh());
        error.setId("statistics-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        var bar = new HorizontalLayout(preset, from, to, show);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        content.setWidthFull();
        add(new H2(getTranslation("menu.statistics")), bar, error, content);
        preset.setValue(Preset.THIS_YEAR);
    }

    private void customIfTyped(boolean fromClient) {
        if (fromClient) {
            preset.setValue(Preset.CUSTOM);
        }
    }

    /** Computes and shows the chosen period; a bad period gets its message and nothing else changes. */
    void refresh() {
        error.setText("");
        Period period;
        try {
            period = Period.inclusive(from.getValue(), to.getValue());
            figures = statistics.figures(period);
        } catch (StatisticsRejected rejected) {
            error.setText(getTranslation(rejected.key(), rejected.args()));
            return;
        }
        content.removeAll();
        Locale locale = getLocale();
        for (String notice : figures.notices()) {
            var p = new Paragraph(getTranslation(notice, period.label()));
            p.addClassName("statistics-notice");
            content.add(p);
        }
        var downloads = new Div(link(getTranslation("statistics.annual-return"), ANNUAL_RETURN, "statistics-annual-return"),
                link(getTranslation("statistics.kpi-table"), KPIS, "statistics-kpis"));
        downloads.addClassName("statistics-downloads");
        content.add(sdgCard(), downloads);
        var cards = new Div();
        cards.addClassName("statistics-cards");
        for (StatisticsTables.Table table : tables.tables(figures, locale)) {
            cards.getElement().appendChild(card(table));
        }
        content.add(cards);
        // The whole dashboard goes out in this response; Vaadin would keep a copy of it for the idle page.
        getUI().ifPresent(LastResponse::replaceSoon);
    }

    private VerticalLayout sdgCard() {
        var sdg = figures.sdg();
        var card = new VerticalLayout();
        card.setId("statistics-sdg");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)");
        var value = new Span(sdg.ratio() == null ? "—" : String.format(getLocale(), "%.1f %%", sdg.ratio() * 100));
        value.setId("statistics-sdg-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        var numerator = new Button(getTranslation("statistics.sdg.numerator-count", sdg.numerator()),
                e -> drillDown(Statistics.Part.NUMERATOR));
        numerator.setId("statistics-sdg-numerator");
        var denominator = new Button(getTranslation("statistics.sdg.denominator-count", sdg.denominator()),
                e -> drillDown(Statistics.Part.DENOMINATOR));
        denominator.setId("statistics-sdg-denominator");
        card.add(new H3(getTranslation("statistics.table.sdg")), value, new HorizontalLayout(numerator, denominator),
                new Paragraph(getTranslation("statistics.sdg.details", sdg.pending(), sdg.amnestyExcluded(),
                        sdg.recoveredMoreThanOnce())));
        return card;
    }

    /**
     * A chart's card, built of plain elements: a dashboard holds a dozen, and as components (layouts, a
     * button with its own click listener, an anchor with its own download handler) they were most of an
     * idle analyst's session (CapacityBenchmark). The button's clicks reach {@link #toggle}, the link goes to
     * the view's one download handler.
     */
    private Element card(StatisticsTables.Table table) {
        var card = new Element("div").setAttribute("id", "chart-" + table.id()).setAttribute("class", "statistics-card");
        var toggle = new Element("vaadin-button").setAttribute("id", "toggle-" + table.id())
                .setAttribute("theme", "tertiary").setAttribute(TOGGLE_ATTRIBUTE, table.id())
                .setText(getTranslation("statistics.show-table"));
        // A bare DOM listener: a Button's click listener also asks the browser for ten event details.
        toggle.addEventListener("click", e -> toggle(toggle));
        var head = new Element("div").setAttribute("class", "statistics-card-head").appendChild(
                new Element("h3").setText(table.title()), toggle,
                link(getTranslation("statistics.export"), table.id(), "export-" + table.id()).getElement());
        var chart = new ChartView();
        String saveImage = getTranslation("statistics.save-image");
        // Built again from the table if the chart is ever attached anew; the option itself is not kept.
        chart.setOption(() -> ChartOptions.of(table, saveImage));
        return card.appendChild(head, chart.getElement());
    }

    /**
     * Shows a card's table instead of its chart, or back. The table is built the first time it is asked
     * for: a Grid holds some 80 KB of server state even hidden, and twelve hidden ones made up most of an
     * idle dashboard's session (CapacityBenchmark).
     */
    void toggle(Element button) {
        String id = button.getAttribute(TOGGLE_ATTRIBUTE);
        Element card = button.getParent().getParent();
        var chart = card.getChild(1).getComponent().orElseThrow();
        var grid = card.getChildren().flatMap(e -> e.getComponent().stream()).filter(Grid.class::isInstance).findFirst()
                .orElseGet(() -> {
                    var built = tableView(tables.tables(figures, getLocale()).stream()
                            .filter(t -> t.id().equals(id)).findFirst().orElseThrow());
                    built.setVisible(false);
                    card.appendChild(built.getElement());
                    return built;
                });
        boolean showTable = !grid.isVisible();
        grid.setVisible(showTable);
        chart.setVisible(!showTable);
        button.setText(getTranslation(showTable ? "statistics.show-chart" : "statistics.show-table"));
    }

    /** The chart's numbers as a table: the same lines and columns the export writes. */
    static Grid<StatisticsTables.Line> tableView(StatisticsTables.Table table) {
        var grid = new Grid<StatisticsTables.Line>();
        EmptyGrids.say(grid, "empty.statistics-table");
        grid.addColumn(StatisticsTables.Line::label).setHeader("").setAutoWidth(true).setFlexGrow(1);
        for (int i = 0; i < table.columns().size(); i++) {
            int c = i;
            grid.addColumn(l -> l.values().get(c) == null ? "—" : format(l.values().get(c)))
                    .setHeader(table.columns().get(i)).setAutoWidth(true).setTextAlign(
                            ColumnTextAlign.END);
        }
        grid.setItems(table.lines());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("320px");
        grid.setId("table-" + table.id());
        return grid;
    }

    private static String format(Number n) {
        return n instanceof Double d && d != Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d)
                : Long.toString(n.longValue());
    }

    private void drillDown(Statistics.Part part) {
        Period period = figures.period();
        var when = Dates.dateFormatter(getLocale());
        var dialog = new Dialog(getTranslation("statistics.table.sdg") + ": "
                + getTranslation("statistics.sdg." + part.name().toLowerCase(Locale.ROOT)) + " · " + period.label());
        dialog.setWidth("90vw");
        var grid = new Grid<RecoveredWeapon>();
        grid.setId("statistics-drill-down");
        EmptyGrids.say(grid, "empty.statistics-weapons");
        grid.addColumn(w -> when.format(w.recoveredAt().atZone(statistics.zone()))).setHeader(
                getTranslation("statistics.col.recovered-at")).setAutoWidth(true);
        grid.addColumn(w -> getTranslation("recovery.kind." + w.kind())).setHeader(getTranslation("statistics.col.kind"))
                .setAutoWidth(true);
        grid.addColumn(w -> String.join(" ", Stream.of(w.make(), w.model(), w.serial())
                .filter(Objects::nonNull).toList())).setHeader(getTranslation("statistics.col.weapon"));
        grid.addColumn(w -> w.amnesty() ? getTranslation("statistics.amnesty")
                : getTranslation("statistics.tracing." + w.tracing().name())).setHeader(
                getTranslation("statistics.col.tracing")).setAutoWidth(true);
        grid.addColumn(w -> w.established() ? when.format(w.establishedAt().atZone(statistics.zone()))
                + " · " + w.establishedBy() : "").setHeader(getTranslation("statistics.col.established-at")).setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("recovery/" + e.getItem().recoveryId())));
        grid.setItems(q -> statistics.weapons(period, figures.asOf(), part, q.getOffset(), q.getLimit()).stream());
        grid.setHeight("60vh");
        var export = download(getTranslation("statistics.export"), "sdg-" + part.name().toLowerCase(Locale.ROOT) + "-"
                + period.label() + ".xlsx", out -> workbooks.weapons(period, figures.asOf(), part, getLocale(), out),
                "statistics-drill-down-export");
        dialog.add(grid);
        dialog.getFooter().add(export, new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private Anchor download(String text, String fileName, Consumer<OutputStream> writer,
                            String id) {
        String safe = safeName(fileName);
        DownloadHandler handler = event -> {
            event.setFileName(safe);
            event.setContentType(XLSX);
            writer.accept(event.getOutputStream());
        };
        var anchor = new Anchor(handler, text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** A file name any browser and file system takes as it is. */
    private static String safeName(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** A link to one of the period's workbooks ({@code what}: a table's id, or the annual return or KPIs). */
    private Anchor link(String text, String what, String id) {
        var anchor = new Anchor(downloads.getResourceUri() + "?what=" + URLEncoder.encode(what, StandardCharsets.UTF_8), text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** The view's one download handler: the workbook the link names, of the figures shown. */
    private void download(DownloadEvent event) throws IOException {
        Figures shown = figures;
        String what = Objects.requireNonNullElse(event.getRequest().getParameter("what"), "");
        Locale locale = getLocale();
        Consumer<OutputStream> writer = switch (what) {
            case ANNUAL_RETURN -> out -> workbooks.annualReturn(shown, home, out);
            case KPIS -> out -> workbooks.kpis(shown, out);
            default -> tables.tables(shown, locale).stream().filter(t -> t.id().equals(what)).findFirst()
                    .<Consumer<OutputStream>>map(table -> out -> workbooks.table(shown, table, locale, out)).orElse(null);
        };
        if (writer == null) {
            // A status, not sendError: the container's error dispatch would answer 403 to a signed-in user.
            event.getResponse().setStatus(404);
            event.getResponse().setContentType("text/plain;charset=UTF-8");
            event.getResponse().getWriter().write("No such table: " + what);
            return;
        }
        event.setFileName(safeName(what + "-" + shown.period().label() + ".xlsx"));
        event.setContentType(XLSX);
        writer.accept(event.getOutputStream());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (downloads == null) {
            // Attached anew after a detach: the links of the content drawn before point at nothing any more.
            downloads = register();
            refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // A handler registered by hand stays in the session until unregistered.
        downloads.unregister();
        downloads = null;
        super.onDetach(detachEvent);
    }

    private StreamRegistration register() {
        return VaadinSession.getCurrent().getResourceRegistry().registerResource((DownloadHandler) this::download, getElement());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.statistics");
    }
}
