package com.deskbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsAndTimestampsTest {

    @Test
    void inMemorySourceReadsLiveAndNamesAMissingSecret() {
        Map<String, Map<String, String>> store = new HashMap<>();
        SecretSource source = SecretSource.of(store);
        store.put("s1", Map.of("client_id", "abc"));
        assertEquals("abc", source.secret("s1").get("client_id"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> source.secret("s2"));
        assertTrue(e.getMessage().contains("s2"));
    }

    @Test
    void missingFieldNamesSecretAndFieldButNoValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SecretSource.field(Map.of("client_id", "very-secret-id", "refresh_token", " "), "refresh_token", "ebay/s1"));
        assertTrue(e.getMessage().contains("ebay/s1") && e.getMessage().contains("refresh_token"));
        assertFalse(e.getMessage().contains("very-secret-id"));
        assertEquals("very-secret-id", SecretSource.field(Map.of("client_id", "very-secret-id"), "client_id", "ebay/s1"));
    }

    @Test
    void scrubMasksEverySecretValueAndCutsLongText() {
        String out = SecretSource.scrub("bad client sec-12345 for id app-1 (abc)", Map.of("a", "sec-12345", "b", "app-1", "c", "abc"));
        assertEquals("bad client *** for id *** (abc)", out, "values shorter than four characters are not masked");
        assertEquals(201, SecretSource.scrub("x".repeat(500), Map.of()).length());
    }

    @Test
    void timestampsInUtcOrWithOffset() {
        assertEquals(Optional.of(Instant.parse("2026-11-20T10:00:00Z")), Timestamps.parse("2026-11-20T10:00:00.000Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-20T10:00:00Z")), Timestamps.parse("2026-11-20T11:00:00+01:00"));
        assertEquals(Optional.empty(), Timestamps.parse("yesterday"));
        assertEquals(Optional.empty(), Timestamps.parse(null));
    }
}
