package org.armstrace.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.Photos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ArmsTraceTest
class PhotoStagingTests {

    @Autowired
    Photos photos;

    @Test
    void a_camera_photo_is_kept_unaltered_with_its_checksum_and_a_small_thumbnail() throws Exception {
        byte[] original = PhotosFixtures.jpeg(2000, 1500);

        Photos.Staged staged = Actors.officer(RecoveriesTests.OFFICER, () -> photos.stage(original, "serial.jpg"));

        assertThat(staged.width()).isEqualTo(2000);
        assertThat(staged.height()).isEqualTo(1500);
        assertThat(Actors.officer(RecoveriesTests.OFFICER, () -> photos.content(staged))).isEqualTo(original);
        var thumb = ImageIO.read(new ByteArrayInputStream(Actors.officer(RecoveriesTests.OFFICER, () -> photos.thumbnail(staged.sha256()))));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
    }

    @Test
    void a_file_claiming_a_gigapixel_is_refused_before_it_is_decoded() {
        byte[] bomb = PhotosFixtures.pngClaiming(100_000, 100_000);

        assertThatThrownBy(() -> Actors.officer(RecoveriesTests.OFFICER, () -> photos.stage(bomb, "bomb.png")))
                .isInstanceOfSatisfying(Photos.Refused.class, e -> assertThat(e.key()).isEqualTo("photo.too-many-pixels"));
    }

    @Test
    void oversized_renamed_and_empty_files_are_refused_with_their_reason() {
        assertThatThrownBy(() -> Actors.officer(RecoveriesTests.OFFICER, () -> photos.stage(new byte[50 * 1024 * 1024], "big.jpg")))
                .isInstanceOfSatisfying(Photos.Refused.class, e -> assertThat(e.key()).isEqualTo("photo.too-large"));
        assertThatThrownBy(() -> Actors.officer(RecoveriesTests.OFFICER, () -> photos.stage("%PDF-1.7 not a photo".getBytes(), "scan.jpg")))
                .isInstanceOfSatisfying(Photos.Refused.class, e -> assertThat(e.key()).isEqualTo("photo.not-image"));
        byte[] truncated = Arrays.copyOf(PhotosFixtures.jpeg(100, 100), 10);
        assertThatThrownBy(() -> Actors.officer(RecoveriesTests.OFFICER, () -> photos.stage(truncated, "cut.jpg")))
                .isInstanceOfSatisfying(Photos.Refused.class, e -> assertThat(e.key()).isEqualTo("photo.unreadable"));
        assertThatThrownBy(() -> Actors.officer(RecoveriesTests.OFFICER, () -> photos.thumbnail("../../etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
