package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.armstrace.base.ui.BoundedUpload;
import org.armstrace.base.ui.UploadTexts;
import org.armstrace.intelligence.ChartInterchange;
import org.armstrace.intelligence.ChartMatches;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.IntelligenceRejected;
import org.armstrace.intelligence.PartnerChart;

/**
 * A partner's i2 chart beside the link chart: the upload (refused past the limit while it
 * arrives), then one row per proposed match of each of its entities, each with its own Accept.
 * Nothing is merged by the panel: accepting asks {@link ChartInterchange#accept} for one match.
 * The view draws the overlay ({@link #onOverlay}) and the accepted links ({@link #onAccepted}).
 */
final class PartnerOverlayPanel extends VerticalLayout {

    /** One proposal of one of the partner's entities. */
    record Row(String anxId, String label, ChartMatches.Proposal proposal) {
    }

    final Upload upload;
    final Span summary = new Span();
    final Grid<Row> proposals = new Grid<>();
    final Button clear = new Button();
    private final ChartInterchange interchange;
    private ChartInterchange.Overlay overlay;
    private final Map<String, String> accepted = new HashMap<>();
    private Consumer<ChartInterchange.Overlay> onOverlay = o -> { };
    private BiConsumer<String, String> onAccepted = (a, r) -> { };
    private Runnable onCleared = () -> { };

    PartnerOverlayPanel(ChartInterchange interchange) {
        this.interchange = interchange;
        setPadding(false);
        setSpacing(false);
        long megabytes = Math.max(1, interchange.maxBytes() >> 20);
        upload = new Upload(new BoundedUpload(interchange.maxBytes(), (event, file) -> {
            try (InputStream in = Files.newInputStream(file)) {
                ChartInterchange.Overlay taken = interchange.importAnx(event.getFileName(), in);
                event.getUI().access(() -> show(taken));
            } catch (IntelligenceRejected refused) {
                event.getUI().access(() -> refused(getTranslation(refused.getMessage())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, event -> event.getUI().access(() -> refused(getTranslation("chart.anx-too-large", megabytes)))));
        upload.setId("chart-anx-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, interchange.maxBytes()));
        upload.setAcceptedFileTypes(".anx", ".xml");
        upload.setUploadButton(new Button(getTranslation("chart.import-anx", megabytes)));
        UploadTexts.translated(upload, getTranslation("chart.anx-too-large", megabytes));
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        summary.setId("chart-overlay-summary");
        proposals.setId("chart-overlay-proposals");
        proposals.addColumn(Row::label).setHeader(getTranslation("chart.overlay.entity")).setAutoWidth(true);
        proposals.addColumn(r -> r.proposal().caption() + " (" + r.proposal().ref() + ")")
                .setHeader(getTranslation("chart.overlay.proposal")).setAutoWidth(true);
        proposals.addColumn(r -> getTranslation(r.proposal().reason())).setHeader(getTranslation("chart.overlay.reason"));
        proposals.addColumn(r -> String.format(Locale.ROOT, "%.2f", r.proposal().score()))
                .setHeader(getTranslation("chart.overlay.score"));
        proposals.addComponentColumn(this::acceptButton);
        proposals.setAllRowsVisible(true);
        clear.setText(getTranslation("chart.overlay.clear"));
        clear.setId("chart-overlay-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> clear());
        add(new HorizontalLayout(upload, summary, clear), proposals);
        clear();
    }

    void onOverlay(Consumer<ChartInterchange.Overlay> listener) {
        this.onOverlay = listener;
    }

    void onAccepted(BiConsumer<String, String> listener) {
        this.onAccepted = listener;
    }

    void onCleared(Runnable listener) {
        this.onCleared = listener;
    }

    /** Shows an imported chart and its proposals; the view draws it. */
    void show(ChartInterchange.Overlay taken) {
        overlay = taken;
        accepted.clear();
        PartnerChart chart = taken.chart();
        summary.setText(getTranslation("chart.overlay-title", taken.fileName(), chart.entities().size(),
                chart.links().size()));
        var rows = new ArrayList<Row>();
        for (PartnerChart.Item item : chart.entities()) {
            taken.proposals().getOrDefault(item.id(), List.of()).forEach(p -> rows.add(new Row(item.id(), item.label(), p)));
        }
        proposals.setItems(rows);
        proposals.setVisible(true);
        clear.setVisible(true);
        onOverlay.accept(taken);
    }

    /** Accepts one proposal: written by the service, then drawn. */
    void accept(Row row) {
        try {
            interchange.accept(overlay.importId(), row.anxId(), EntityRef.parse(row.proposal().ref()));
        } catch (IntelligenceRejected refused) {
            refused(getTranslation(refused.getMessage()));
            return;
        }
        accepted.put(row.anxId(), row.proposal().ref());
        proposals.getDataProvider().refreshAll();
        summary.setText(getTranslation("chart.overlay.accepted", row.label(), row.proposal().caption(), overlay.fileName()));
        onAccepted.accept(row.anxId(), row.proposal().ref());
    }

    ChartInterchange.Overlay overlay() {
        return overlay;
    }

    private Button acceptButton(Row row) {
        var accept = new Button(getTranslation("chart.overlay.accept"), e -> accept(row));
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL);
        // One record per partner entity: once one is accepted, the entity's other proposals are closed.
        accept.setEnabled(!accepted.containsKey(row.anxId()));
        return accept;
    }

    private void clear() {
        overlay = null;
        accepted.clear();
        summary.setText("");
        proposals.setItems(List.of());
        proposals.setVisible(false);
        clear.setVisible(false);
        upload.clearFileList();
        onCleared.run();
    }

    private void refused(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
