package com.deskbridge.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryActionAttemptsTest {

    @Test
    void theFirstWriterWinsAndTheExternalIdIsAddedLater() {
        InMemoryActionAttempts attempts = new InMemoryActionAttempts();
        ActionAttempts.Attempt a = new ActionAttempts.Attempt("s1", "key-0001", "12-34567-89012", "refund", "f1",
                Set.of("R-1"), null, Instant.parse("2026-11-20T10:00:00Z"), null);
        assertThat(attempts.begin(a)).isTrue();
        assertThat(attempts.begin(a.withExternalId("other"))).isFalse();
        assertThat(attempts.find("s1", "key-0001")).contains(a);
        assertThat(attempts.find("s2", "key-0001")).isEmpty();

        attempts.complete("s1", "key-0001", "R-2");
        assertThat(attempts.find("s1", "key-0001").orElseThrow().externalId()).isEqualTo("R-2");
        assertThat(attempts.find("s1", "key-0001").orElseThrow().knownBefore()).containsExactly("R-1");
    }
}
