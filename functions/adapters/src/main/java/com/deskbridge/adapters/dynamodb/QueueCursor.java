package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursor for the seller's queue. It carries only the position (queue time and ticket id); the
 * keys are rebuilt from the caller's own seller, so a cursor can never move a query into another partition.
 */
final class QueueCursor {
    private static final String VERSION = "q1";
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private QueueCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        String ticketPk = lastEvaluatedKey.get(TicketKeys.PK).s();
        String ticketId = ticketPk.substring(ticketPk.lastIndexOf("#T#") + 3);
        String raw = VERSION + "|" + lastEvaluatedKey.get(TicketKeys.GSI1SK).s() + "|" + ticketId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, SellerId seller, String statusPk) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !TIME.matcher(parts[1]).matches()) {
            throw invalid();
        }
        TicketId ticket;
        try {
            ticket = TicketId.parse(parts[2]);
        } catch (InvalidInputException e) {
            throw invalid();
        }
        return Map.of(
                TicketKeys.PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, ticket)),
                TicketKeys.SK, AttributeValue.fromS(TicketKeys.TICKET_SK),
                TicketKeys.GSI1PK, AttributeValue.fromS(statusPk),
                TicketKeys.GSI1SK, AttributeValue.fromS(parts[1]));
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor this API issued; start again without it");
    }
}
