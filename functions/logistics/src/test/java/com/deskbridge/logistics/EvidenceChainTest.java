package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvidenceChainTest {

    /** Advances one second per reading. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }
    }

    private final EvidenceChain chain = new EvidenceChain(new TickingClock());
    private final List<EvidenceChain.Entry> entries = new ArrayList<>();

    @BeforeEach
    void fill() {
        entries.add(chain.append(EvidenceChain.ORDER_SNAPSHOT, Map.of("orderId", "028-1234567-1234567", "orderStatus", "SHIPPED")));
        entries.add(chain.append(EvidenceChain.TRACKING_OBSERVED, Map.of("carrier", "DHL", "trackingNumber", "0034", "status", "InTransit")));
        entries.add(chain.append(EvidenceChain.TRACKING_OBSERVED, Map.of("carrier", "DHL", "trackingNumber", "0034", "status", "Exception")));
        entries.add(chain.append(EvidenceChain.ACTION_REQUESTED, Map.of("actionType", "REFUND", "amount", "12.50", "currency", "EUR")));
        entries.add(chain.append(EvidenceChain.ACTION_COMPLETED, Map.of("actionType", "REFUND", "result", "DONE")));
    }

    private static EvidenceChain.Entry copy(EvidenceChain.Entry e, long seq, Map<String, String> payload, String prev, String hash) {
        return new EvidenceChain.Entry(seq, e.recordedAt(), e.kind(), new TreeMap<>(payload), prev, hash);
    }

    @Test
    void genesisAndLinking() {
        assertThat(entries.get(0).sequence()).isEqualTo(1);
        assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
            assertThat(entries.get(i).sequence()).isEqualTo(i + 1);
        }
        assertThat(entries.get(0).hash()).matches("[0-9a-f]{64}");
        assertThat(EvidenceChain.verify(entries).valid()).isTrue();
        assertThat(EvidenceChain.verify(entries, chain.head().orElseThrow().hash()).valid()).isTrue();
        assertThat(EvidenceChain.verify(List.of()).valid()).isTrue();
    }

    @Test
    void hashIsStableAndTheEncodingUnambiguous() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String h1 = EvidenceChain.hash(1, t, "K", new TreeMap<>(Map.of("note", "ab", "sku", "c")), EvidenceChain.GENESIS_HASH);
        String h2 = EvidenceChain.hash(1, t, "K", new TreeMap<>(Map.of("note", "a", "sku", "bc")), EvidenceChain.GENESIS_HASH);
        String h3 = EvidenceChain.hash(1, t, "K", new TreeMap<>(Map.of("note", "ab", "sku", "c")), EvidenceChain.GENESIS_HASH);
        assertThat(h1).isNotEqualTo(h2).isEqualTo(h3);
        String h4 = EvidenceChain.hash(1, t, "K", new TreeMap<>(Map.of("note", "absku")), EvidenceChain.GENESIS_HASH);
        assertThat(h4).isNotEqualTo(h1);
    }

    @Test
    void resumesAStoredChain() {
        EvidenceChain resumed = new EvidenceChain(new TickingClock(), entries.get(entries.size() - 1));
        entries.add(resumed.append(EvidenceChain.FLAG_RAISED, Map.of("flags", "DELAYED")));
        assertThat(entries.get(5).sequence()).isEqualTo(6);
        assertThat(EvidenceChain.verify(entries).valid()).isTrue();
    }

    @Test
    void alteredPayloadIsDetected() {
        EvidenceChain.Entry e = entries.get(2);
        Map<String, String> edited = new TreeMap<>(e.payload());
        edited.put("status", "Delivered");
        entries.set(2, copy(e, e.sequence(), edited, e.previousHash(), e.hash()));
        EvidenceChain.Verification v = EvidenceChain.verify(entries);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(3);
        assertThat(v.problem()).contains(EvidenceChain.Problem.ALTERED);
    }

    @Test
    void alteredAndRehashedEntryBreaksTheNextLink() {
        EvidenceChain.Entry e = entries.get(2);
        Map<String, String> edited = new TreeMap<>(e.payload());
        edited.put("status", "Delivered");
        String rehash = EvidenceChain.hash(e.sequence(), e.recordedAt(), e.kind(), new TreeMap<>(edited), e.previousHash());
        entries.set(2, copy(e, e.sequence(), edited, e.previousHash(), rehash));
        EvidenceChain.Verification v = EvidenceChain.verify(entries);
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(4);
        assertThat(v.problem()).contains(EvidenceChain.Problem.WRONG_PREVIOUS_HASH);
    }

    @Test
    void removedEntryIsDetected() {
        entries.remove(1);
        EvidenceChain.Verification v = EvidenceChain.verify(entries);
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(3);
        assertThat(v.problem()).contains(EvidenceChain.Problem.MISSING);
        assertThat(v.detail()).contains("2..2");
    }

    @Test
    void removedFirstEntryIsDetected() {
        entries.remove(0);
        assertThat(EvidenceChain.verify(entries).problem()).contains(EvidenceChain.Problem.MISSING);
    }

    @Test
    void removedLastEntryIsDetectedAgainstTheRecordedHead() {
        String head = chain.head().orElseThrow().hash();
        entries.remove(entries.size() - 1);
        assertThat(EvidenceChain.verify(entries).valid()).isTrue();
        EvidenceChain.Verification v = EvidenceChain.verify(entries, head);
        assertThat(v.problem()).contains(EvidenceChain.Problem.HEAD_MISMATCH);
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(5);
    }

    @Test
    void reorderedEntriesAreDetected() {
        EvidenceChain.Entry second = entries.get(1);
        entries.set(1, entries.get(2));
        entries.set(2, second);
        EvidenceChain.Verification v = EvidenceChain.verify(entries);
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(3);
        assertThat(v.problem()).contains(EvidenceChain.Problem.OUT_OF_ORDER);
    }

    @Test
    void insertedEntryIsDetected() {
        EvidenceChain.Entry before = entries.get(1);
        Map<String, String> forged = Map.of("carrier", "DHL", "trackingNumber", "0034", "status", "Delivered");
        Instant at = before.recordedAt().plusMillis(1);
        String hash = EvidenceChain.hash(3, at, EvidenceChain.TRACKING_OBSERVED, new TreeMap<>(forged), before.hash());
        entries.add(2, new EvidenceChain.Entry(3, at, EvidenceChain.TRACKING_OBSERVED, new TreeMap<>(forged), before.hash(), hash));
        EvidenceChain.Verification v = EvidenceChain.verify(entries);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(3);
        assertThat(v.problem()).contains(EvidenceChain.Problem.OUT_OF_ORDER);
    }

    @Test
    void insertedEntryWithRenumberedTailIsDetectedByItsLink() {
        EvidenceChain.Entry before = entries.get(1);
        Map<String, String> forged = Map.of("status", "Delivered");
        Instant at = before.recordedAt().plusMillis(1);
        String hash = EvidenceChain.hash(3, at, "TRACKING_OBSERVED", new TreeMap<>(forged), before.hash());
        List<EvidenceChain.Entry> tampered = new ArrayList<>(entries.subList(0, 2));
        tampered.add(new EvidenceChain.Entry(3, at, "TRACKING_OBSERVED", new TreeMap<>(forged), before.hash(), hash));
        for (EvidenceChain.Entry e : entries.subList(2, entries.size())) {
            long seq = e.sequence() + 1;
            tampered.add(new EvidenceChain.Entry(seq, e.recordedAt(), e.kind(), e.payload(), e.previousHash(),
                    EvidenceChain.hash(seq, e.recordedAt(), e.kind(), e.payload(), e.previousHash())));
        }
        EvidenceChain.Verification v = EvidenceChain.verify(tampered);
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(4);
        assertThat(v.problem()).contains(EvidenceChain.Problem.WRONG_PREVIOUS_HASH);
    }

    @Test
    void wrongGenesisIsDetected() {
        EvidenceChain.Entry e = entries.get(0);
        String prev = "1".repeat(64);
        entries.set(0, copy(e, 1, e.payload(), prev, EvidenceChain.hash(1, e.recordedAt(), e.kind(), e.payload(), prev)));
        EvidenceChain.Verification v = EvidenceChain.verify(entries);
        assertThat(v.brokenSequence().getAsLong()).isEqualTo(1);
        assertThat(v.problem()).contains(EvidenceChain.Problem.WRONG_PREVIOUS_HASH);
    }

    @Test
    void everySingleFieldEditIsDetected() {
        EvidenceChain.Entry e = entries.get(3);
        List<EvidenceChain.Entry> variants = List.of(
                new EvidenceChain.Entry(e.sequence(), e.recordedAt().plusSeconds(1), e.kind(), e.payload(), e.previousHash(), e.hash()),
                new EvidenceChain.Entry(e.sequence(), e.recordedAt(), "ACTION_FAILED", e.payload(), e.previousHash(), e.hash()),
                new EvidenceChain.Entry(e.sequence(), e.recordedAt(), e.kind(), new TreeMap<>(Map.of("amount", "12.50")), e.previousHash(), e.hash()),
                new EvidenceChain.Entry(e.sequence(), e.recordedAt(), e.kind(), e.payload(), e.previousHash(), "f".repeat(64)));
        for (EvidenceChain.Entry variant : variants) {
            List<EvidenceChain.Entry> copy = new ArrayList<>(entries);
            copy.set(3, variant);
            assertThat(EvidenceChain.verify(copy).brokenSequence().getAsLong()).isEqualTo(4);
        }
    }

    @Test
    void refusesBuyerDataAndBadKinds() {
        assertThatThrownBy(() -> chain.append("TRACKING_OBSERVED", Map.of("buyerName", "Jane Doe")))
                .hasMessageContaining("buyerName");
        assertThatThrownBy(() -> chain.append("TRACKING_OBSERVED", Map.of("note", "mail jane@example.com")))
                .hasMessageContaining("e-mail");
        assertThatThrownBy(() -> chain.append("tracking observed", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(EvidenceChain.verify(entries).valid()).isTrue();
        assertThat(chain.head().orElseThrow().sequence()).isEqualTo(5);
    }

    @Test
    void trackingPayloadHoldsNoFreeText() {
        TrackingSnapshot s = Snapshots.snapshot(TrackingStatus.DELIVERED, Instant.parse("2026-11-22T09:00:00Z"), null,
                false, null, Instant.parse("2026-11-22T10:00:00Z"));
        Map<String, String> payload = EvidenceChain.trackingPayload(s);
        assertThat(payload).containsEntry("status", "Delivered").containsEntry("carrier", "DHL")
                .containsEntry("eventAt", "2026-11-22T09:00:00Z").doesNotContainKey("rawText");
        assertThat(chain.append(EvidenceChain.TRACKING_OBSERVED, payload).payload()).isEqualTo(new TreeMap<>(payload));
    }
}
