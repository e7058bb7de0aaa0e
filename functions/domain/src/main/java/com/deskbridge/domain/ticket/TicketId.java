package com.deskbridge.domain.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * A ticket's id. It is derived from the conversation it belongs to (seller, channel, conversation key), so that
 * every delivery of a message of that conversation names the same ticket without a lookup, and the store can
 * create the ticket with a conditional write instead of read-then-write.
 */
public record TicketId(String value) {
    private static final Pattern VALID = Pattern.compile("t[a-z2-7]{24}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    public TicketId {
        Require.matches(value, VALID, "ticketId", "'t' followed by 24 base32 characters");
    }

    public static TicketId forConversation(SellerId seller, Channel channel, String conversationKey) {
        byte[] digest = sha256(seller.value() + '\u0000' + channel.wireName() + '\u0000' + conversationKey);
        return new TicketId("t" + base32(digest, 24));
    }

    /** Parses an id from an untrusted source (URL path). */
    public static TicketId parse(String raw) {
        return new TicketId(raw == null ? null : raw.trim());
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < chars) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
            if (out.length() == chars) {
                break;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
