package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.LibreOfficeTest;
import org.armstrace.registry.ExifJpeg;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@ArmsTraceTest
class TraceDocumentsTests {

    static final String FORMULA = "=HYPERLINK(\"http://attacker.example/x\",\"click\")";

    @Autowired
    TraceRequests traces;
    @Autowired
    OutgoingTraces outgoingTraces;
    @Autowired
    TraceIntake traceIntake;
    @Autowired
    TraceDocuments documents;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Photos photos;
    @Autowired
    AuditLog audit;
    /** The weapon of the request {@link #outgoingWith} made last. */
    private String lastWeaponId;

    @Test
    void an_outgoing_request_exports_as_xlsx_and_docx_with_number_stamp_markings_and_its_five_photos() throws Exception {
        TraceRequest t = outgoingWithPhotos(5);

        var xlsx = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, TraceDocuments.Format.XLSX));
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            String text = cells(wb);
            assertThat(text).contains(t.number(), "Generated at", "International tracing request",
                    "PROOF: ZCZ (left side of frame, RS, 1990)", "Serbia (RS)");
            assertThat(text).containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(wb.getAllPictures()).hasSize(5);
        }
        var docx = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, TraceDocuments.Format.DOCX));
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.content()));
             var extractor = new XWPFWordExtractor(doc)) {
            assertThat(doc.getHeaderList().getFirst().getText()).contains(t.number(), "Generated at");
            assertThat(extractor.getText()).contains(t.weaponSerial(), "PROOF: ZCZ", "Legal basis");
            assertThat(doc.getAllPictures()).hasSize(5);
        }
        assertThat(xlsx.document().fileName()).isEqualTo(t.number() + "-request.xlsx");
    }

    @Test
    void a_photo_with_a_gps_position_goes_into_both_documents_without_exif_while_the_stored_original_keeps_it()
            throws Exception {
        byte[] taken = ExifJpeg.withGps(320, 240, 6);
        TraceRequest t = outgoingWith(List.of(taken));
        byte[] gps = ExifJpeg.GPS_MARKER.getBytes(StandardCharsets.US_ASCII);

        var xlsx = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, TraceDocuments.Format.XLSX));
        var docx = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, TraceDocuments.Format.DOCX));

        List<byte[]> embedded = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()));
             var doc = new XWPFDocument(new ByteArrayInputStream(docx.content()))) {
            wb.getAllPictures().forEach(p -> embedded.add(p.getData()));
            doc.getAllPictures().forEach(p -> embedded.add(p.getData()));
        }
        assertThat(embedded).hasSize(2).allSatisfy(image -> {
            assertThat(ExifJpeg.contains(image, gps)).as("GPS bytes").isFalse();
            assertThat(ExifJpeg.contains(image, ExifJpeg.EXIF_HEADER)).as("EXIF segment").isFalse();
            assertThat(ImageIO.read(new ByteArrayInputStream(image)).getHeight()).as("turned upright").isEqualTo(320);
        });
        assertThat(ExifJpeg.contains(xlsx.content(), gps)).isFalse();
        assertThat(ExifJpeg.contains(docx.content(), gps)).isFalse();
        byte[] original = Actors.analyst(() -> photos.content(photos.list(lastWeaponId).getFirst()));
        assertThat(original).isEqualTo(taken);
        assertThat(ExifJpeg.contains(original, gps)).isTrue();
    }

    @Test
    void a_value_typed_as_a_formula_stays_text_in_the_workbook() throws Exception {
        TraceRequest t = outgoingWithPhotos(0);

        var xlsx = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, TraceDocuments.Format.XLSX));
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            var found = new ArrayList<Cell>();
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(FORMULA)) {
                    found.add(cell);
                }
            })));
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void every_document_is_kept_as_produced_listed_on_the_request_and_audited() {
        TraceRequest t = outgoingWithPhotos(1);
        var produced = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, TraceDocuments.Format.DOCX));

        var kept = Actors.analyst(() -> documents.documents(t.id()));
        assertThat(kept).extracting(TraceDocuments.Document::sha256).containsExactly(produced.document().sha256());
        assertThat(Actors.analyst(() -> documents.content(kept.getFirst()))).isEqualTo(produced.content());
        assertThat(Actors.analyst(() -> audit.about("TraceRequest:" + t.id(), 100)))
                .extracting(AuditEvent::action).contains("trace.created", "trace.document");
    }

    @Test
    void a_partner_request_has_a_receipt_at_once_and_an_answer_document_only_once_approved() {
        TraceRequest t = Actors.intake(() -> traceIntake.receive(TraceRequestsTests.incoming("AL",
                Priority.URGENT, null)));

        assertThat(Actors.analyst(() -> documents.available(t.id()))).containsExactly(TraceDocuments.Kind.RECEIPT);
        var receipt = Actors.intake(() -> documents.produce(t.id(), TraceDocuments.Kind.RECEIPT,
                TraceDocuments.Format.DOCX));
        assertThat(receipt.content()).isNotEmpty();
        assertThatThrownBy(() -> Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.ANSWER,
                TraceDocuments.Format.DOCX))).hasMessage("trace.answer-not-approved");
        assertThatThrownBy(() -> Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST,
                TraceDocuments.Format.XLSX))).hasMessage("trace.document-not-available");
        assertThat(Actors.analyst(() -> documents.documents(t.id()))).hasSize(1);
    }

    /** LibreOffice is the strictest reader at hand: both formats must convert without complaint. */
    @Test
    @LibreOfficeTest
    void both_formats_open_in_libreoffice(@TempDir Path dir) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/soffice"))) {
            // On CI a missing LibreOffice is a broken install step (.ci/run), not a reason to skip.
            Assumptions.assumeFalse(System.getenv("CI") == null, "LibreOffice is not installed");
            throw new IllegalStateException("LibreOffice is not installed at /usr/bin/soffice (see .ci/run)");
        }
        TraceRequest t = outgoingWithPhotos(2);
        // One LibreOffice run converts both files: a start of LibreOffice costs more than the conversions.
        var command = new ArrayList<>(List.of("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString()));
        var pdfs = new ArrayList<Path>();
        for (var format : TraceDocuments.Format.values()) {
            var produced = Actors.analyst(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, format));
            Path file = dir.resolve(produced.document().fileName());
            Files.write(file, produced.content());
            command.add(file.toString());
            pdfs.add(dir.resolve(produced.document().fileName().replaceAll("\\.\\w+$", ".pdf")));
        }
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(pdfs).hasSize(2);
        for (Path pdf : pdfs) {
            assertThat(pdf).as(output).exists();
            assertThat(Files.size(pdf)).as(pdf.toString()).isGreaterThan(1000);
        }
    }

    private TraceRequest outgoingWithPhotos(int count) {
        var images = new ArrayList<byte[]>();
        for (int n = 0; n < count; n++) {
            images.add(jpeg(1600, 1200, n));
        }
        return outgoingWith(images);
    }

    private TraceRequest outgoingWith(List<byte[]> images) {
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Zastava", "M70", "7.65 Browning",
                "DOC-" + UUID.randomUUID().toString().substring(0, 6), "RS", 1990,
                List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.PROOF, "ZCZ", "left side of frame", "RS", 1990))),
                new Provenance("user:analyst1", Provenance.Confidence.HIGH)));
        lastWeaponId = f.id();
        for (int i = 0; i < images.size(); i++) {
            int n = i;
            Actors.analyst(() -> photos.attach(f.id(), images.get(n), "photo" + n + ".jpg", "Side " + n,
                    new Provenance("user:analyst1", Provenance.Confidence.HIGH)));
        }
        NewTraceRequest filled = Actors.analyst(() -> outgoingTraces.outgoingFor(f.id())).orElseThrow();
        return Actors.analyst(() -> outgoingTraces.draft(new NewTraceRequest(Direction.OUTGOING, "RS", null, Priority.ROUTINE,
                filled.weaponType(), filled.weaponMake(), filled.weaponModel(), filled.weaponCalibre(),
                filled.weaponSerial(), filled.weaponCountry(), FORMULA, "Criminal Procedure Code art. 212",
                "Criminal investigation", "Seized in a vehicle check", NewTraceRequest.Channel.MANUAL, null, f.id())));
    }

    static byte[] jpeg(int width, int height, int seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        var random = new Random(seed);
        // Noise, so the JPEG is as large as a camera's rather than a few kilobytes of flat colour.
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x < width; x += 8) {
                g.setColor(new Color(random.nextInt(0xffffff)));
                g.fillRect(x, y, 8, 8);
            }
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String cells(XSSFWorkbook wb) {
        var text = new StringBuilder();
        wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n'))));
        return text.toString();
    }
}
