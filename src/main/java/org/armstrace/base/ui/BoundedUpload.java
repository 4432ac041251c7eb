package org.armstrace.base.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload handler that writes the file to a temporary file while it arrives and stops reading
 * as soon as more than {@code maxBytes} have come: the browser's own size check is a courtesy, a
 * hand-made request can claim anything or nothing. Vaadin's {@code UploadHandler.inMemory} would
 * collect the whole body on the heap first, so one large request could exhaust it.
 *
 * <p>The receiver runs on the upload's request thread while the temporary file exists; the file
 * is deleted afterwards (and at once when the upload is refused), so nothing is left behind.
 */
public final class BoundedUpload implements UploadHandler {

    /** What to do with a file that arrived whole and within the limit. */
    @FunctionalInterface
    public interface Receiver {
        void received(UploadEvent event, Path file) throws IOException;
    }

    /** Told that an upload was refused as too large (for a notification in the user's language). */
    @FunctionalInterface
    public interface TooLarge {
        void refused(UploadEvent event);
    }

    private static final int BUFFER = 64 * 1024;
    /** The multipart envelope (boundaries, headers) around the file in a request. */
    private static final long ENVELOPE = 64 * 1024;

    private final long maxBytes;
    private final Receiver receiver;
    private final TooLarge tooLarge;

    public BoundedUpload(long maxBytes, Receiver receiver, TooLarge tooLarge) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.receiver = receiver;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        // A declared size over the limit is refused before a byte is read.
        if (event.getFileSize() > maxBytes) {
            refuse(event);
            return;
        }
        Path file = Files.createTempFile("armstrace-upload-", ".part");
        try {
            long copied;
            try (InputStream in = event.getInputStream()) {
                copied = copyAtMost(in, file, maxBytes);
            }
            if (copied < 0) {
                refuse(event);
                return;
            }
            receiver.received(event, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void refuse(UploadEvent event) {
        event.reject("too large");
        tooLarge.refused(event);
    }

    /**
     * Copies {@code in} into {@code target}, reading no more than {@code maxBytes} + one buffer.
     * Returns the number of bytes copied, or -1 when the stream held more than {@code maxBytes}:
     * then reading stopped there and the partial file is emptied.
     */
    public static long copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
        long total = 0;
        try (var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (total > maxBytes) {
            Files.write(target, new byte[0]);
            return -1;
        }
        return total;
    }

    /** Vaadin checks these against a multipart request's parts before calling this handler. */
    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + ENVELOPE;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
