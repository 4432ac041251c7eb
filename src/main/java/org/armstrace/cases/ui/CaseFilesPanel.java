package org.armstrace.cases.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.BoundedUpload;
import org.armstrace.base.ui.UploadTexts;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseAttachments;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.Cases;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;

/**
 * A case's attachments (uploaded as photos are: to a temporary file, refused once past the limit,
 * checked by content) and its history: the status moves with their reasons and the audit trail.
 */
class CaseFilesPanel extends VerticalLayout {

    final Div files = new Div();
    final Upload upload;
    private final Case c;
    private final CaseAttachments attachments;

    CaseFilesPanel(Case c, CaseAttachments attachments, Cases cases, AuditLog audit) {
        this.c = c;
        this.attachments = attachments;
        setPadding(false);
        files.setId("case-attachments");
        upload = new Upload(new BoundedUpload(attachments.maxBytes(), (event, file) -> {
            try {
                attachments.attach(c.number(), Files.readAllBytes(file), event.getFileName());
                event.getUI().access(this::showFiles);
            } catch (CaseRejected ex) {
                event.getUI().access(() -> refused(getTranslation(ex.getMessage(), ex.args())));
            }
        }, event -> event.getUI().access(() -> refused(getTranslation("cases.attachment-too-large",
                attachments.maxMegabytes())))));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, attachments.maxBytes()));
        upload.setId("case-attachment-upload");
        UploadTexts.translated(upload, getTranslation("cases.attachment-too-large", attachments.maxMegabytes()));
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));

        var history = new Div();
        history.setId("case-history");
        for (Cases.Transition t : cases.history(c.number())) {
            history.add(new Paragraph(getTranslation("cases.transition", Dates.dateTime(t.at(), getLocale()), t.by(),
                    getTranslation("cases.status." + t.to().name()), t.reason())));
        }
        var trail = new Div();
        trail.setId("case-audit");
        for (AuditEvent e : audit.about("Case:" + c.number(), 200)) {
            trail.add(new Div(new Span(Dates.timestamp(e.at(), getLocale()) + " · " + e.actor() + " · " + e.action() + " · " + e.details())));
        }
        add(new H3(getTranslation("cases.attachments")), files, upload, new H3(getTranslation("cases.history")), history,
                new H3(getTranslation("cases.audit")), trail);
        showFiles();
    }

    private void showFiles() {
        files.removeAll();
        for (CaseAttachments.Attachment a : attachments.list(c.number())) {
            String name = a.fileName() == null || a.fileName().isBlank() ? a.sha256().substring(0, 12) : a.fileName();
            var link = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                    new ByteArrayInputStream(attachments.content(c.number(), a.id())), name, a.contentType(), a.size())), name);
            files.add(new Div(link, new Span(" · " + getTranslation("cases.attached-by", a.by(), Dates.dateTime(a.at(), getLocale()), a.size()))));
        }
    }

    private void refused(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
