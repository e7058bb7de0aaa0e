package com.deskbridge.assistant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suggestion's id names the macro, the language it was rendered in and a fingerprint of the exact text shown
 * ({@code builtin-fbm-shipping-update.de.3f9c0a1b2c3d4e5f}). The reply route reads the macro from it and compares the
 * fingerprint with the text sent: the same text is "sent as suggested", another is "edited". Nothing is stored for it.
 * Line endings and surrounding white space do not count (a browser's text box turns {@code \n} into {@code \r\n}).
 */
public final class SuggestionIds {
    private static final Pattern SHAPE = Pattern.compile("([a-z0-9][a-z0-9-]{0,63})\\.([a-z]{2})\\.([0-9a-f]{16})");

    /** What an id says. */
    public record Parsed(String macroId, String language, String fingerprint) {
        /** Whether {@code text} is the text this suggestion showed. */
        public boolean unchanged(String text) {
            return fingerprint.equals(SuggestionIds.fingerprint(text));
        }
    }

    private SuggestionIds() {
    }

    public static String of(String macroId, String language, String text) {
        Objects.requireNonNull(macroId, "macroId");
        Objects.requireNonNull(language, "language");
        String id = macroId + "." + language + "." + fingerprint(text);
        if (!SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("not a suggestion: " + macroId + ", " + language);
        }
        return id;
    }

    /** The id's parts, or empty when it is not a suggestion id. */
    public static Optional<Parsed> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(id);
        return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    static String fingerprint(String text) {
        String normal = Objects.requireNonNull(text, "text").replace("\r\n", "\n").replace('\r', '\n').strip();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
