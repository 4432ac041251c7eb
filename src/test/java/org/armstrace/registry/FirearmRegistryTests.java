package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.NewFirearm.MarkingKind;
import org.armstrace.registry.NewFirearm.NewMarking;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
class FirearmRegistryTests {

    static final Provenance REGISTRY = new Provenance("import:test-registry.csv#row=1", Provenance.Confidence.HIGH);

    @Autowired
    FirearmRegistry registry;

    private Firearm register(NewFirearm weapon) {
        return Actors.analyst(() -> registry.register(weapon, REGISTRY));
    }

    @Test
    void a_weapon_is_stored_as_read_with_resolved_reference_data_keys_and_provenance() {
        Firearm f = register(NewFirearms.newFirearm().type("pištolj").make("ZCZ").model("M70").calibre("7,65 mm")
                .serial(" zc-70 1234S ").country("RS").year(1989)
                .markings(List.of(new NewMarking(MarkingKind.IMPORT, "XK 2004", "left side of frame", "XK", 2004)))
                .build());

        assertThat(f.typeCode()).isEqualTo("PISTOL");
        assertThat(f.makeCode()).isEqualTo("ZASTAVA");
        assertThat(f.makeAsRead()).isEqualTo("ZCZ");
        assertThat(f.calibreCode()).isEqualTo("765BR");
        assertThat(f.serialAsRead()).isEqualTo(" zc-70 1234S ");
        assertThat(f.serialKey()).isEqualTo("ZC701234S");
        assertThat(f.markings()).containsExactly(
                new Firearm.Marking("IMPORT", "XK 2004", "XK2004", "left side of frame", "XK", 2004));
        assertThat(f.source()).isEqualTo(REGISTRY.source());
        assertThat(f.confidence()).isEqualTo("HIGH");
        assertThat(f.version()).isEqualTo(1);
    }

    @Test
    void a_correction_supersedes_the_old_values_which_stay_in_the_history() {
        Firearm f = register(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M57").calibre("7.62x25")
                .serial("A12345").country("RS").build());

        Firearm corrected = Actors.analyst(() -> registry.correct(f.id(),
                new FirearmRegistry.Correction(null, null, null, null, "A12845", null, 1978),
                "serial re-read under magnification", new Provenance("user:analyst1", Provenance.Confidence.HIGH)));

        assertThat(corrected.serialKey()).isEqualTo("A12845");
        assertThat(corrected.version()).isEqualTo(2);
        var history = Actors.analyst(() -> registry.history(f.id()));
        assertThat(history).extracting(RecordVersion::version).containsExactly(1, 2);
        assertThat(history.get(1).reason()).isEqualTo("serial re-read under magnification");
        assertThat(history.get(1).by()).isEqualTo("analyst1");
        assertThat(history.get(1).before()).contains("serialAsRead=A12345", "serialKey=A12345");
        assertThat(history.get(1).after()).contains("serialAsRead=A12845", "year=1978");
        assertThat(history.get(0).after()).contains("serialKey=A12345", "makeCode=ZASTAVA");
    }

    @Test
    void a_serial_without_a_readable_character_is_refused() {
        assertThatThrownBy(() -> register(NewFirearms.newFirearm().type("pistol").make("Glock").model("17")
                .calibre("9mm").serial("??-**").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partners_cannot_write_to_the_register() {
        assertThatThrownBy(() -> Actors.as("partner", Role.PARTNER, () -> registry.register(
                NewFirearms.newFirearm().type("pistol").make("Glock").model("17").calibre("9mm").serial("ABC123")
                        .build(), REGISTRY)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
