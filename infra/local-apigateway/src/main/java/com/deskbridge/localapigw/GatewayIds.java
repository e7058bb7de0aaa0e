package com.deskbridge.localapigw;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Identifiers and timestamps in API Gateway's formats. */
final class GatewayIds {

    /** {@code requestContext.time}, e.g. {@code 21/Nov/2026:23:10:00 +0000}. */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final SecureRandom RANDOM = new SecureRandom();

    private GatewayIds() {
    }

    /** A request id shaped like API Gateway's, e.g. {@code Mc7UVioPPHcEKPA=}. */
    static String requestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An X-Ray style trace header value, e.g. {@code Root=1-5e6a8b2e-0123456789abcdef01234567}. */
    static String traceId(Instant now) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + String.format("%08x", now.getEpochSecond()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
