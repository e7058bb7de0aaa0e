package com.deskbridge.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the bytes of a text part into a string using its MIME charset, the way mail clients and browsers do:
 * labels that promise ASCII or Latin-1 are read as windows-1252 (its superset, per the WHATWG Encoding Standard,
 * because real mails put € and curly quotes there), and a missing or unknown charset is read as UTF-8 when the
 * bytes are valid UTF-8, otherwise as windows-1252. Undecodable bytes become U+FFFD; decoding never fails.
 */
final class TextDecoding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> LATIN1_LABELS = Set.of("iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1");
    private static final Set<String> ASCII_LABELS = Set.of("us-ascii", "ascii", "ansi_x3.4-1968");

    private TextDecoding() {
    }

    static String decode(byte[] bytes, String mimeCharset) {
        String label = mimeCharset == null ? "" : mimeCharset.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (LATIN1_LABELS.contains(label)) {
            return new String(bytes, WINDOWS_1252);
        }
        if (label.isEmpty() || ASCII_LABELS.contains(label)) {
            return sniff(bytes);
        }
        Charset charset = lookup(label);
        return charset == null ? sniff(bytes) : new String(bytes, charset);
    }

    private static Charset lookup(String label) {
        try {
            return Charset.forName(label);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String sniff(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
