package org.armstrace.tracing;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Export of one outgoing request with five camera-sized photos, as XLSX and as DOCX: the whole
 * call the request page makes (graph reads, photos read and checked against their hashes, layout,
 * the file kept by hash, the :TraceDocument and the audit event).
 *
 * <pre>./mvnw test -Dtest=TraceExportBenchmark -Dbench.excluded=none [-Dbench.exports=30 -Dbench.photo-width=4000]</pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class TraceExportBenchmark {

    @Autowired
    TraceRequests traces;
    @Autowired
    OutgoingTraces outgoingTraces;
    @Autowired
    TraceDocuments documents;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Photos photos;

    @Test
    void export_of_one_request_with_five_photos() {
        int exports = Integer.getInteger("bench.exports", 30);
        int width = Integer.getInteger("bench.photo-width", 4000);
        int height = width * 3 / 4;
        TraceRequest t = as(() -> {
            Firearm f = firearms.register(new NewFirearm("pistol", "Zastava", "M70", "7.65 Browning",
                    "BENCH-" + UUID.randomUUID().toString().substring(0, 6), "RS", 1990,
                    List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.PROOF, "ZCZ", "left side", "RS", 1990))),
                    new Provenance("bench", Provenance.Confidence.HIGH));
            long bytes = 0;
            long attachNanos = 0;
            for (int i = 0; i < 5; i++) {
                byte[] jpeg = TraceDocumentsTests.jpeg(width, height, i);
                bytes += jpeg.length;
                long t0 = System.nanoTime();
                photos.attach(f.id(), jpeg, "photo" + i + ".jpg", "Side " + i, new Provenance("bench",
                        Provenance.Confidence.HIGH));
                attachNanos += System.nanoTime() - t0;
            }
            // Attaching makes the thumbnail and the document-sized copy: the cost moved out of the export.
            System.out.printf("export: 5 photos of %d×%d, %.1f MB in all; attach %.0f ms a photo%n", width, height,
                    bytes / 1e6, attachNanos / 5e6);
            NewTraceRequest r = outgoingTraces.outgoingFor(f.id()).orElseThrow();
            return outgoingTraces.draft(new NewTraceRequest(Direction.OUTGOING, "RS", null, Priority.ROUTINE, r.weaponType(),
                    r.weaponMake(), r.weaponModel(), r.weaponCalibre(), r.weaponSerial(), r.weaponCountry(),
                    "Recovered at a crime scene", "ITI", "Criminal investigation", r.circumstances(),
                    NewTraceRequest.Channel.MANUAL, null, f.id()));
        });
        for (TraceDocuments.Format format : TraceDocuments.Format.values()) {
            for (int i = 0; i < 5; i++) { // warm-up: class loading, JIT
                as(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, format));
            }
            long[] nanos = new long[exports];
            long size = 0;
            for (int i = 0; i < exports; i++) {
                long t0 = System.nanoTime();
                size = as(() -> documents.produce(t.id(), TraceDocuments.Kind.REQUEST, format)).content().length;
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("export %s: %d exports: p50 %.0f ms  p95 %.0f ms  max %.0f ms; document %.1f MB; "
                            + "heap in use %d MB%n", format, exports, nanos[exports / 2] / 1e6,
                    nanos[(int) Math.min(exports - 1, Math.ceil(exports * 0.95) - 1)] / 1e6, nanos[exports - 1] / 1e6,
                    size / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static <T> T as(Supplier<T> action) {
        return Actors.analyst(action);
    }
}
