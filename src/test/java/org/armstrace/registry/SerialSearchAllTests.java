package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many serials searched at once (the lost/stolen check of an import) find what each one's own search
 * finds, in the same order, although they are asked in one query for all of them
 * ({@link SerialSearch#searchAllAsRead}).
 */
@ArmsTraceTest
class SerialSearchAllTests {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    SerialSearch search;

    String base;

    @BeforeEach
    void plant() {
        // Unique to the run, so that other tests' weapons are not within two edits (see SerialSearchTests).
        base = "Q" + Integer.toString(36 * 36 * 36 * 36 + Math.floorMod(UUID.randomUUID().hashCode(), 35 * 36 * 36 * 36 * 36), 36)
                .toUpperCase() + "7";
        register("Zastava", "M70", base + "S2519");
        register("Glock", "17", base + "S2519");
        register("Zastava", "M57", base + "X9999");
        register("Zastava", "M70", base + "8B180");
        register("CZ", "75", base + "0O0710");
        // Two weapons one substitution from the serial searched below: equally close, so only the search's own
        // index order ranks them.
        register("Zastava", "M70", base + "S2518");
        register("Zastava", "M70", base + "S2517");
        Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ").model("75")
                .calibre("9mm").serial(base + "Z0001")
                .marking(NewFirearm.MarkingKind.IMPORT, "IM " + base + "-K 4471", "frame, left", "XK", 2019).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
    }

    private void register(String make, String model, String serial) {
        Actors.analyst(() -> registry.register(
                NewFirearms.newFirearm().type("pistol").make(make).model(model).calibre("9mm").serial(serial).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
    }

    private List<SerialSearch.AsRead> tricky() {
        return List.of(
                read(base + "52S19", "Zastava", "M70"),          // 5 read as S and S as 5
                read(base + "S2519", null, null),                // the same serial of two makers
                read(base + "S219", "Zastava", null),            // a dropped character
                read(base + "S2159", "Zastava", "M70"),          // swapped neighbours
                read(base + "B8I80", "Zastava", "M70"),          // 8/B the other way, and 1 read as I
                read(base + "OO0710", "CZ", "75"),               // 0/O
                read(base + "S2518", "Zastava", "M70"),          // exact, with two weapons within two edits
                read(base + "S2516", "Zastava", "M70"),          // three weapons one substitution away: a tie
                read("IM" + base + "K447", null, null),          // an import mark, last digit lost
                read(base + "S25?9", "Zastava", null),           // an unreadable position
                read(base + "S2519", "Unknown Arms Co", null),   // a make reference data does not know
                read(base + "S2519", "Zastava", "M57"),          // another model than the weapon's
                read("AB", "Zastava", null),                     // too short: finds nothing
                read(base + "S2519", "Zastava", "M70"));         // the same reading twice in one batch
    }

    private static SerialSearch.AsRead read(String serial, String make, String model) {
        return new SerialSearch.AsRead(serial, make, model, 3);
    }

    @Test
    void tricky_serials_searched_together_find_the_same_hits_in_the_same_order_as_each_searched_alone() {
        List<SerialSearch.AsRead> reads = tricky();

        List<List<SerialHit>> together = Actors.analyst(() -> search.searchAllAsRead(reads));
        List<List<SerialHit>> alone = Actors.analyst(() -> reads.stream()
                .map(r -> search.searchAsRead(r.serial(), r.make(), r.model(), r.limit())).toList());

        assertThat(together).isEqualTo(alone);
        // Not vacuous: the confusions, the drop, the swap and the marking each found their weapon.
        assertThat(alone.get(0)).extracting(h -> h.firearm().serialAsRead()).first().isEqualTo(base + "S2519");
        assertThat(alone.get(2)).isNotEmpty();
        assertThat(alone.get(3)).extracting(h -> h.firearm().serialAsRead()).first().isEqualTo(base + "S2519");
        assertThat(alone.get(4)).extracting(h -> h.firearm().serialAsRead()).first().isEqualTo(base + "8B180");
        assertThat(alone.get(5)).extracting(h -> h.firearm().serialAsRead()).first().isEqualTo(base + "0O0710");
        assertThat(alone.get(7)).hasSize(3);
        assertThat(alone.get(8)).extracting(h -> h.firearm().serialAsRead()).first().isEqualTo(base + "Z0001");
        assertThat(alone.get(12)).isEmpty();
    }
}
