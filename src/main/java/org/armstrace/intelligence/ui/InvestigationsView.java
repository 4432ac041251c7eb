package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.intelligence.Investigations;
import org.armstrace.security.Role;

/**
 * The saved investigations the analyst may open (their own and those shared with a role they
 * hold), most recently saved first, with each one's versions.
 */
@Route("intelligence/investigations")
@Menu(order = 41, title = "menu.investigations", icon = "vaadin:folder-open")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class InvestigationsView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 200;

    final Grid<Investigations.Investigation> list = new Grid<>();
    final Grid<Investigations.Version> versions = new Grid<>();
    final Button open = new Button();
    private final Investigations investigations;

    public InvestigationsView(Investigations investigations) {
        this.investigations = investigations;
        setSizeFull();
        list.setId("investigations");
        EmptyGrids.say(list, "empty.investigations");
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        list.addColumn(Investigations.Investigation::name).setHeader(getTranslation("investigation.name")).setFlexGrow(3);
        list.addColumn(Investigations.Investigation::owner).setHeader(getTranslation("investigation.owner"));
        list.addColumn(i -> i.sharedWith() == null ? getTranslation("investigation.private")
                : getTranslation("role." + i.sharedWith())).setHeader(getTranslation("investigation.share"));
        list.addColumn(i -> i.canvas().entities().size()).setHeader(getTranslation("investigation.entities"));
        list.addColumn(Investigations.Investigation::revision).setHeader(getTranslation("investigation.revision"));
        list.addColumn(i -> date(i.updatedAt()) + " · " + i.updatedBy()).setHeader(getTranslation("investigation.updated"))
                .setFlexGrow(2);
        list.setItems(investigations.list(SHOWN));
        list.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
        list.addItemDoubleClickListener(e -> openChart(e.getItem()));

        versions.setId("investigation-versions");
        EmptyGrids.say(versions, "empty.investigation-versions");
        versions.addColumn(Investigations.Version::revision).setHeader(getTranslation("investigation.revision"));
        versions.addColumn(Investigations.Version::name).setHeader(getTranslation("investigation.name")).setFlexGrow(3);
        versions.addColumn(Investigations.Version::entities).setHeader(getTranslation("investigation.entities"));
        versions.addColumn(v -> date(v.savedAt()) + " · " + v.savedBy()).setHeader(getTranslation("investigation.updated"))
                .setFlexGrow(2);
        versions.setAllRowsVisible(true);
        versions.setVisible(false);

        open.setText(getTranslation("investigation.open"));
        open.setId("investigation-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setEnabled(false);
        open.addClickListener(e -> list.getSelectedItems().stream().findFirst().ifPresent(this::openChart));

        var empty = new Paragraph(getTranslation("investigation.none"));
        empty.setVisible(list.getGenericDataView().getItems().findAny().isEmpty());
        add(new H2(getTranslation("menu.investigations")), new Paragraph(getTranslation("investigation.how")), empty, list,
                open, new H3(getTranslation("investigation.versions")), versions);
    }

    private void show(Investigations.Investigation selected) {
        open.setEnabled(selected != null);
        versions.setVisible(selected != null);
        versions.setItems(selected == null ? List.of() : investigations.history(selected.id()));
    }

    private void openChart(Investigations.Investigation i) {
        getUI().ifPresent(ui -> ui.navigate("intelligence/chart/" + LinkChartView.INVESTIGATION + i.id()));
    }

    private String date(Instant at) {
        return Dates.dateTime(at, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.investigations");
    }
}
