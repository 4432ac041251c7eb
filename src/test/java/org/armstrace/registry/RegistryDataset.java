package org.armstrace.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic firearms (same seed, same data) with serial formats shaped like the
 * makers' real ones: L is a letter, D a digit, anything else literal. Used by the search benchmark.
 */
final class RegistryDataset {

    record Maker(String make, String type, String calibre, String model, String... formats) {
    }

    static final List<Maker> MAKERS = List.of(
            new Maker("Zastava", "pistol", "7.65 Browning", "M70", "DDDDDD", "LDDDDD", "DDDDD"),
            new Maker("Zastava", "assault rifle", "7.62x39", "M70AB2", "DDDDDD", "M70DDDDDD"),
            new Maker("Zastava", "pistol", "7.62x25", "M57", "DDDDDD", "LLDDDDD"),
            new Maker("Glock", "pistol", "9mm", "17", "LLLDDD", "LLLLDDD"),
            new Maker("Glock", "pistol", "9mm", "19", "LLLDDD", "LLDDDLL"),
            new Maker("CZ", "pistol", "9mm", "75", "LDDDDDD", "DLLDDDD"),
            new Maker("Arsenal", "assault rifle", "7.62x39", "AR-M1", "DDDDDDDD", "DD-DDDDDD"),
            new Maker("Norinco", "pistol", "7.62x25", "Type 54", "DDDDDDDD", "DDDDDD"),
            new Maker("Beretta", "pistol", "9mm", "92FS", "LDDDDDZ", "BERDDDDDD"),
            new Maker("Heckler & Koch", "submachine gun", "9mm", "MP5", "DD-DDDDDD", "DDDDDD"),
            new Maker("Walther", "pistol", "9mm", "P99", "DDDDDDL", "LLDDDDDD"),
            new Maker("SIG Sauer", "pistol", "9mm", "P226", "LDDDDDD", "LLLDDDDDD"),
            new Maker("Tula Arms Plant", "pistol", "9x18 Makarov", "PM", "LLDDDD", "DDDDLL"),
            new Maker("Smith & Wesson", "revolver", ".38 Special", "Model 10", "LDDDDDD", "LLLDDDD"),
            new Maker("FN Herstal", "pistol", "9mm", "High Power", "DDDLLDDDDD", "LLDDDDDD"),
            new Maker("Crvena Zastava", "shotgun", "12 gauge", "Model 1200", "DDDDD", "LDDDD"));

    private RegistryDataset() {
    }

    static List<NewFirearm> generate(int n, long seed) {
        var random = new Random(seed);
        var out = new ArrayList<NewFirearm>(n);
        for (int i = 0; i < n; i++) {
            Maker m = MAKERS.get(random.nextInt(MAKERS.size()));
            String format = m.formats()[random.nextInt(m.formats().length)];
            out.add(new NewFirearm(m.type(), m.make(), m.model(), m.calibre(), serial(format, random), null,
                    1960 + random.nextInt(64), List.of()));
        }
        return out;
    }

    static String serial(String format, Random random) {
        var sb = new StringBuilder(format.length());
        for (char c : format.toCharArray()) {
            sb.append(switch (c) {
                case 'L' -> (char) ('A' + random.nextInt(26));
                case 'D' -> (char) ('0' + random.nextInt(10));
                default -> c;
            });
        }
        return sb.toString();
    }
}
