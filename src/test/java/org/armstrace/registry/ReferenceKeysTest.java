package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceKeysTest {

    @Test
    void spellings_of_one_calibre_share_a_key() {
        assertThat(ReferenceKeys.key("9 × 19 mm")).isEqualTo(ReferenceKeys.key("9x19mm")).isEqualTo("9X19MM");
        assertThat(ReferenceKeys.key("7,62x39")).isEqualTo(ReferenceKeys.key("7.62×39")).isEqualTo("762X39");
        assertThat(ReferenceKeys.key(".32 ACP")).isEqualTo("32ACP");
    }

    @Test
    void diacritics_fold_and_dj_is_spelled_out() {
        assertThat(ReferenceKeys.key("Zastava Oružje")).isEqualTo("ZASTAVAORUZJE");
        assertThat(ReferenceKeys.key("Đorđević")).isEqualTo("DJORDJEVIC");
        assertThat(ReferenceKeys.key(null)).isEmpty();
    }
}
