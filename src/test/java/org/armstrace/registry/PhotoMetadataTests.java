package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Metadata goes wherever a JPEG hides it: between the scans of a progressive image and after its end. */
class PhotoMetadataTests {

    private static final byte[] GPS = "GPS-42.6629N-21.1655E".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_comment_between_the_scans_of_a_progressive_jpeg_and_a_trailer_after_its_end_are_dropped_and_the_pixels_kept()
            throws Exception {
        byte[] progressive = progressiveJpeg(80, 40);
        int secondScan = indexOf(progressive, new byte[]{(byte) 0xFF, (byte) 0xDA}, 1);
        var taken = new ByteArrayOutputStream();
        taken.write(progressive, 0, secondScan);
        taken.write(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, (byte) (GPS.length + 2)});
        taken.write(GPS);
        taken.write(progressive, secondScan, progressive.length - secondScan);
        taken.write(GPS); // after the end of the image, as some phones append their own records
        assertThat(ImageIO.read(new ByteArrayInputStream(taken.toByteArray()))).as("a valid file to start with").isNotNull();

        byte[] stripped = PhotoMetadata.strip(taken.toByteArray(), "image/jpeg").orElseThrow();

        assertThat(ExifJpeg.contains(stripped, GPS)).isFalse();
        assertThat(stripped).isEqualTo(progressive);
        var image = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(new int[]{image.getWidth(), image.getHeight()}).containsExactly(80, 40);
    }

    @Test
    void a_jpeg_cut_off_inside_its_last_scan_gets_its_end_marker_back() throws Exception {
        var image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        var whole = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", whole); // baseline: one scan, which the cut lands in
        byte[] cut = Arrays.copyOf(whole.toByteArray(), whole.size() - 10);

        byte[] stripped = PhotoMetadata.strip(cut, "image/jpeg").orElseThrow();

        assertThat(stripped).endsWith((byte) 0xFF, (byte) 0xD9).hasSize(cut.length + 2);
    }

    private static byte[] progressiveJpeg(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The position of the {@code nth} (from 0) occurrence of {@code needle}. */
    private static int indexOf(byte[] haystack, byte[] needle, int nth) {
        int seen = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (haystack[i] == needle[0] && haystack[i + 1] == needle[1] && seen++ == nth) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
