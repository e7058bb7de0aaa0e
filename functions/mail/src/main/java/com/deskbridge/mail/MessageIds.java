package com.deskbridge.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID, In-Reply-To and References values, without their angle brackets. */
final class MessageIds {
    private static final Pattern BRACKETED = Pattern.compile("<\\s*([^<>\\s]+)\\s*>");
    private static final Pattern BARE = Pattern.compile("[^\\s,<>]+");

    private MessageIds() {
    }

    /** The first id of a header value ("&lt;a@x&gt; &lt;b@y&gt;" → "a@x"), empty for a missing or blank value. */
    static Optional<String> first(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        Matcher bracketed = BRACKETED.matcher(headerValue);
        if (bracketed.find()) {
            return Optional.of(bracketed.group(1));
        }
        Matcher bare = BARE.matcher(headerValue);
        return bare.find() ? Optional.of(bare.group()) : Optional.empty();
    }

    /** An id no longer than {@code max}: longer ids are replaced by their {@link #hash}. */
    static String bounded(String id, int max) {
        return id.length() <= max ? id : hash(id.getBytes(StandardCharsets.UTF_8));
    }

    /** "sha256:" followed by the lower-case hex SHA-256 of the bytes. */
    static String hash(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
