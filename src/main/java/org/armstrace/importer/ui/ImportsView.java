package org.armstrace.importer.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;
import org.armstrace.base.ContentStore;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.base.ui.UploadTexts;
import org.armstrace.importer.ImportBatch;
import org.armstrace.importer.ImportRows;
import org.armstrace.importer.Issue;
import org.armstrace.importer.IssueReport;
import org.armstrace.importer.MappingProfile;
import org.armstrace.importer.RegistryImports;
import org.armstrace.security.Role;

/**
 * Legacy registry imports for administrators: choose (or edit) a mapping profile, upload an
 * extract, try it as a dry run with its validation report, import it with a live progress bar,
 * and look back at every import with its report. Nothing here writes to the graph itself: the
 * service does, in the background, and this page polls it.
 */
@Route("admin/imports")
@Menu(order = 93, icon = "vaadin:upload", title = "menu.imports")
@RolesAllowed(Role.Names.ADMIN)
public class ImportsView extends VerticalLayout implements HasDynamicTitle {


    private final RegistryImports imports;
    private final ImportRows importRows;
    private final ComboBox<MappingProfile> profile = new ComboBox<>();
    private final Span file = new Span();
    private final Button dryRun = new Button();
    private final Button run = new Button();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Div batchDetails = new Div();
    private final Grid<ImportBatch> history = new Grid<>();
    private volatile RegistryImports.StoredFile stored;
    private String watching;
    private Registration poll;

    public ImportsView(RegistryImports imports, ImportRows importRows) {
        this.imports = imports;
        this.importRows = importRows;
        setMaxWidth("1200px");
        HorizontalLayout profileRow = profileRow();
        Upload upload = upload();
        file.setId("import-file");
        startButtons();

        progress.setId("import-progress");
        progress.setVisible(false);
        progressText.setId("import-progress-text");
        batchDetails.setId("import-batch");
        batchDetails.setWidthFull();

        historyGrid();
        refreshHistory();

        add(new H2(getTranslation("menu.imports")), new Paragraph(getTranslation("imports.intro")), profileRow, upload, file,
                new HorizontalLayout(dryRun, run), progress, progressText, batchDetails,
                new H3(getTranslation("imports.history")), history);
    }

    /** The profile to import with, and the button that edits it (a saved profile is chosen at once). */
    private HorizontalLayout profileRow() {
        profile.setId("import-profile");
        profile.setLabel(getTranslation("imports.profile"));
        profile.setItemLabelGenerator(p -> p.name() + (p.description() == null ? "" : " — " + p.description()));
        profile.setWidth("40em");
        profile.setItems(imports.profiles());
        var edit = new Button(getTranslation("imports.edit-profile"), e -> new ProfileEditor(profile.getValue(), saved -> {
            String name = imports.saveProfile(saved).name();
            var all = imports.profiles();
            profile.setItems(all);
            profile.setValue(all.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null));
        }).open());
        edit.setId("import-edit-profile");
        var profileRow = new HorizontalLayout(profile, edit);
        profileRow.setAlignItems(Alignment.BASELINE);
        return profileRow;
    }

    private Upload upload() {
        // Streamed into the content store as it arrives: an extract of a gigabyte never sits in memory.
        UploadHandler handler = event -> {
            String name = event.getFileName();
            try (var in = event.getInputStream()) {
                var kept = imports.store(name, in);
                stored = kept;
                event.getUI().access(() -> fileChosen(kept, null));
            } catch (ContentStore.TooLarge e) {
                event.getUI().access(() -> fileChosen(null, getTranslation("imports.too-large", imports.maxFileSize() >> 20)));
            }
        };
        var upload = new Upload(handler);
        upload.setId("import-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxFileSize()));
        upload.setAcceptedFileTypes(".csv", ".tsv", ".txt", ".xlsx");
        UploadTexts.translated(upload, getTranslation("imports.too-large", imports.maxFileSize() >> 20));
        upload.addFileRejectedListener(e -> fileChosen(null, e.getErrorMessage()));
        return upload;
    }

    /** Dry run and import: enabled while a profile and a file are chosen and this page is not watching an import. */
    private void startButtons() {
        dryRun.setText(getTranslation("imports.dry-run"));
        dryRun.setId("import-dry-run");
        dryRun.addClickListener(e -> start(true));
        run.setText(getTranslation("imports.run"));
        run.setId("import-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start(false));
        // One click starts one import: the buttons stay off until the page knows what it started.
        dryRun.setDisableOnClick(true);
        run.setDisableOnClick(true);
        enableStart();
        profile.addValueChangeListener(e -> enableStart());
    }

    /** Every import so far; a click shows its details and report. */
    private void historyGrid() {
        history.setId("import-history");
        EmptyGrids.say(history, "empty.imports");
        history.addColumn(b -> Dates.dateTime(b.startedAt(), getLocale())).setHeader(getTranslation("imports.started"))
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ImportBatch::fileName).setHeader(getTranslation("imports.file"));
        history.addColumn(ImportBatch::profileName).setHeader(getTranslation("imports.profile"));
        history.addColumn(b -> getTranslation("imports.status." + b.status()) + (b.dryRun() ? " (" + getTranslation("imports.dry-run") + ")" : ""))
                .setHeader(getTranslation("imports.status"));
        history.addColumn(b -> getTranslation("imports.totals", b.read(), b.accepted(), b.rejected()))
                .setHeader(getTranslation("imports.rows"));
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.addItemClickListener(e -> show(e.getItem().id()));
    }

    private void fileChosen(RegistryImports.StoredFile kept, String error) {
        file.removeClassName("form-errors");
        if (error != null) {
            stored = null;
            file.setText(error);
            file.addClassName("form-errors");
        } else {
            file.setText(getTranslation("imports.file-kept", kept.fileName(), kept.size()));
        }
        enableStart();
    }

    private void enableStart() {
        boolean ready = stored != null && profile.getValue() != null && watching == null;
        dryRun.setEnabled(ready);
        run.setEnabled(ready);
    }

    private void start(boolean dry) {
        if (stored == null || profile.getValue() == null) {
            enableStart();
            return;
        }
        RegistryImports.Started started = imports.start(stored, profile.getValue(), dry);
        if (started.repeated() && started.batch().finished()) {
            progressText.setText(getTranslation("imports.repeated", started.batch().fileName(),
                    Dates.dateTime(started.batch().startedAt(), getLocale())));
            show(started.batch().id());
            enableStart();
            return;
        }
        watch(started.batch().id());
    }

    private void watch(String batchId) {
        watching = batchId;
        enableStart();
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(getTranslation("imports.running"));
        batchDetails.removeAll();
        getUI().ifPresent(ui -> ui.setPollInterval(1_000));
    }

    private void onPoll() {
        if (watching == null) {
            return;
        }
        var p = imports.progress(watching);
        if (p.isPresent()) {
            progress.setIndeterminate(p.get().fraction() < 0);
            progress.setValue(Math.max(0, Math.min(1, p.get().fraction())));
            progressText.setText(getTranslation("imports.progress", p.get().rows(), Math.round(p.get().rowsPerSecond())));
            return;
        }
        ImportBatch b = imports.batch(watching).orElse(null);
        if (b != null && b.status() == ImportBatch.Status.RUNNING) {
            return; // queued behind another import, or not started yet
        }
        String done = watching;
        watching = null;
        progress.setVisible(false);
        progressText.setText("");
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        show(done);
        refreshHistory();
        enableStart();
    }

    private void refreshHistory() {
        history.setItems(imports.history(50));
    }

    /** A count's label; a changed field's count names the kind of record and the field. */
    private String countLabel(String key) {
        int field = key.indexOf(".field.");
        if (field < 0) {
            return getTranslation("imports.count." + key);
        }
        return getTranslation("imports.count.changed-field", getTranslation("imports.kind." + key.substring(0, field)),
                key.substring(field + ".field.".length()));
    }

    /** A batch's totals, what it did per kind of record, its issues, and the report to download. */
    private void show(String batchId) {
        batchDetails.removeAll();
        ImportBatch b = imports.batch(batchId).orElse(null);
        if (b == null) {
            return;
        }
        var title = new H3(b.fileName() + " — " + getTranslation("imports.status." + b.status())
                + (b.dryRun() ? " (" + getTranslation("imports.dry-run") + ")" : ""));
        var totals = new Paragraph(getTranslation("imports.totals", b.read(), b.accepted(), b.rejected()));
        totals.setId("import-totals");
        var counts = new Div();
        counts.setId("import-counts");
        var rows = new Div(getTranslation("imports.row-outcomes", b.read(), b.outcome("created"), b.outcome("merged"),
                b.outcome("review"), b.outcome("rejected"), b.rows("changed"), b.rows("unchanged")));
        rows.setId("import-rows");
        counts.add(rows);
        for (Map.Entry<String, Long> c : b.counts().entrySet()) {
            counts.add(new Div(countLabel(c.getKey()) + ": " + c.getValue()));
        }
        Locale locale = UI.getCurrent().getLocale();
        var csv = new Anchor(report(b, IssueReport.Format.CSV, locale), getTranslation("imports.report-csv"));
        csv.setId("import-report-csv");
        var xlsx = new Anchor(report(b, IssueReport.Format.XLSX, locale), getTranslation("imports.report-xlsx"));
        xlsx.setId("import-report-xlsx");
        var issues = new Grid<Issue>();
        issues.setId("import-issues");
        EmptyGrids.say(issues, "empty.import-issues");
        issues.addColumn(i -> i.line() == 0 ? getTranslation("imports.whole-file") : String.valueOf(i.line()))
                .setHeader(getTranslation("import.report.line")).setAutoWidth(true).setFlexGrow(0);
        issues.addColumn(i -> getTranslation("import.severity." + i.severity())).setHeader(getTranslation("import.report.outcome"))
                .setAutoWidth(true).setFlexGrow(0);
        issues.addColumn(i -> i.column() == null ? "" : i.column()).setHeader(getTranslation("import.report.column"))
                .setAutoWidth(true).setFlexGrow(0);
        issues.addColumn(i -> getTranslation(i.messageKey(), i.args().toArray())).setHeader(getTranslation("import.report.reason"));
        issues.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        issues.setHeight("24em");
        issues.setItems(q -> imports.issues(batchId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, imports.issueCount(batchId)));
        batchDetails.add(title, totals, counts, new H3(getTranslation("imports.row-list")), new BatchRows(importRows, batchId),
                new HorizontalLayout(csv, xlsx), issues);
    }

    private DownloadHandler report(ImportBatch b, IssueReport.Format format, Locale locale) {
        String name = b.fileName().replaceAll("\\.[A-Za-z]+$", "") + "-report." + format.name().toLowerCase(Locale.ROOT);
        return event -> {
            event.setFileName(name);
            event.setContentType(format == IssueReport.Format.CSV ? "text/csv"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            imports.writeReport(b.id(), format, locale, event.getOutputStream());
        };
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        poll = attachEvent.getUI().addPollListener(e -> onPoll());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
        }
        detachEvent.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.imports");
    }
}
