package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.List;

/** Finding a seller's tickets other than by queue: by order, by buyer, by words. Every read is bounded. */
public interface TicketSearch {

    /** The seller's tickets about this order (an index: the order id is matched exactly), newest activity first. */
    List<TicketSummary> byOrder(SellerId seller, String orderId, int limit, Instant now);

    /** The seller's tickets from this buyer (an index: the buyer's alias or channel id, case-insensitive), newest first. */
    List<TicketSummary> byBuyer(SellerId seller, String buyer, int limit, Instant now);

    /**
     * The seller's most recently active tickets whose subject or text contain every word (lower case), reading at
     * most {@code maxTickets} tickets, newest first.
     */
    Found byWords(SellerId seller, List<String> words, int limit, int maxTickets, Instant now);

    /** Matches, and how many recent tickets were looked at. */
    record Found(List<TicketSummary> items, int searched) {
        public Found {
            items = List.copyOf(items);
        }
    }
}
