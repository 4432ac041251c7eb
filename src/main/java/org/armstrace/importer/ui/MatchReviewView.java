package org.armstrace.importer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.importer.MatchReviews;
import org.armstrace.security.Role;

/**
 * The identity review queue: for each record an import could not place, the record as imported
 * beside the one it may be, the score and the reasons; the analyst merges or keeps apart, and can
 * undo either from the decided tabs.
 */
@Route("admin/imports/review")
@Menu(order = 94, icon = "vaadin:connect", title = "menu.match-review")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class MatchReviewView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> STATUSES = List.of("PENDING", "MERGED", "KEPT_APART", "AUTO_MERGED");

    private final MatchReviews reviews;
    private final Grid<MatchReviews.Review> grid = new Grid<>();
    private final Tabs tabs = new Tabs();
    private final Span message = new Span();

    public MatchReviewView(MatchReviews reviews) {
        this.reviews = reviews;
        setMaxWidth("1300px");
        for (String s : STATUSES) {
            var tab = new Tab(getTranslation("review.status." + s));
            tab.setId("review-tab-" + s.toLowerCase(Locale.ROOT));
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> refresh());
        grid.setId("review-grid");
        EmptyGrids.say(grid, "empty.reviews");
        grid.addColumn(r -> getTranslation("review.kind." + r.kind())).setHeader(getTranslation("review.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> String.format(Locale.ROOT, "%.0f %%", r.score() * 100)).setHeader(getTranslation("review.score"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.asWritten() + "\n" + r.recordLabel()).setHeader(getTranslation("review.imported"));
        grid.addColumn(MatchReviews.Review::candidateLabel).setHeader(getTranslation("review.candidate"));
        grid.addColumn(r -> String.join(", ", r.reasons().stream().map(x -> getTranslation("import.match." + x)).toList()))
                .setHeader(getTranslation("review.reasons"));
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("36em");
        message.setId("review-message");
        add(new H2(getTranslation("menu.match-review")), new Paragraph(getTranslation("review.intro")), tabs, message, grid);
        refresh();
    }

    private String status() {
        return STATUSES.get(Math.max(0, tabs.getSelectedIndex()));
    }

    private HorizontalLayout actions(MatchReviews.Review r) {
        var row = new HorizontalLayout();
        if (r.status().equals("PENDING")) {
            var merge = new Button(getTranslation("review.merge"), e -> act(() -> reviews.decide(r.id(), MatchReviews.Verdict.MERGED)));
            merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            merge.setId("review-merge-" + r.line());
            var apart = new Button(getTranslation("review.keep-apart"), e -> act(() -> reviews.decide(r.id(), MatchReviews.Verdict.KEPT_APART)));
            apart.addThemeVariants(ButtonVariant.LUMO_SMALL);
            apart.setId("review-apart-" + r.line());
            merge.setDisableOnClick(true);
            apart.setDisableOnClick(true);
            row.add(merge, apart);
        } else if (!r.status().equals("AUTO_MERGED")) {
            var undo = new Button(getTranslation("review.undo"), e -> act(() -> reviews.undo(r.id())));
            undo.addThemeVariants(ButtonVariant.LUMO_SMALL);
            undo.setId("review-undo-" + r.line());
            undo.setDisableOnClick(true);
            row.add(new Div(getTranslation("review.decided-by", r.decidedBy())), undo);
        }
        return row;
    }

    private void act(Runnable action) {
        try {
            action.run();
            message.setText("");
        } catch (IllegalStateException e) {
            // Someone else decided it meanwhile: say so and show the queue as it is now.
            message.setText(getTranslation(e.getMessage()));
        }
        refresh();
    }

    private void refresh() {
        String status = status();
        grid.setItems(q -> reviews.list(status, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, reviews.count(status)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.match-review");
    }
}
