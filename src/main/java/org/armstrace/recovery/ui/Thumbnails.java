package org.armstrace.recovery.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.armstrace.registry.Photos;

/** The small image of a photo for galleries: the JPEG thumbnail, or the original where none could be made. */
final class Thumbnails {

    private Thumbnails() {
    }

    static DownloadHandler of(Photos photos, String sha256, String contentType) {
        return DownloadHandler.fromInputStream(e -> {
            byte[] bytes = photos.thumbnail(sha256);
            // Photos.thumbnail falls back to the original (WebP), whose own type then applies.
            boolean jpeg = bytes.length > 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
            return new DownloadResponse(new ByteArrayInputStream(bytes), sha256 + ".jpg",
                    jpeg ? "image/jpeg" : contentType, bytes.length);
        });
    }
}
