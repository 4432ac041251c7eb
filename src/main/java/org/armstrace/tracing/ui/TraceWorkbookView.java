package org.armstrace.tracing.ui;

import static org.armstrace.tracing.TraceDocuments.Format.XLSX;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.base.ui.UploadTexts;
import org.armstrace.security.Role;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceWorkbook;
import org.armstrace.tracing.TransitionRefused;
import org.armstrace.tracing.WorkbookIntake;

/**
 * Partners' requests by workbook: the template to send them, and the upload of a filled one. A
 * workbook with any problem is refused whole, with every problem named by its cell; a clean one is
 * received whole, and its new request numbers are listed.
 */
@Route("tracing/workbook")
@Menu(order = 32, title = "menu.trace-workbook", icon = "vaadin:file-table")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class TraceWorkbookView extends VerticalLayout implements HasDynamicTitle {

    private final Div result = new Div();

    public TraceWorkbookView(WorkbookIntake intake) {
        setMaxWidth("1000px");
        byte[] template = TraceWorkbook.template();
        var download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(template), "trace-request-workbook.xlsx", XLSX.contentType, template.length)),
                getTranslation("workbook.template"));
        download.setId("workbook-template");
        // Read as a stream: the reader stops one byte past the limit, however large the upload.
        UploadHandler handler = event -> {
            WorkbookIntake.Outcome outcome;
            try (var in = event.getInputStream()) {
                outcome = intake.receive(in);
            } catch (TransitionRefused e) {
                event.getUI().access(() -> show(null, getTranslation(e.getMessage())));
                return;
            }
            event.getUI().access(() -> show(outcome, null));
        };
        var upload = new Upload(handler);
        upload.setAcceptedFileTypes(XLSX.contentType, ".xlsx");
        upload.setMaxFileSize((int) TraceWorkbook.MAX_BYTES);
        upload.setId("workbook-upload");
        UploadTexts.translated(upload, getTranslation("workbook.too-large", String.valueOf(TraceWorkbook.MAX_BYTES >> 20)));
        upload.setDropLabel(new Span(getTranslation("workbook.upload")));
        // Refused in the browser (size, type): said where the result of an upload would be.
        upload.addFileRejectedListener(e -> show(null, e.getErrorMessage()));
        result.setId("workbook-result");
        add(new H2(getTranslation("menu.trace-workbook")), download, upload, result);
    }

    private void show(WorkbookIntake.Outcome outcome, String error) {
        result.removeAll();
        if (error != null) {
            result.add(new Paragraph(error));
            return;
        }
        if (outcome.ok()) {
            result.add(new Paragraph(getTranslation("workbook.received", outcome.received().size())));
            var list = new Div();
            list.setId("workbook-received");
            for (TraceRequest t : outcome.received()) {
                var link = new Anchor("tracing/request/" + t.id(), t.number());
                list.add(new Div(link));
            }
            result.add(list);
            return;
        }
        var heading = new Paragraph(getTranslation("workbook.rejected"));
        heading.addClassName("form-errors");
        var problems = new Grid<TraceWorkbook.Problem>();
        problems.setId("workbook-problems");
        EmptyGrids.say(problems, "empty.workbook-problems");
        problems.addColumn(p -> p.cell() == null ? getTranslation("workbook.whole") : p.cell())
                .setHeader(getTranslation("workbook.cell")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.key(), p.args().toArray())).setHeader(getTranslation("workbook.problem"));
        problems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        problems.setAllRowsVisible(true);
        problems.setItems(outcome.problems());
        result.add(heading, problems);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.trace-workbook");
    }
}
