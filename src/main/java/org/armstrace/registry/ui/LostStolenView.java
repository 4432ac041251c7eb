package org.armstrace.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.registry.LostStolenEntry;
import org.armstrace.registry.LostStolenExport;
import org.armstrace.registry.LostStolenFilter;
import org.armstrace.registry.LostStolenList;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;

/**
 * The lost/stolen register: reports filtered by status, kind, date, make and place, most recently
 * reported first, loaded page by page; a report on a weapon not in the registry; the partners'
 * export of the active ones. For the desk (analysts, supervisors, intake). Field officers are not
 * given the page (PRODUCT.md: they work at the scene, where the instant checks already flag a
 * reported weapon); they still report a weapon from its record.
 */
@Route("lost-stolen")
@Menu(order = 15, title = "menu.lost-stolen", icon = "vaadin:warning")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class LostStolenView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<LostStolenReport.Status> status = new ComboBox<>();
    final ComboBox<LostStolenReport.Kind> kind = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final ComboBox<Manufacturer> make = new ComboBox<>();
    final TextField place = new TextField();
    final Grid<LostStolenEntry> grid = new Grid<>();
    final Button reportDescribed = new Button();
    private final ConfigurableFilterDataProvider<LostStolenEntry, Void, LostStolenFilter> data;
    private final LostStolenRegister register;
    private final ReferenceData reference;

    public LostStolenView(LostStolenList list, LostStolenRegister register, LostStolenExport export,
                          ReferenceData reference) {
        this.register = register;
        this.reference = reference;
        setSizeFull();
        filters();
        CallbackDataProvider<LostStolenEntry, LostStolenFilter> provider = DataProvider.fromFilteringCallbacks(
                q -> list.page(q.getFilter().orElse(LostStolenFilter.ALL), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, list.count(q.getFilter().orElse(LostStolenFilter.ALL))));
        data = provider.withConfigurableFilter();
        columns();
        grid.setItems(data);
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(LostStolenReportView.class, e.getItem().report().id())));

        reportDescribed.setText(getTranslation("lost.report-described"));
        reportDescribed.setId("lost-report-described");
        reportDescribed.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reportDescribed.addClickListener(e -> reportDialog());
        DownloadHandler xlsx = event -> {
            event.setFileName(LostStolenExport.fileName());
            event.setContentType(LostStolenExport.CONTENT_TYPE);
            export.writeActive(event.getOutputStream());
        };
        var download = new Anchor(xlsx, getTranslation("lost.export"));
        download.setId("lost-export");
        download.getElement().setAttribute("download", true);
        var actions = new HorizontalLayout(reportDescribed, download);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        var filters = new FlexLayout(status, kind, from, to, make, place);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("menu.lost-stolen")), actions, filters, grid);
        expand(grid);
        status.setValue(LostStolenReport.Status.ACTIVE);
        refresh();
    }

    private void filters() {
        status.setLabel(getTranslation("lost.filter.status"));
        status.setItems(LostStolenReport.Status.values());
        status.setItemLabelGenerator(s -> getTranslation("lost.status." + s.name()));
        status.setId("lost-status");
        kind.setLabel(getTranslation("lost.kind"));
        kind.setItems(LostStolenReport.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("lost.kind." + k.name()));
        kind.setId("lost-kind-filter");
        from.setLabel(getTranslation("lost.filter.from"));
        to.setLabel(getTranslation("lost.filter.to"));
        from.setId("lost-from");
        to.setId("lost-to");
        DatePickers.localise(from, to);
        make.setLabel(getTranslation("lost.weapon.make"));
        make.setItems(reference.manufacturers());
        make.setItemLabelGenerator(Manufacturer::name);
        make.setId("lost-make");
        place.setLabel(getTranslation("lost.place"));
        place.setId("lost-place");
        place.setClearButtonVisible(true);
        place.setValueChangeMode(ValueChangeMode.LAZY);
        status.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        make.addValueChangeListener(e -> refresh());
        place.addValueChangeListener(e -> refresh());
    }

    private void columns() {
        DateTimeFormatter day = Dates.dateFormatter(getLocale());
        grid.setId("lost-grid");
        EmptyGrids.say(grid, "empty.lost-stolen");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> day.format(e.report().reportedAt())).setHeader(getTranslation("lost.col.reported-on"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("lost.kind." + e.report().kind().name())).setHeader(getTranslation("lost.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("lost.status." + e.report().status().name()))
                .setHeader(getTranslation("lost.filter.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.report().occurredOn() == null ? "" : day.format(e.report().occurredOn()))
                .setHeader(getTranslation("lost.occurred-on")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.report().place() == null ? "" : e.report().place()).setHeader(getTranslation("lost.place"));
        grid.addColumn(this::weapon).setHeader(getTranslation("lost.col.weapon")).setFlexGrow(2);
        grid.addColumn(e -> e.report().reference() == null ? "" : e.report().reference())
                .setHeader(getTranslation("lost.reference"));
        grid.addColumn(LostStolenEntry::hits).setHeader(getTranslation("lost.col.hits")).setAutoWidth(true).setFlexGrow(0);
    }

    /** The weapon as people name it (make by its display name), marked when it is not in the registry. */
    String weapon(LostStolenEntry e) {
        var f = e.weapon();
        String text = String.join(" ", List.of(reference.makeName(f.makeCode(), f.makeAsRead()),
                f.model() == null ? "" : f.model(), f.serialAsRead())).replaceAll(" +", " ").strip();
        return e.described() ? text + " · " + getTranslation("lost.described") : text;
    }

    LostStolenFilter filter() {
        return new LostStolenFilter(status.getValue(), kind.getValue(), from.getValue(), to.getValue(),
                make.getValue() == null ? null : make.getValue().code(), place.getValue());
    }

    void refresh() {
        data.setFilter(filter());
    }

    private void reportDialog() {
        var dialog = new Dialog(getTranslation("lost.report-described"));
        var form = new LostStolenForm(reference.modelLookup());
        form.addReportListener(e -> {
            var v = e.values();
            try {
                LostStolenReport filed = register.reportDescribed(v.weapon(), v.kind(), v.occurredOn(), v.place(),
                        v.reference(), v.circumstances(),
                        new Provenance("user:" + AuditLog.currentActor(), Provenance.Confidence.MEDIUM));
                dialog.close();
                Notification.show(getTranslation("lost.reported")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(LostStolenReportView.class, filed.id()));
            } catch (IllegalArgumentException ex) {
                form.report.setEnabled(true);
                Notification.show(getTranslation("lost.invalid-weapon")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.add(form);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.lost-stolen");
    }
}
