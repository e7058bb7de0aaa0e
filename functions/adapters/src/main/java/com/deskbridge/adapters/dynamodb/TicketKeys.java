package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The single-table key layout. Every key starts with the seller, so no query can reach another seller's items.
 *
 * <pre>
 * item      PK                      SK            GSI1PK (ByStatus)          GSI1SK               GSI2PK (ByOrder)        GSI2SK
 * ticket    S#{seller}#T#{ticket}   TICKET        S#{seller}#ST#{status}     {waiting since}      S#{seller}#O#{order}    T#{ticket}
 * message   S#{seller}#T#{ticket}   M#{msgKey}    -                          -                    -                       -
 *
 * ticket, also:          GSI4PK (ByBuyer)    = S#{seller}#B#{buyer, lower case}   GSI4SK = {created}#{ticket}
 *                        GSI5PK (ByActivity) = S#{seller}#ACT                     GSI5SK = {last buyer message}#{ticket}
 * note      S#{seller}#T#{ticket}   N#{at}#{noteId}   (internal notes, expire with the ticket's personal data)
 * presence  S#{seller}#T#{ticket}   P#{agent}         (who has the ticket open; expires after seconds)
 * waiting ticket, also:  GSI3PK (DueBySweep) = DUE#{0..7}   GSI3SK = {next SLA milestone}#{ticket}
 * unsent reply, also:    GSI3PK (DueBySweep) = SEND#{0..7}  GSI3SK = {recorded at}#{ticket}#{msgKey}
 * response record        S#{seller}#RESP#{day}   {received}#{ticket}      (first-response times for SLA metrics)
 * agent day counters     S#{seller}#AGENTDAY#{day}  A#{agent}           (replies by source, blocks, actions per agent)
 * suggestion counters    S#{seller}#SUGGDAY#{day}   {macro}#{intent}    (suggestions shown, used, edited)
 * suggestion shown mark  S#{seller}#T#{ticket}      SUGG#{suggestionId} (counts a suggestion shown once)
 * </pre>
 *
 * The open queue's GSI1SK is the ticket's response deadline ({@code dueAt}), or its arrival when it has none, so
 * the queue reads in due order; other statuses sort by when they entered the status.
 */
final class TicketKeys {
    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String GSI2PK = "GSI2PK";
    static final String GSI2SK = "GSI2SK";
    static final String GSI3PK = "GSI3PK";
    static final String GSI3SK = "GSI3SK";
    static final String GSI4PK = "GSI4PK";
    static final String GSI4SK = "GSI4SK";
    static final String GSI5PK = "GSI5PK";
    static final String GSI5SK = "GSI5SK";
    static final String BY_STATUS = "ByStatus";
    static final String BY_ORDER = "ByOrder";
    static final String BY_BUYER = "ByBuyer";
    static final String BY_ACTIVITY = "ByActivity";
    static final String NOTE_SK_PREFIX = "N#";
    static final String PRESENCE_SK_PREFIX = "P#";
    static final String DUE_BY_SWEEP = "DueBySweep";
    /** Write shards of the due index: a sweep reads all of them, no index partition takes every write. */
    static final int DUE_SHARDS = 8;
    static final String TICKET_SK = "TICKET";
    static final String MESSAGE_SK_PREFIX = "M#";

    /** Fixed-width UTC timestamps, so that string order is time order in sort keys. */
    static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TicketKeys() {
    }

    static String ticketPk(SellerId seller, TicketId ticket) {
        return sellerPrefix(seller) + "T#" + ticket.value();
    }

    static String sellerPrefix(SellerId seller) {
        return "S#" + seller.value() + "#";
    }

    static String statusPk(SellerId seller, TicketStatus status) {
        return sellerPrefix(seller) + "ST#" + status.wireName();
    }

    static String orderPk(SellerId seller, String orderId) {
        return sellerPrefix(seller) + "O#" + orderId;
    }

    static String buyerPk(SellerId seller, String buyer) {
        return sellerPrefix(seller) + "B#" + buyer.toLowerCase(java.util.Locale.ROOT);
    }

    /** All of the seller's tickets by their latest buyer message: the bounded window word search reads. */
    static String activityPk(SellerId seller) {
        return sellerPrefix(seller) + "ACT";
    }

    static int dueShard(TicketId ticket) {
        return Math.floorMod(ticket.value().hashCode(), DUE_SHARDS);
    }

    static String duePk(int shard) {
        return "DUE#" + shard;
    }

    /** Time first, so a range query up to "now" finds exactly the due tickets; the ticket id keeps keys unique. */
    static String dueSk(Instant next, TicketId ticket) {
        return time(next) + "#" + ticket.value();
    }

    /** Replies not yet handed to their channel, by when they were recorded: the re-drive reads them. */
    static String sendPk(int shard) {
        return "SEND#" + shard;
    }

    static String sendSk(Instant at, TicketId ticket, String messageKey) {
        return time(at) + "#" + ticket.value() + "#" + messageKey;
    }

    static String responsePk(SellerId seller, Instant receivedAt) {
        return sellerPrefix(seller) + "RESP#" + receivedAt.toString().substring(0, 10);
    }

    static String agentDayPk(SellerId seller, Instant at) {
        return sellerPrefix(seller) + "AGENTDAY#" + at.toString().substring(0, 10);
    }

    static String suggestionDayPk(SellerId seller, Instant at) {
        return sellerPrefix(seller) + "SUGGDAY#" + at.toString().substring(0, 10);
    }

    static String time(Instant instant) {
        return SORTABLE.format(instant);
    }
}
