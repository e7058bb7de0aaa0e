package com.deskbridge.logistics;

import java.util.List;
import java.util.Map;

/**
 * Where a ticket's evidence chain ({@link EvidenceChain}) is kept: append-only, one chain per ticket, the head hash
 * stored beside it so that even a consistently rewritten tail is detected. Ids are the seller's and the ticket's
 * (the seller is part of every key: no seller reads another's evidence).
 */
public interface EvidenceLog {

    /**
     * Appends an entry after the ticket's current head. Concurrent appends to one ticket are serialised (the loser
     * reads the new head and links after it), so the chain never forks.
     *
     * @throws IllegalArgumentException for payload fields {@link EvidenceChain} refuses
     */
    EvidenceChain.Entry append(String sellerId, String ticketId, String kind, Map<String, String> payload);

    /** One entry to append: its kind and payload (null values are left out, as {@link EvidenceChain#append} does). */
    record Record(String kind, Map<String, String> payload) {
        public Record {
            payload = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(payload));
        }
    }

    /**
     * Appends {@code records} in their order, linked one after the other after the ticket's current head, as one step:
     * a store that can reads the head once and writes them together (no entry of another appender between them).
     * The default appends them one by one.
     *
     * @return the entries appended, in order
     */
    default List<EvidenceChain.Entry> appendAll(String sellerId, String ticketId, List<Record> records) {
        return records.stream().map(r -> append(sellerId, ticketId, r.kind(), r.payload())).toList();
    }

    /** The ticket's chain, oldest first, and the head hash recorded with it (null when there is none). */
    StoredChain chain(String sellerId, String ticketId);

    record StoredChain(List<EvidenceChain.Entry> entries, String headHash) {
        public StoredChain {
            entries = List.copyOf(entries);
        }

        public EvidenceChain.Verification verify() {
            return headHash == null ? EvidenceChain.verify(entries) : EvidenceChain.verify(entries, headHash);
        }
    }
}
