package com.deskbridge.http;

import java.util.Map;

/**
 * Where API credentials come from (Secrets Manager in AWS, a local file or map in tests). A secret is a
 * set of named values, e.g. {@code client_id} and {@code client_secret}. Never log what this returns.
 */
@FunctionalInterface
public interface SecretSource {

    /**
     * The secret's fields; throws {@link MissingSecretException} when there is no such secret and
     * {@link IllegalStateException} naming the secret (not its value) when it cannot be read.
     */
    Map<String, String> secret(String name);

    /** A source over secrets held in memory (tests, local runs); reads {@code secrets} at each call. */
    static SecretSource of(Map<String, ? extends Map<String, String>> secrets) {
        return name -> {
            Map<String, String> s = secrets.get(name);
            if (s == null) {
                throw new IllegalStateException("no secret " + name);
            }
            return Map.copyOf(s);
        };
    }

    /** A required field of a secret; throws {@link IllegalStateException} naming the secret and field (not values). */
    static String field(Map<String, String> secret, String field, String secretName) {
        String v = secret.get(field);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("secret " + secretName + " lacks the field " + field);
        }
        return v;
    }

    /** {@code text} (an upstream's error description, say) with every value of the secret masked, cut to 200 chars. */
    static String scrub(String text, Map<String, String> secret) {
        String out = text;
        for (String v : secret.values()) {
            if (v != null && v.length() >= 4) {
                out = out.replace(v, "***");
            }
        }
        return out.length() > 200 ? out.substring(0, 200) + "…" : out;
    }
}
