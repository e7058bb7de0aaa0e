package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Computes a waiting ticket's {@link SlaTimeline} from a seller's {@link SlaPolicies}.
 *
 * <ul>
 *   <li><b>marketplace due</b> = received + the channel's deadline ({@link ChannelDeadlines}; Amazon: exactly
 *       24 h of elapsed time, whatever the clocks do);</li>
 *   <li><b>cancellation due</b> = cancellation requested + {@link #CANCELLATION_RESPONSE_WINDOW} (48 h of elapsed
 *       time: Amazon's 2 days for a buyer cancellation request, applied to every channel as the strictest
 *       known rule); it tightens the target;</li>
 *   <li><b>target due</b> = the earliest of the seller target ({@link SellerSlaPolicy}), the marketplace deadline
 *       and the cancellation deadline;</li>
 *   <li><b>at risk</b> = when the policy's share of [received, target due] is used: in open time when the target
 *       is business time, in elapsed time otherwise (rounded down to the nanosecond);</li>
 *   <li><b>urgent</b> = the latest delivery date, for a delivery-problem ticket that has one;</li>
 *   <li><b>A-to-z eligible</b> = latest delivery date + {@link #A_TO_Z_DELAY}, for such tickets on Amazon only.</li>
 * </ul>
 */
public final class SlaCalculator {

    /** Time to answer a buyer cancellation request. */
    public static final Duration CANCELLATION_RESPONSE_WINDOW = Duration.ofDays(2);
    /** An A-to-z claim becomes possible this long after the latest delivery date. */
    public static final Duration A_TO_Z_DELAY = Duration.ofDays(3);

    private final SlaPolicies policies;

    public SlaCalculator(SlaPolicies policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The timeline of a waiting ticket. */
    public SlaTimeline timelineFor(WaitingTicket ticket) {
        SellerSlaPolicy policy = policies.policyFor(ticket.channel());
        Instant received = ticket.oldestUnansweredAt();
        Instant marketplaceDue = received.plus(policies.marketplaceDeadline(ticket.channel()));
        Instant cancellationDue = ticket.cancellationRequestedAt() == null ? null
                : ticket.cancellationRequestedAt().plus(CANCELLATION_RESPONSE_WINDOW);

        Instant due = marketplaceDue;
        TargetBasis basis = TargetBasis.MARKETPLACE_DEADLINE;
        if (cancellationDue != null && cancellationDue.isBefore(due)) {
            due = cancellationDue;
            basis = TargetBasis.CANCELLATION_DEADLINE;
        }
        BusinessCalendar calendar = policy.calendar();
        if (!calendar.isWithinBusinessDay(received)) {
            Instant outside = received.plus(policy.targetOutside());
            if (!outside.isAfter(due)) {
                due = outside;
                basis = TargetBasis.OUTSIDE_HOURS;
            }
        }
        Instant business = calendar.addOpenTime(received, policy.targetInside(), due).orElse(null);
        if (business != null) {
            due = business;
            basis = TargetBasis.BUSINESS_TIME;
        }

        Instant atRisk = atRisk(calendar, received, due, basis, policy);
        Instant urgentAt = null;
        Instant aToZ = null;
        if (ticket.deliveryProblem() && ticket.latestDeliveryDate() != null) {
            urgentAt = ticket.latestDeliveryDate();
            if (ticket.channel() == Channel.AMAZON) {
                aToZ = urgentAt.plus(A_TO_Z_DELAY);
            }
        }
        return new SlaTimeline(received, atRisk, due, basis, marketplaceDue, cancellationDue, urgentAt, aToZ);
    }

    private static Instant atRisk(BusinessCalendar calendar, Instant received, Instant due, TargetBasis basis,
            SellerSlaPolicy policy) {
        if (!due.isAfter(received)) {
            return due;
        }
        if (basis == TargetBasis.BUSINESS_TIME) {
            Duration share = share(policy.targetInside(), policy.atRiskShare());
            return calendar.addOpenTime(received, share, due).orElse(due);
        }
        return received.plus(share(Duration.between(received, due), policy.atRiskShare()));
    }

    private static Duration share(Duration window, double share) {
        BigDecimal nanos = new BigDecimal(window.getSeconds()).multiply(BigDecimal.valueOf(1_000_000_000L))
                .add(BigDecimal.valueOf(window.getNano()));
        return Duration.ofNanos(nanos.multiply(BigDecimal.valueOf(share)).setScale(0, RoundingMode.FLOOR).longValueExact());
    }
}
