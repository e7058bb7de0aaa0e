package com.deskbridge.http;

import java.util.Map;

/**
 * Where credentials a seller hands over are kept (Secrets Manager in AWS): a secret is a set of named values, written
 * whole. Write-only for callers: what is stored is read back only through {@link SecretSource} by the code that calls
 * the upstream. Never log what is passed here.
 */
public interface SecretStore {

    /** Creates the secret {@code name} or replaces its value with {@code fields}. */
    void put(String name, Map<String, String> fields);

    /** Deletes the secret {@code name} at once (no recovery window); a secret that does not exist is no error. */
    void delete(String name);

    /** Secrets kept in {@code secrets} (tests, the local tools): what {@link SecretSource#of} reads. */
    static SecretStore of(Map<String, Map<String, String>> secrets) {
        return new SecretStore() {
            @Override
            public void put(String name, Map<String, String> fields) {
                secrets.put(name, Map.copyOf(fields));
            }

            @Override
            public void delete(String name) {
                secrets.remove(name);
            }
        };
    }
}
