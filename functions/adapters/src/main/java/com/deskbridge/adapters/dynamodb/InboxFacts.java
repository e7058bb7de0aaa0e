package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.inbox.TicketFacts;
import com.deskbridge.domain.ticket.TicketStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a ticket item into the inbox's {@link TicketFacts}, and names the attributes only the inbox reads: what
 * enrichment learnt about the order ({@value #ORDER}), escalation language seen in a buyer message ({@value #ESCALATION})
 * and the agent who last handled the ticket ({@value #LAST_HANDLED_BY}).
 */
public final class InboxFacts {
    /** A map: fulfilment (S), shipped (BOOL), latestShipDate, latestDeliveryDate (S, ISO), value (N), currency (S), trackingKnown (BOOL), flags (SS). */
    public static final String ORDER = "inboxOrder";
    static final String ESCALATION = "escalationLanguage";
    static final String LAST_HANDLED_BY = "lastHandledBy";

    private InboxFacts() {
    }

    /** The ticket's lifecycle part is the domain's {@link com.deskbridge.domain.lifecycle.TicketState}; the rest is read here. */
    static TicketFacts of(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> order = item.containsKey(ORDER) && item.get(ORDER).hasM() ? item.get(ORDER).m() : Map.of();
        TicketFacts rest = new TicketFacts(TicketStatus.OPEN, false, null, Set.of(), null, null, Set.of(),
                order.containsKey("flags") ? Set.copyOf(order.get("flags").ss()) : Set.of(),
                ItemCodec.str(order, "fulfilment"),
                order.containsKey("shipped") ? order.get("shipped").bool() : null,
                instant(order, "latestShipDate"),
                instant(order, "latestDeliveryDate"),
                order.containsKey("trackingKnown") && Boolean.TRUE.equals(order.get("trackingKnown").bool()),
                order.containsKey("value") ? new BigDecimal(order.get("value").n()) : null,
                ItemCodec.str(order, "currency"), 0,
                ItemCodec.str(item, "assignee"), null, false,
                instant(item, "createdAt"));
        return TicketItems.state(item).facts(rest);
    }

    /**
     * The {@value #ORDER} attribute. Every argument may be null (unknown).
     *
     * @param shipped whether the order has (partly) shipped
     */
    public static AttributeValue order(String fulfilment, Boolean shipped, Instant latestShipDate, Instant latestDeliveryDate,
                                       BigDecimal value, String currency, boolean trackingKnown, List<String> flags) {
        Map<String, AttributeValue> m = new java.util.HashMap<>();
        if (fulfilment != null) {
            m.put("fulfilment", AttributeValue.fromS(fulfilment));
        }
        if (shipped != null) {
            m.put("shipped", AttributeValue.fromBool(shipped));
        }
        if (latestShipDate != null) {
            m.put("latestShipDate", AttributeValue.fromS(latestShipDate.toString()));
        }
        if (latestDeliveryDate != null) {
            m.put("latestDeliveryDate", AttributeValue.fromS(latestDeliveryDate.toString()));
        }
        if (value != null) {
            m.put("value", AttributeValue.fromN(value.toPlainString()));
        }
        if (currency != null) {
            m.put("currency", AttributeValue.fromS(currency));
        }
        m.put("trackingKnown", AttributeValue.fromBool(trackingKnown));
        if (flags != null && !flags.isEmpty()) {
            m.put("flags", AttributeValue.fromSs(flags));
        }
        return AttributeValue.fromM(m);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = ItemCodec.str(item, name);
        return v == null || v.isEmpty() ? null : Instant.parse(v);
    }
}
