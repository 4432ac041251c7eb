package org.armstrace.registry;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image headers and thumbnails without trusting the image. Dimensions are read from the header
 * only, so that a small file claiming a gigapixel (a decompression or "EXIF" bomb) is refused
 * before a single pixel is decoded; thumbnails and document copies are decoded with subsampling and
 * without metadata, so memory stays proportional to the copy, not the photo, and the copy carries
 * pixels only.
 */
final class PhotoImages {

    private PhotoImages() {
    }

    /** {width, height} from the header, or empty when the header cannot be read. */
    static Optional<int[]> dimensions(byte[] content, String type) {
        if (type.equals("image/webp")) {
            return webpDimensions(content);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[]{reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A JPEG at most {@code side} pixels a side, upright, or null when the image does not decode (or is WebP). */
    static byte[] thumbnail(byte[] content, String type, int[] size, int side) {
        Encoded e = clean(content, type, size, side, "jpg");
        return e == null ? null : e.bytes();
    }

    /** Re-encoded pixels, nothing else: no EXIF, XMP, IPTC, comment or text chunk survives. */
    record Encoded(byte[] bytes, String contentType, int width, int height) {
    }

    /**
     * The photo decoded, turned upright by its EXIF orientation, scaled to at most {@code side}
     * pixels a side and written anew as {@code format} ("jpg" or "png"), so that only pixels
     * remain. Null when the image does not decode (WebP, CMYK JPEG).
     */
    static Encoded clean(byte[] content, String type, int[] size, int side, String format) {
        if (type.equals("image/webp")) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            BufferedImage decoded;
            try {
                // Metadata ignored: only pixels are read, whatever the file carries besides.
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(size[0], size[1]) / (side * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
            double scale = Math.min(1.0, side / (double) Math.max(decoded.getWidth(), decoded.getHeight()));
            int w = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
            // Halving steps, then one bilinear step: as smooth as area averaging at a fraction of its cost.
            BufferedImage current = decoded;
            while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
                current = resized(current, current.getWidth() / 2, current.getHeight() / 2);
            }
            int orientation = type.equals("image/jpeg") ? PhotoMetadata.orientation(content) : 1;
            var image = PhotoMetadata.oriented(resized(current, w, h), orientation);
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                return null;
            }
            return new Encoded(out.toByteArray(), format.equals("png") ? "image/png" : "image/jpeg",
                    image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The image drawn at the given size on white (transparent PNG areas; JPEG has no alpha). */
    private static BufferedImage resized(BufferedImage source, int w, int h) {
        var target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** WebP canvas size from the VP8, VP8L or VP8X chunk header (RIFF container, little-endian). */
    static Optional<int[]> webpDimensions(byte[] b) {
        if (b.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> Optional.of(new int[]{1 + u24(b, 24), 1 + u24(b, 27)});
            case "VP8L" -> {
                if ((b[20] & 0xff) != 0x2f) {
                    yield Optional.empty();
                }
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                yield Optional.of(new int[]{1 + (bits & 0x3fff), 1 + (bits >>> 14 & 0x3fff)});
            }
            case "VP8 " -> {
                if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                    yield Optional.empty();
                }
                yield Optional.of(new int[]{((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff,
                        ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff});
            }
            default -> Optional.empty();
        };
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
