package org.armstrace.registry;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * A JPEG as a phone writes it: an APP1 Exif segment right after SOI, with an orientation tag and a
 * GPS IFD (latitude, longitude, and a map datum holding {@link #GPS_MARKER}, easy to look for in a
 * document's bytes), plus a comment segment. ImageIO alone writes JFIF only, so the segment is
 * built by hand here.
 */
public final class ExifJpeg {

    /** Bytes that exist only inside the GPS IFD. */
    public static final String GPS_MARKER = "GPS-42.6629N-21.1655E";
    public static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifJpeg() {
    }

    /**
     * A {@code width × height} JPEG, left half red and right half blue as stored, whose EXIF says
     * to show it turned by {@code orientation} (6: 90° clockwise).
     */
    public static byte[] withGps(int width, int height, int orientation) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        var jfif = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jfif);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = jfif.toByteArray();
        var out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, app1(orientation));
        segment(out, 0xFE, ("Taken at " + GPS_MARKER).getBytes(StandardCharsets.US_ASCII));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** "Exif\0\0" and a big-endian TIFF: IFD0 (orientation, GPS pointer), then the GPS IFD and its values. */
    private static byte[] app1(int orientation) {
        byte[] datum = (GPS_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 2 * 12 + 4;
        int gpsEntries = 5;
        int values = gpsIfd + 2 + gpsEntries * 12 + 4;
        int latitude = values;
        int longitude = latitude + 24;
        int datumAt = longitude + 24;
        ByteBuffer tiff = ByteBuffer.allocate(datumAt + datum.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) 2);
        entry(tiff, 0x0112, 3, 1, orientation << 16);
        entry(tiff, 0x8825, 4, 1, gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) gpsEntries);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, latitude);
        entry(tiff, 0x0003, 2, 2, 'E' << 24);
        entry(tiff, 0x0004, 5, 3, longitude);
        entry(tiff, 0x0012, 2, datum.length, datumAt);
        tiff.putInt(0);
        tiff.putInt(42).putInt(1).putInt(39).putInt(1).putInt(4644).putInt(100);
        tiff.putInt(21).putInt(1).putInt(9).putInt(1).putInt(5580).putInt(100);
        tiff.put(datum);
        var out = new ByteArrayOutputStream();
        out.writeBytes(EXIF_HEADER);
        out.writeBytes(tiff.array());
        return out.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        int length = data.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(data);
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
