package org.armstrace.importer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.importer.ImportRows;

/**
 * What each row of a batch became, in line order and a page at a time, with a filter by outcome:
 * created as a record, merged into one, sent to review against one, or rejected with its reasons.
 */
class BatchRows extends VerticalLayout {

    /** The filter's choices: every row, then each outcome. */
    static final List<String> FILTERS = List.of("all", "created", "merged", "review", "rejected");

    private final ImportRows rows;
    private final String batch;
    private final Select<String> filter = new Select<>();
    private final Grid<ImportRows.Row> grid = new Grid<>();

    BatchRows(ImportRows rows, String batch) {
        this.rows = rows;
        this.batch = batch;
        setPadding(false);
        filter.setId("import-row-filter");
        filter.setLabel(getTranslation("imports.row-filter"));
        filter.setItems(FILTERS);
        filter.setItemLabelGenerator(f -> getTranslation("imports.row-outcome." + f));
        filter.setValue("all");
        filter.addValueChangeListener(e -> refresh());
        grid.setId("import-rows-grid");
        EmptyGrids.say(grid, "empty.import-rows");
        grid.addColumn(ImportRows.Row::line).setHeader(getTranslation("import.report.line")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::outcome).setHeader(getTranslation("import.report.outcome")).setAutoWidth(true);
        grid.addComponentColumn(r -> link(r.kind(), r.record())).setHeader(getTranslation("imports.row-record"));
        grid.addComponentColumn(r -> link(r.kind(), r.candidate())).setHeader(getTranslation("imports.row-candidate"));
        grid.addColumn(this::reasons).setHeader(getTranslation("import.report.reason"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("24em");
        add(filter, grid);
        refresh();
    }

    /** The outcome chosen, null for every row. */
    String chosen() {
        return "all".equals(filter.getValue()) ? null : filter.getValue();
    }

    Select<String> filter() {
        return filter;
    }

    Grid<ImportRows.Row> grid() {
        return grid;
    }

    private void refresh() {
        String outcome = chosen();
        grid.setItems(q -> rows.page(batch, outcome, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, rows.count(batch, outcome)));
    }

    private String outcome(ImportRows.Row r) {
        String text = getTranslation("imports.row-outcome." + r.outcome());
        return r.detail() == null ? text : text + " (" + getTranslation("imports.row-detail." + r.detail()) + ")";
    }

    /** Match reasons in words; a rejected row's issue codes, whose messages are in the issue list below. */
    private String reasons(ImportRows.Row r) {
        var out = new ArrayList<String>();
        for (String reason : r.reasons()) {
            out.add(r.outcome().equals("rejected") ? reason : getTranslation("import.match." + reason));
        }
        return String.join(", ", out);
    }

    /** A person or weapon opens its page; other records (and dry runs' ones) are named by id. */
    private static Component link(String kind, String id) {
        if (id == null) {
            return new Span();
        }
        String short8 = id.length() > 8 ? id.substring(0, 8) : id;
        return switch (kind == null ? "" : kind) {
            case "PERSON" -> new Anchor("registry/person/" + id, short8);
            case "FIREARM" -> new Anchor("registry/firearm/" + id, short8);
            default -> new Span(short8);
        };
    }
}
