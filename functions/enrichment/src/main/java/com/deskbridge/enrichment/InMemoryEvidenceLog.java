package com.deskbridge.enrichment;

import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link EvidenceLog} in memory, one {@link EvidenceChain} per ticket (the chain's own field rules and hashing):
 * for SnapStart priming ({@link EnrichmentPriming}), which must not write the tickets table.
 */
final class InMemoryEvidenceLog implements EvidenceLog {
    private final Clock clock;
    private final Map<String, EvidenceChain> chains = new HashMap<>();
    private final Map<String, List<EvidenceChain.Entry>> entries = new HashMap<>();

    InMemoryEvidenceLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public synchronized EvidenceChain.Entry append(String sellerId, String ticketId, String kind, Map<String, String> payload) {
        String key = sellerId + "|" + ticketId;
        EvidenceChain.Entry entry = chains.computeIfAbsent(key, k -> new EvidenceChain(clock)).append(kind, payload);
        entries.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        return entry;
    }

    @Override
    public synchronized StoredChain chain(String sellerId, String ticketId) {
        List<EvidenceChain.Entry> chain = entries.getOrDefault(sellerId + "|" + ticketId, List.of());
        return new StoredChain(chain, chain.isEmpty() ? null : chain.get(chain.size() - 1).hash());
    }
}
