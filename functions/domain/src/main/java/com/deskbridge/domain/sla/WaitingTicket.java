package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Instant;

/**
 * What the SLA clocks need of a ticket that awaits a reply.
 *
 * @param oldestUnansweredAt      when the oldest buyer message not yet answered arrived: the clocks start here.
 *                                The caller resets it on an agent reply or "no response needed" (the ticket stops
 *                                waiting) and sets it from the next buyer message after that. Automatic
 *                                acknowledgements must not reset it: they are not responses.
 * @param deliveryProblem         the buyer reports a delivery problem (late, missing, not received)
 * @param latestDeliveryDate      the order's latest promised delivery instant; {@code null} when unknown
 * @param cancellationRequestedAt when the buyer asked to cancel the order (e.g. Amazon's BuyerRequestedCancel, which
 *                                may predate the message); {@code null} when there is no pending request
 */
public record WaitingTicket(Channel channel, Instant oldestUnansweredAt, boolean deliveryProblem,
        Instant latestDeliveryDate, Instant cancellationRequestedAt) {

    /** @throws InvalidInputException naming {@code channel} or {@code oldestUnansweredAt} */
    public WaitingTicket {
        if (channel == null) {
            throw new InvalidInputException("channel", "is required");
        }
        if (oldestUnansweredAt == null) {
            throw new InvalidInputException("oldestUnansweredAt", "is required");
        }
    }

    /** A plain question: no delivery problem, no cancellation request. */
    public static WaitingTicket message(Channel channel, Instant oldestUnansweredAt) {
        return new WaitingTicket(channel, oldestUnansweredAt, false, null, null);
    }
}
