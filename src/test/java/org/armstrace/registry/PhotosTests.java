package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
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
    void a_camera_sized_photo_goes_into_documents_scaled_to_1600_pixels_and_a_small_one_as_it_is() throws Exception {
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
        assertThat(Actors.officer(() -> photos.forDocument(small)).orElseThrow().content()).isEqualTo(PNG);
        assertThat(Actors.officer(() -> photos.content(big))).as("the original is kept").isEqualTo(large.toByteArray());
    }
}
