package org.armstrace.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The photo upload handler against a real stream of a gigabyte, generated as it is read and never
 * held: the handler must stop reading just past the limit, keep nothing on disk, and not grow the
 * heap by the body's size. ({@code UploadHandler.inMemory}, used before, read all of it into one array.)
 */
class BoundedUploadTest {

    static final long GIGABYTE = 1L << 30;
    static final long LIMIT = 20L << 20;

    @Test
    void a_gigabyte_upload_is_refused_after_reading_barely_more_than_the_limit_and_leaves_no_file() throws Exception {
        var body = new GeneratedStream(GIGABYTE);
        var received = new ArrayList<Path>();
        var refused = new ArrayList<String>();
        var handler = new BoundedUpload(LIMIT, (event, file) -> received.add(file),
                event -> refused.add(event.getFileName()));
        var event = event("huge.jpg", -1, body);
        List<Path> before = leftovers();
        long heapBefore = usedHeapAfterGc();

        handler.handleUploadRequest(event);

        long heapAfter = usedHeapAfterGc();
        assertThat(refused).containsExactly("huge.jpg");
        assertThat(received).isEmpty();
        assertThat(event.isRejected()).isTrue();
        assertThat(body.read.get()).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 64 * 1024);
        assertThat(leftovers()).isEqualTo(before);
        assertThat(heapAfter - heapBefore).isLessThan(64L << 20);
    }

    @Test
    void a_photo_within_the_limit_reaches_the_receiver_whole_and_its_temporary_file_is_gone_afterwards() throws Exception {
        var sizes = new ArrayList<Long>();
        var files = new ArrayList<Path>();
        var handler = new BoundedUpload(LIMIT, (event, file) -> {
            sizes.add(Files.size(file));
            files.add(file);
        }, event -> sizes.add(-1L));

        handler.handleUploadRequest(event("IMG_0042.jpg", LIMIT, new GeneratedStream(LIMIT)));

        assertThat(sizes).containsExactly(LIMIT);
        assertThat(files.getFirst()).doesNotExist();
    }

    @Test
    void a_declared_size_over_the_limit_is_refused_before_a_byte_is_read() throws Exception {
        var body = new GeneratedStream(GIGABYTE);
        var refused = new ArrayList<String>();
        var handler = new BoundedUpload(LIMIT, (event, file) -> refused.add("received"), event -> refused.add("refused"));

        handler.handleUploadRequest(event("huge.jpg", GIGABYTE, body));

        assertThat(refused).containsExactly("refused");
        assertThat(body.read.get()).isZero();
    }

    private static UploadEvent event(String name, long declared, InputStream body) {
        return new UploadEvent(null, null, null, name, declared, "image/jpeg", null, new StreamPart(name, body));
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("armstrace-upload-")).sorted().toList();
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code size} bytes made as they are read, counting how many were. */
    static final class GeneratedStream extends InputStream {
        final AtomicLong read = new AtomicLong();
        private final long size;

        GeneratedStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read.get() >= size) {
                return -1;
            }
            read.incrementAndGet();
            return 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0xFF);
            read.addAndGet(n);
            return n;
        }
    }

    /** A multipart part as the servlet container hands it over: a name and a stream. */
    private record StreamPart(String name, InputStream body) implements Part {
        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public String getContentType() {
            return "image/jpeg";
        }

        @Override
        public String getName() {
            return "file";
        }

        @Override
        public String getSubmittedFileName() {
            return name;
        }

        @Override
        public long getSize() {
            return -1;
        }

        @Override
        public void write(String fileName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete() {
        }

        @Override
        public String getHeader(String header) {
            return null;
        }

        @Override
        public Collection<String> getHeaders(String header) {
            return List.of();
        }

        @Override
        public Collection<String> getHeaderNames() {
            return List.of();
        }
    }
}
