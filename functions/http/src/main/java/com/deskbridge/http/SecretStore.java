package com.deskbridge.http;

import java.util.Map;

/**
 * Where credentials a seller hands over are kept (Secrets Manager in AWS): a secret is a set of named values, written
 * whole. Write-only for callers: what is stored is read back only through {@link SecretSource} by the code that calls
 * the upstream. Never log what is passed here.
 */
@FunctionalInterface
public interface SecretStore {

    /** Creates the secret {@code name} or replaces its value with {@code fields}. */
    void put(String name, Map<String, String> fields);
}
