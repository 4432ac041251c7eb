package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.graph.GraphProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ArmsTraceTest
class PhotosTests {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    static final Provenance OFFICER = new Provenance("user:officer1", Provenance.Confidence.HIGH);

    @Autowired
    Photos photos;
    @Autowired
    FirearmRegistry registry;
    @Autowired
    GraphProperties graph;

    private Firearm weapon() {
        return Actors.officer(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ").model("83")
                .calibre("7.65 Browning").serial("PH" + System.nanoTime() % 10_000_000).country("CZ").year(1990)
                .build(), OFFICER));
    }

    @Test
    void a_photo_is_kept_by_its_hash_listed_with_provenance_and_read_back_unchanged() {
        Firearm f = weapon();
        Photos.Photo p = Actors.officer(() -> photos.attach(f.id(), PNG, "IMG_0042.png", "left side, serial", OFFICER));

        assertThat(p.contentType()).isEqualTo("image/png");
        assertThat(p.by()).isEqualTo("officer1");
        assertThat(p.source()).isEqualTo("user:officer1");
        assertThat(Files.exists(graph.dataDir().resolve("photos").resolve(p.sha256().substring(0, 2)).resolve(p.sha256())))
                .isTrue();
        assertThat(Actors.officer(() -> photos.content(p))).isEqualTo(PNG);
        assertThat(Actors.officer(() -> photos.list(f.id()))).containsExactly(p);
    }

    @Test
    void renamed_non_images_empty_files_and_unknown_weapons_are_refused_and_nothing_is_recorded() {
        Firearm f = weapon();
        assertThatThrownBy(() -> Actors.officer(() -> photos.attach(f.id(), "MZ\\x90 not a photo".getBytes(), "photo.jpg",
                null, OFFICER))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPEG, PNG or WebP");
        assertThatThrownBy(() -> Actors.officer(() -> photos.attach(f.id(), new byte[0], "empty.png", null, OFFICER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.officer(() -> photos.attach(f.id(), new byte[(int) photos.maxBytes() + 1], "huge.png", null,
                OFFICER))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 MB");
        assertThatThrownBy(() -> Actors.officer(() -> photos.attach("no-such-weapon", PNG, "x.png", null, OFFICER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Actors.officer(() -> photos.list(f.id()))).isEmpty();
    }

    @Test
    void a_photo_file_changed_on_disk_is_detected_when_read() throws Exception {
        Firearm f = weapon();
        byte[] other = PNG.clone();
        other[other.length - 20] ^= 1; // a different image: its own hash, its own file
        Photos.Photo p = Actors.officer(() -> photos.attach(f.id(), other, "x.png", null, OFFICER));
        Path file = graph.dataDir().resolve("photos").resolve(p.sha256().substring(0, 2)).resolve(p.sha256());
        Files.write(file, PNG);
        assertThatThrownBy(() -> Actors.officer(() -> photos.content(p))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed on disk");
    }

    @Test
    void a_camera_sized_photo_goes_into_documents_scaled_to_1600_pixels_and_a_small_one_at_its_own_size() throws Exception {
        Firearm f = weapon();
        var large = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB),
                "jpg", large);
        Photos.Photo big = Actors.officer(() -> photos.attach(f.id(), large.toByteArray(), "big.jpg", null, OFFICER));
        Photos.Photo small = Actors.officer(() -> photos.attach(f.id(), PNG, "small.png", null, OFFICER));

        byte[] scaled = Actors.officer(() -> photos.forDocument(big)).orElseThrow().content();
        var image = ImageIO.read(new ByteArrayInputStream(scaled));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1200);
        var smallCopy = ImageIO.read(new ByteArrayInputStream(Actors.officer(() -> photos.forDocument(small)).orElseThrow().content()));
        assertThat(smallCopy.getWidth()).isEqualTo(1);
        assertThat(smallCopy.getHeight()).isEqualTo(1);
        assertThat(Actors.officer(() -> photos.content(big))).as("the original is kept").isEqualTo(large.toByteArray());
    }

    @Test
    void a_photo_with_a_gps_position_goes_into_documents_upright_without_exif_and_the_stored_original_keeps_it()
            throws Exception {
        Firearm f = weapon();
        byte[] taken = ExifJpeg.withGps(200, 100, 6);
        Photos.Photo p = Actors.officer(() -> photos.attach(f.id(), taken, "IMG_0043.jpg", null, OFFICER));

        Photos.DocumentImage copy = Actors.officer(() -> photos.forDocument(p)).orElseThrow();

        byte[] gps = ExifJpeg.GPS_MARKER.getBytes(StandardCharsets.US_ASCII);
        assertThat(ExifJpeg.contains(copy.content(), gps)).as("GPS bytes in the document copy").isFalse();
        assertThat(ExifJpeg.contains(copy.content(), ExifJpeg.EXIF_HEADER)).as("EXIF in the document copy").isFalse();
        // Orientation 6: shown turned 90° clockwise, so the stored left (red) half is on top.
        var image = ImageIO.read(new ByteArrayInputStream(copy.content()));
        assertThat(new int[]{image.getWidth(), image.getHeight(), copy.width(), copy.height()})
                .containsExactly(100, 200, 100, 200);
        assertThat(new Color(image.getRGB(50, 20)).getRed()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(50, 180)).getBlue()).isGreaterThan(200);
        byte[] original = Actors.officer(() -> photos.content(p));
        assertThat(original).as("the evidence is kept as taken").isEqualTo(taken);
        assertThat(ExifJpeg.contains(original, gps)).isTrue();
    }

    @Test
    void a_photo_whose_pixels_cannot_be_decoded_loses_its_metadata_segments_and_keeps_its_pixels() throws Exception {
        byte[] taken = ExifJpeg.withGps(64, 32, 1);

        byte[] stripped = PhotoMetadata.strip(taken, "image/jpeg").orElseThrow();

        assertThat(ExifJpeg.contains(stripped, ExifJpeg.GPS_MARKER.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(ExifJpeg.contains(stripped, ExifJpeg.EXIF_HEADER)).isFalse();
        var image = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(new int[]{image.getWidth(), image.getHeight()}).containsExactly(64, 32);
        byte[] pngWithText = withTextChunk(PNG, "GPS 42.66N 21.17E");
        assertThat(ExifJpeg.contains(pngWithText, "42.66N".getBytes(StandardCharsets.US_ASCII))).isTrue();
        byte[] pngStripped = PhotoMetadata.strip(pngWithText, "image/png").orElseThrow();
        assertThat(pngStripped).isEqualTo(PNG);
    }

    /** The PNG with a tEXt chunk after its header chunk, as cameras and editors write them. */
    private static byte[] withTextChunk(byte[] png, String text) {
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(type);
        crc.update(data);
        int afterHeader = 8 + 12 + 13;
        var out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
