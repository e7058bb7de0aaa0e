package com.deskbridge.api;

import com.deskbridge.domain.port.TicketNotes;
import com.deskbridge.domain.port.TicketPresence;
import com.deskbridge.domain.port.TicketSearch;
import com.deskbridge.domain.ticket.InternalNote;
import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Search, notes, presence and evidence in memory, for the handler tests whose store is a fake too. */
final class InMemoryCollaboration {
    final List<InternalNote> notes = new ArrayList<>();
    final Map<String, Presence> presence = new ConcurrentHashMap<>();
    final List<String> evidence = new ArrayList<>();

    private InMemoryCollaboration() {
    }

    static InMemoryCollaboration create() {
        return new InMemoryCollaboration();
    }

    /** A search that finds {@code tickets} by their order id (exactly, per seller) and nothing by buyer or words. */
    static TicketSearch search(List<TicketSummary> tickets) {
        return new TicketSearch() {
            @Override
            public List<TicketSummary> byOrder(SellerId seller, String orderId, int limit, Instant now) {
                return tickets.stream().filter(t -> t.seller().equals(seller) && orderId.equals(t.orderId())).limit(limit).toList();
            }

            @Override
            public List<TicketSummary> byBuyer(SellerId seller, String buyer, int limit, Instant now) {
                return List.of();
            }

            @Override
            public Found byWords(SellerId seller, List<String> words, int limit, int maxTickets, Instant now) {
                return new Found(List.of(), 0);
            }
        };
    }

    Collaboration ports() {
        TicketSearch search = search(List.of());
        TicketNotes store = new TicketNotes() {
            @Override
            public void add(SellerId seller, TicketId ticket, InternalNote note, Instant expiresAt) {
                notes.add(note);
            }

            @Override
            public List<InternalNote> notes(SellerId seller, TicketId ticket, Instant now) {
                return List.copyOf(notes);
            }
        };
        TicketPresence here = new TicketPresence() {
            @Override
            public void mark(SellerId seller, TicketId ticket, Presence p) {
                presence.put(p.agentId(), p);
            }

            @Override
            public List<Presence> current(SellerId seller, TicketId ticket, Instant now) {
                return presence.values().stream().filter(p -> p.until().isAfter(now)).toList();
            }
        };
        EvidenceLog log = new EvidenceLog() {
            @Override
            public EvidenceChain.Entry append(String sellerId, String ticketId, String kind, Map<String, String> payload) {
                evidence.add(kind + " " + new TreeMap<>(payload));
                return new EvidenceChain.Entry(evidence.size(), Instant.EPOCH, kind, new TreeMap<>(payload),
                        EvidenceChain.GENESIS_HASH, EvidenceChain.GENESIS_HASH);
            }

            @Override
            public StoredChain chain(String sellerId, String ticketId) {
                return new StoredChain(List.of(), null);
            }
        };
        return new Collaboration(search, store, here, log, Duration.ofDays(30));
    }
}
