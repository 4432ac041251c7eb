package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.base.ui.GraphView;
import org.armstrace.intelligence.Investigations;
import org.armstrace.intelligence.LinkAnalysis;
import org.armstrace.intelligence.LinkChartWorkbook;
import org.armstrace.intelligence.LinkGraph;

/**
 * The link chart's tools: the filters (relationship types, dates), the layout, what may be done
 * with the selected entity, saving, and the exports. It holds the controls; {@link LinkChartView}
 * listens to them.
 */
final class LinkChartToolbar extends HorizontalLayout {

    final MultiSelectComboBox<String> types = new MultiSelectComboBox<>();
    final DatePicker since = new DatePicker();
    final DatePicker until = new DatePicker();
    final Select<String> layout = new Select<>();
    final Span selection = new Span();
    /** The selected entity's own page, for the kinds that have one. */
    final Anchor record = new Anchor();
    final Button expand = new Button();
    final Select<Integer> hops = new Select<>();
    final Button around = new Button();
    final Button hide = new Button();
    final Button pin = new Button();
    final Button pathFrom = new Button();
    final Button pathTo = new Button();
    final Button saveInvestigation = new Button();
    private boolean settingDates;
    private Runnable datesChanged = () -> { };

    /** Writes the visible chart as an i2 ANX file (the service audits it). */
    @FunctionalInterface
    interface AnxExport {
        void write(OutputStream out);
    }

    /**
     * {@code visible} is what the workbook and picture exports hold, the entities and links the
     * canvas shows (asking for it audits the export); {@code anx} writes the same as an i2 chart.
     */
    LinkChartToolbar(GraphView graph, Supplier<LinkGraph> visible, AnxExport anx) {
        filters();
        expand.setText(getTranslation("chart.expand"));
        expand.setId("chart-expand");
        expand.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        hops.setLabel(getTranslation("chart.hops"));
        hops.setId("chart-hops");
        hops.setItems(2, 3, 4);
        hops.setValue(2);
        hops.setWidth("6rem");
        around.setText(getTranslation("chart.neighbourhood"));
        around.setId("chart-neighbourhood");
        hide.setText(getTranslation("chart.hide"));
        hide.setId("chart-hide");
        pin.setId("chart-pin");
        saveInvestigation.setText(getTranslation("investigation.save"));
        saveInvestigation.setId("chart-save");
        pathFrom.setText(getTranslation("chart.path-from"));
        pathFrom.setId("chart-path-from");
        pathTo.setText(getTranslation("chart.path-to"));
        pathTo.setId("chart-path-to");
        selection.setId("chart-selection");
        record.setId("chart-open-record");
        record.setText(getTranslation("chart.open-record"));
        add(types, since, until, layout, selection, record, expand, hops, around, hide, pin, pathFrom, pathTo,
                saveInvestigation, exports(graph, visible, anx));
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    private void filters() {
        types.setLabel(getTranslation("chart.types"));
        types.setId("chart-types");
        types.setItems(new TreeSet<>(LinkAnalysis.TYPES));
        types.setItemLabelGenerator(t -> getTranslation("rel." + t));
        types.setPlaceholder(getTranslation("chart.all-types"));
        layout.setLabel(getTranslation("chart.layout"));
        layout.setId("chart-layout");
        layout.setItems(Investigations.LAYOUTS);
        layout.setItemLabelGenerator(l -> getTranslation("chart.layout." + l));
        layout.setValue(Investigations.LAYOUTS.getFirst());
        since.setLabel(getTranslation("chart.from"));
        since.setId("chart-from");
        since.setClearButtonVisible(true);
        until.setLabel(getTranslation("chart.until"));
        until.setId("chart-until");
        until.setClearButtonVisible(true);
        DatePickers.localise(since, until);
        since.addValueChangeListener(e -> {
            if (!settingDates) {
                datesChanged.run();
            }
        });
        until.addValueChangeListener(e -> {
            if (!settingDates) {
                datesChanged.run();
            }
        });
    }

    /** {@code listener} runs when either date changes, typed or set by {@link #setDates}. */
    void onDatesChanged(Runnable listener) {
        this.datesChanged = listener;
    }

    /** Sets both dates (a range brushed on the timeline), then tells once. */
    void setDates(LocalDate from, LocalDate to) {
        settingDates = true;
        try {
            since.setValue(from);
            until.setValue(to);
        } finally {
            settingDates = false;
        }
        datesChanged.run();
    }

    /**
     * What may be done with the selected entity. {@code caption} is its caption, or the prompt to
     * select one; {@code page} its own page, if it has one.
     */
    void showSelection(boolean any, String caption, String page, boolean pinned, boolean canPathTo) {
        selection.setText(caption);
        record.setVisible(page != null);
        record.setHref(page == null ? "" : page);
        expand.setEnabled(any);
        around.setEnabled(any);
        hide.setEnabled(any);
        pin.setEnabled(any);
        pin.setText(getTranslation(any && pinned ? "chart.unpin" : "chart.pin"));
        pathFrom.setEnabled(any);
        pathTo.setEnabled(canPathTo);
    }

    /**
     * PNG and SVG of the canvas (drawn by Cytoscape in the browser, so the picture never passes the
     * server; the click is audited as the export it is), the visible subgraph as XLSX, and as i2 ANX.
     */
    private HorizontalLayout exports(GraphView graph, Supplier<LinkGraph> visible, AnxExport anx) {
        var png = new Button(getTranslation("chart.export-png"), e -> {
            visible.get();
            graph.download("png", "link-chart.png");
        });
        png.setId("chart-png");
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var svg = new Button(getTranslation("chart.export-svg"), e -> {
            visible.get();
            graph.download("svg", "link-chart.svg");
        });
        svg.setId("chart-svg");
        svg.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        DownloadHandler xlsx = event -> {
            event.setFileName("link-chart.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            LinkChartWorkbook.write(visible.get(), getTranslation("chart.sheet.entities"),
                    List.of(getTranslation("chart.col.entity"), getTranslation("chart.col.kind"),
                            getTranslation("chart.col.caption"), getTranslation("chart.col.date")),
                    getTranslation("chart.sheet.links"), List.of(getTranslation("chart.col.from"),
                            getTranslation("chart.col.to"), getTranslation("chart.col.relationship")),
                    getLocale(), event.getOutputStream());
        };
        var workbook = new Anchor(xlsx, getTranslation("chart.export-xlsx"));
        workbook.setId("chart-xlsx");
        workbook.getElement().setAttribute("download", true);
        DownloadHandler anxFile = event -> {
            event.setFileName("link-chart.anx");
            event.setContentType("application/xml");
            anx.write(event.getOutputStream());
        };
        var i2 = new Anchor(anxFile, getTranslation("chart.export-anx"));
        i2.setId("chart-anx");
        i2.getElement().setAttribute("download", true);
        var row = new HorizontalLayout(png, svg, workbook, i2);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }
}
