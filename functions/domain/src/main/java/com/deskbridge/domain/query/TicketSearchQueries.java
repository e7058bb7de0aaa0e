package com.deskbridge.domain.query;

import com.deskbridge.domain.port.TicketSearch;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SearchText;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Search for agents: a query is tried as an order id and as a buyer alias (exact, through indexes) and as words of
 * subjects and messages among the seller's most recently active tickets (bounded: never the whole table); and the
 * customer's history on a ticket (the buyer's other tickets and their orders with this seller).
 */
public final class TicketSearchQueries {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 50;
    /** How many of the seller's most recently active tickets a word search reads at most. */
    public static final int RECENT_TICKETS = 500;
    public static final int MAX_WORDS = 5;
    public static final int MAX_QUERY_CHARS = 200;
    /** The most of a buyer's other tickets a ticket shows. */
    public static final int HISTORY_TICKETS = 20;

    private final TicketSearch search;
    private final Clock clock;

    public TicketSearchQueries(TicketSearch search, Clock clock) {
        this.search = Objects.requireNonNull(search);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Matches: order first, then buyer, then words (each newest first); how many recent tickets the words met. */
    public record Result(List<TicketSummary> items, int recentTicketsSearched) {
        public Result {
            items = List.copyOf(items);
        }
    }

    /** @throws InvalidInputException naming "q" or "limit" */
    public Result search(SellerId seller, String query, Integer limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException("q", "must be 1 to " + MAX_QUERY_CHARS + " characters: an order id, a buyer's alias or words");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + " (was " + size + ")");
        }
        Instant now = clock.instant();
        Map<String, TicketSummary> found = new LinkedHashMap<>();
        search.byOrder(seller, q, size, now).forEach(t -> found.putIfAbsent(t.id().value(), t));
        search.byBuyer(seller, q.toLowerCase(Locale.ROOT), size, now).forEach(t -> found.putIfAbsent(t.id().value(), t));
        int searched = 0;
        List<String> words = SearchText.words(q, MAX_WORDS);
        if (!words.isEmpty() && found.size() < size) {
            TicketSearch.Found byWords = search.byWords(seller, words, size, RECENT_TICKETS, now);
            byWords.items().forEach(t -> found.putIfAbsent(t.id().value(), t));
            searched = byWords.searched();
        }
        return new Result(new ArrayList<>(found.values()).subList(0, Math.min(size, found.size())), searched);
    }

    /** The buyer's other tickets with this seller (newest first) and every order id of the buyer's tickets. */
    public record History(List<TicketSummary> tickets, List<String> orderIds) {
        public History {
            tickets = List.copyOf(tickets);
            orderIds = List.copyOf(orderIds);
        }
    }

    public History history(TicketSummary ticket) {
        if (ticket.buyer() == null || ticket.buyer().isBlank()) {
            return new History(List.of(), ticket.orderId() == null ? List.of() : List.of(ticket.orderId()));
        }
        List<TicketSummary> all = search.byBuyer(ticket.seller(), ticket.buyer().toLowerCase(Locale.ROOT),
                HISTORY_TICKETS + 1, clock.instant());
        TreeSet<String> orders = new TreeSet<>();
        if (ticket.orderId() != null) {
            orders.add(ticket.orderId());
        }
        all.forEach(t -> {
            if (t.orderId() != null) {
                orders.add(t.orderId());
            }
        });
        List<TicketSummary> others = all.stream().filter(t -> !t.id().equals(ticket.id())).limit(HISTORY_TICKETS).toList();
        return new History(others, List.copyOf(orders));
    }
}
