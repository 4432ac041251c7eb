package org.armstrace.registry;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * What a photo carries besides its pixels: EXIF (with the GPS position of the camera, its serial
 * number, the time), XMP, IPTC, comments and PNG text chunks. A photo sent abroad must not carry
 * them, so documents get re-encoded pixels ({@link PhotoImages#clean}); where the JDK cannot decode
 * the pixels (a CMYK JPEG), {@link #strip} rewrites the file without those segments. Only the
 * EXIF orientation is read, so that a photo taken with the phone upright stays upright once the
 * tag that said so is gone.
 */
final class PhotoMetadata {

    private PhotoMetadata() {
    }

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;
    /** PNG chunks that hold text, EXIF or time; the rest is pixels and how to show them. */
    private static final Set<String> PNG_METADATA = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    /** The EXIF orientation (1–8) of a JPEG; 1 (as stored) when it has none or it cannot be read. */
    static int orientation(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xFF) {
            int marker = jpeg[at + 1] & 0xff;
            int length = u16(jpeg, at + 2, false);
            if (marker == SOS || length < 2) {
                return 1;
            }
            if (marker == 0xE1 && length > 14 && at + 2 + length <= jpeg.length
                    && new String(jpeg, at + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return tiffOrientation(jpeg, at + 10, at + 2 + length).orElse(1);
            }
            at += 2 + length;
        }
        return 1;
    }

    /** Tag 0x0112 in IFD0 of the TIFF structure at {@code tiff}, bounded by {@code end}. */
    private static Optional<Integer> tiffOrientation(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return Optional.empty();
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) {
            return Optional.empty();
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return Optional.empty();
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? Optional.of(value) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The image turned as its EXIF orientation says it should be shown. */
    static BufferedImage oriented(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        var target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * The file without its metadata: a JPEG without APP1–APP13, APP15 and comments (JFIF and the
     * Adobe segment, which says how to read the colours, stay), a PNG without text, EXIF and time
     * chunks. Empty when the file is not laid out as its format says.
     */
    static Optional<byte[]> strip(byte[] content, String type) {
        return switch (type) {
            case "image/jpeg" -> stripJpeg(content);
            case "image/png" -> stripPng(content);
            default -> Optional.empty();
        };
    }

    /**
     * Segment by segment, the scans' coded data copied as it is. A progressive JPEG has several
     * scans with segments between them, which may carry metadata too; whatever follows the end of
     * the image (a maker's trailer, an appended file) is dropped, and a file cut off inside its last
     * scan gets its end marker back.
     */
    private static Optional<byte[]> stripJpeg(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != SOI) {
            return Optional.empty();
        }
        var out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2);
        int at = 2;
        while (at + 2 <= b.length) {
            if ((b[at] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == EOI) {
                break;
            }
            int length = u16(b, at + 2, false);
            if (length < 2 || at + 2 + length > b.length) {
                return Optional.empty();
            }
            int next = marker == SOS ? scanEnd(b, at + 2 + length) : at + 2 + length;
            boolean metadata = (marker > APP0 && marker <= 0xEF && marker != APP14) || marker == COM;
            if (!metadata) {
                out.write(b, at, next - at);
            }
            at = next;
        }
        if (at + 2 > b.length && at < b.length) {
            return Optional.empty(); // one stray byte where a marker should be
        }
        out.write(0xFF);
        out.write(EOI);
        return Optional.of(out.toByteArray());
    }

    /** Where the coded data of a scan starting at {@code from} ends: the next marker that is not a restart. */
    private static int scanEnd(byte[] b, int from) {
        int i = from;
        while (i + 1 < b.length) {
            int next = b[i + 1] & 0xff;
            if ((b[i] & 0xff) != 0xFF || next == 0x00 || next >= 0xD0 && next <= 0xD7) {
                i += (b[i] & 0xff) == 0xFF ? 2 : 1; // data, a stuffed 0xFF, or a restart marker
            } else {
                return i;
            }
        }
        return b.length;
    }

    private static Optional<byte[]> stripPng(byte[] b) {
        if (b.length < 8 || (b[0] & 0xff) != 0x89 || b[1] != 'P' || b[2] != 'N' || b[3] != 'G') {
            return Optional.empty();
        }
        var out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int at = 8;
        while (at + 12 <= b.length) {
            long length = u32(b, at, false);
            if (length > b.length - at - 12) {
                return Optional.empty();
            }
            String chunk = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            int size = 12 + (int) length;
            if (!PNG_METADATA.contains(chunk)) {
                out.write(b, at, size);
            }
            at += size;
            if (chunk.equals("IEND")) {
                return Optional.of(out.toByteArray());
            }
        }
        return Optional.empty();
    }

    private static int u16(byte[] b, int at, boolean little) {
        if (at < 0 || at + 2 > b.length) {
            return -1;
        }
        return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at, boolean little) {
        if (at < 0 || at + 4 > b.length) {
            return Integer.MAX_VALUE;
        }
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (long) (b[at + i] & 0xff) << shift;
        }
        return v;
    }
}
