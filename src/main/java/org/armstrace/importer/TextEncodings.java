package org.armstrace.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which encoding a text extract is in. Registries in the region export UTF-8 (with or without a
 * byte order mark), Windows-1250 (Latin with č, ć, š, ž, đ, ë, ç) or Windows-1251 (Serbian
 * Cyrillic). ICU's detector was tried and mistakes Serbian 1251 for 1250, 1253 or UTF-16 even on
 * large samples (its 1251 model is Russian), so the rule here is explicit:
 * <ol>
 *   <li>a byte order mark decides (UTF-8; UTF-16 is refused as not a registry extract format);</li>
 *   <li>a sample that decodes as strict UTF-8 is UTF-8 (plain ASCII included);</li>
 *   <li>otherwise the sample is decoded as 1251: if the words with Cyrillic letters are purely
 *       Cyrillic, it is 1251; if they mix in ASCII letters (Latin diacritics landing as Cyrillic
 *       letters among Latin ones, as in {@code Petroviж}), it is 1250.</li>
 * </ol>
 * A declared encoding in the profile always wins.
 */
final class TextEncodings {

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** What was decided, and the number of bytes to skip (a byte order mark). */
    record Detected(Charset charset, int skip, boolean declared) {
        String describe() {
            return charset.name() + (skip > 0 ? " (BOM)" : "") + (declared ? " (declared)" : "");
        }
    }

    /** Thrown for content that is not text in any of the encodings we read. */
    static final class NotText extends Exception {
        NotText(String code) {
            super(code);
        }
    }

    private TextEncodings() {
    }

    static Detected detect(byte[] sample, int length, String declared) throws NotText {
        if (length >= 2 && ((sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE)
                || (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF))) {
            throw new NotText("utf16");
        }
        int bom = length >= 3 && sample[0] == (byte) 0xEF && sample[1] == (byte) 0xBB && sample[2] == (byte) 0xBF ? 3 : 0;
        checkBinary(sample, bom, length);
        if (declared != null && !declared.equalsIgnoreCase("auto")) {
            Charset cs = Charset.forName(declared);
            return new Detected(cs, cs.equals(StandardCharsets.UTF_8) ? bom : 0, true);
        }
        if (bom > 0 || strictUtf8(sample, bom, length)) {
            return new Detected(StandardCharsets.UTF_8, bom, false);
        }
        String text = new String(sample, 0, length, WINDOWS_1251);
        int pure = 0;
        int mixed = 0;
        for (String word : text.split("[^\\p{L}]+")) {
            boolean cyrillic = false;
            boolean ascii = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                cyrillic |= Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
                ascii |= c < 128;
            }
            if (cyrillic && ascii) {
                mixed++;
            } else if (cyrillic) {
                pure++;
            }
        }
        return new Detected(pure > mixed ? WINDOWS_1251 : WINDOWS_1250, 0, false);
    }

    /** NUL bytes, or more than one control byte in a hundred, mean this is not a text file. */
    private static void checkBinary(byte[] sample, int from, int length) throws NotText {
        int control = 0;
        for (int i = from; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                throw new NotText("binary");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (length - from > 0 && control * 100 > length - from) {
            throw new NotText("binary");
        }
    }

    /** Strict UTF-8, forgiving only a character cut off at the end of the sample. */
    private static boolean strictUtf8(byte[] sample, int from, int length) {
        int end = length;
        // Back off an incomplete multi-byte sequence at the cut.
        int back = 0;
        while (back < 3 && end - back - 1 >= from && (sample[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= from && (sample[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, from, end - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
