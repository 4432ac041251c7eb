package org.armstrace.recovery.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.Recovery;
import org.armstrace.recovery.RecoveryFilter;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.security.Role;

/**
 * The analysts' queue of recoveries: newest first, filtered by date, kind, municipality and status,
 * loaded page by page. "New" recoveries are the ones waiting for tracing; the count refreshes
 * every half minute while the view is open.
 */
@Route("recoveries")
@Menu(order = 21, title = "menu.recoveries", icon = "vaadin:list")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE, Role.Names.FIELD_OFFICER})
public class RecoveriesView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> STATUSES = List.of("NEW", "IN_REVIEW", "IDENTIFIED");

    private final Recoveries recoveries;
    private final Municipalities municipalities;
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final ComboBox<RecoveryKind> kind = new ComboBox<>();
    final ComboBox<Municipalities.Municipality> municipality = new ComboBox<>();
    final ComboBox<String> status = new ComboBox<>();
    final Grid<Recovery> grid = new Grid<>();
    final Span waiting = new Span();
    private final ConfigurableFilterDataProvider<Recovery, Void, RecoveryFilter> data;
    private Registration poll;

    public RecoveriesView(Recoveries recoveries, Municipalities municipalities) {
        this.recoveries = recoveries;
        this.municipalities = municipalities;
        setSizeFull();
        from.setLabel(getTranslation("recoveries.from"));
        to.setLabel(getTranslation("recoveries.to"));
        kind.setLabel(getTranslation("recovery.kind"));
        kind.setItems(RecoveryKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("recovery.kind." + k.name()));
        municipality.setLabel(getTranslation("recovery.municipality"));
        municipality.setItems(municipalities.all());
        municipality.setItemLabelGenerator(m -> m.name(getLocale()));
        municipality.setVisible(!municipalities.all().isEmpty());
        status.setLabel(getTranslation("recoveries.status"));
        status.setItems(STATUSES);
        status.setItemLabelGenerator(s -> getTranslation("recovery.status." + s));
        from.setId("recoveries-from");
        to.setId("recoveries-to");
        DatePickers.localise(from, to);
        kind.setId("recoveries-kind");
        municipality.setId("recoveries-municipality");
        status.setId("recoveries-status");
        waiting.setId("recoveries-waiting");
        waiting.addClassName("badge");

        CallbackDataProvider<Recovery, RecoveryFilter> provider = DataProvider.fromFilteringCallbacks(
                q -> recoveries.list(q.getFilter().orElse(RecoveryFilter.ALL), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, recoveries.count(q.getFilter().orElse(RecoveryFilter.ALL))));
        data = provider.withConfigurableFilter();
        var when = Dates.dateTimeFormatter(getLocale());
        grid.setId("recoveries-grid");
        EmptyGrids.say(grid, "empty.recoveries");
        grid.addColumn(r -> when.format(r.at())).setHeader(getTranslation("recovery.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation("recovery.kind." + r.kind().name())).setHeader(getTranslation("recovery.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.place() == null || r.place().municipality() == null ? "" : municipalities
                .find(r.place().municipality()).map(m -> m.name(getLocale())).orElse(r.place().municipality()))
                .setHeader(getTranslation("recovery.municipality")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("recovery.status." + r.status())).setHeader(getTranslation("recoveries.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Recovery::openCandidates).setHeader(getTranslation("recoveries.open-candidates")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.caseReference() == null ? "" : r.caseReference()).setHeader(getTranslation("recovery.case"));
        grid.addColumn(Recovery::recordedBy).setHeader(getTranslation("recoveries.recorded-by")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(data);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RecoveryView.class, e.getItem().id())));

        for (var field : List.of(from, to)) {
            field.addValueChangeListener(e -> refresh());
        }
        kind.addValueChangeListener(e -> refresh());
        municipality.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        var filters = new FlexLayout(from, to, kind, municipality, status);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("menu.recoveries")), waiting, filters, grid);
        expand(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().setPollInterval(30_000);
        poll = attachEvent.getUI().addPollListener(e -> showWaiting());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
        super.onDetach(detachEvent);
    }

    RecoveryFilter filter() {
        return new RecoveryFilter(from.getValue(), to.getValue(), kind.getValue(),
                municipality.getValue() == null ? null : municipality.getValue().code(), status.getValue());
    }

    private void refresh() {
        data.setFilter(filter());
        showWaiting();
    }

    private void showWaiting() {
        long n = recoveries.count(new RecoveryFilter(null, null, null, null, "NEW"));
        waiting.setText(getTranslation("recoveries.waiting", n));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.recoveries");
    }
}
