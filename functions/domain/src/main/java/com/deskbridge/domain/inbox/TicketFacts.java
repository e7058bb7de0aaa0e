package com.deskbridge.domain.inbox;

import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.TicketStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the smart inbox knows of a ticket: the ticket's own state, its SLA milestones and what enrichment learnt about
 * its order. Everything optional may be null (not known yet).
 *
 * @param awaitingReply      a buyer message waits for an answer
 * @param dueAt              the response deadline of the waiting period
 * @param marketplaceDueAt   the marketplace's own deadline (Amazon: 24 h), when the timeline has one
 * @param fired              SLA milestones passed in the waiting period (the sweep records them)
 * @param deliveryFlags      the order's shipments' proactive flags (DELAYED, EXCEPTION, LOST, RETURNED_TO_SENDER)
 * @param fulfilment         FBA, FBM or MCF
 * @param shipped            the order has (partly) shipped; null when the order was not read
 * @param latestShipDate     the ship-by time
 * @param latestDeliveryDate the latest promised delivery
 * @param trackingKnown      a tracking number is known for the order
 * @param orderValue         the order's total in its currency
 * @param lastHandledBy      the agent who last replied or closed
 * @param escalationLanguage a buyer message threatens a claim, chargeback, review or lawyer
 */
public record TicketFacts(TicketStatus status, boolean awaitingReply, String intent, Set<String> tags, Instant dueAt,
                          Instant marketplaceDueAt, Set<MilestoneKind> fired, Set<String> deliveryFlags,
                          String fulfilment, Boolean shipped, Instant latestShipDate, Instant latestDeliveryDate,
                          boolean trackingKnown, BigDecimal orderValue, String currency, int messageCount,
                          String assignee, String lastHandledBy, boolean escalationLanguage, Instant createdAt) {
    public TicketFacts {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        fired = fired == null || fired.isEmpty() ? EnumSet.noneOf(MilestoneKind.class) : EnumSet.copyOf(fired);
        deliveryFlags = deliveryFlags == null ? Set.of() : Set.copyOf(deliveryFlags);
    }

    boolean open() {
        return status == TicketStatus.OPEN;
    }

    boolean aToZEligible() {
        return fired.contains(MilestoneKind.A_TO_Z_ELIGIBLE);
    }

    boolean hasDeliveryFlag() {
        return !deliveryFlags.isEmpty();
    }

    /** A delivery problem (intent or flag) after the order's latest delivery date. */
    boolean deliveryProblemPastLatestDelivery(Instant now) {
        boolean problem = "DELIVERY_PROBLEM".equals(intent) || hasDeliveryFlag();
        return problem && (fired.contains(MilestoneKind.URGENT)
                || latestDeliveryDate != null && now != null && now.isAfter(latestDeliveryDate));
    }
}
