package org.armstrace.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Match keys for reference-data names and aliases: "9 × 19 mm", "9x19mm" and "9X19 MM" share one
 * key; so do "7,62x39" (decimal comma, common in the region) and "7.62×39".
 */
public final class ReferenceKeys {

    private ReferenceKeys() {
    }

    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT)
                .replace('×', 'X').replace(',', '.');
        var sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length() && sb.length() < 80; i++) {
            char c = t.charAt(i);
            if (c == 'Đ') {
                sb.append("DJ"); // Đorđević / Djordjevic; no decomposition exists for Đ
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
