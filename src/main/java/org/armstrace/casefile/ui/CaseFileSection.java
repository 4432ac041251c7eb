package org.armstrace.casefile.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.PageSection;
import org.armstrace.casefile.CaseFile;
import org.armstrace.casefile.CaseFiles;
import org.armstrace.cases.CaseRejected;
import org.springframework.core.annotation.Order;

/**
 * On a case's page, for those who may produce it (analysts and supervisors): the action that
 * produces the case file and its package, and every production with both files to download again
 * as they were handed out.
 */
@org.springframework.stereotype.Component
@Order(20)
class CaseFileSection implements PageSection {

    private final CaseFiles files;

    CaseFileSection(CaseFiles files) {
        this.files = files;
    }

    @Override
    public String page() {
        return "case";
    }

    @Override
    public Optional<Component> create(String number) {
        if (!CaseFiles.mayProduce()) {
            return Optional.empty();
        }
        return Optional.of(new Panel(number));
    }

    private final class Panel extends VerticalLayout {

        final Div produced = new Div();
        private final String number;

        Panel(String number) {
            this.number = number;
            setPadding(false);
            setId("case-file");
            produced.setId("case-files-produced");
            var produce = new Button(getTranslation("casefile.produce"), e -> produce());
            produce.setId("case-file-produce");
            produce.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            produce.setDisableOnClick(true);
            produce.addClickListener(e -> produce.setEnabled(true));
            add(new H3(getTranslation("casefile.heading")), new Paragraph(getTranslation("casefile.explain")), produce,
                    produced);
            show();
        }

        private void produce() {
            try {
                CaseFiles.Produced p = files.produce(number, getLocale());
                Notification.show(getTranslation("casefile.produced-notice", p.file().docxName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show();
            } catch (CaseRejected rejected) {
                Notification.show(getTranslation(rejected.getMessage(), rejected.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }

        private void show() {
            produced.removeAll();
            List<CaseFile> all = files.productions(number);
            if (all.isEmpty()) {
                produced.add(new Paragraph(getTranslation("casefile.none-produced")));
            }
            boolean newest = true;
            for (CaseFile f : all) {
                var docx = download(f, false);
                var zip = download(f, true);
                if (newest) {
                    docx.setId("case-file-docx");
                    zip.setId("case-file-zip");
                    newest = false;
                }
                var row = new Div(docx, new Span(" · "), zip, new Span(" · " + getTranslation("casefile.production",
                        Dates.dateTime(f.at(), getLocale()), f.by(), f.entities(), f.docxSha256(), f.zipSha256())));
                row.addClassName("case-file-production");
                produced.add(row);
            }
        }

        private Anchor download(CaseFile f, boolean zip) {
            String name = zip ? f.zipName() : f.docxName();
            var link = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                    new ByteArrayInputStream(files.content(f, zip)), name, zip ? CaseFiles.ZIP : CaseFiles.DOCX,
                    zip ? f.zipSize() : f.docxSize())), getTranslation(zip ? "casefile.download-zip" : "casefile.download-docx"));
            link.getElement().setAttribute("download", name);
            return link;
        }
    }
}
