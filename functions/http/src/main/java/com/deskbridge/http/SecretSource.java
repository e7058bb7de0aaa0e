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
}
