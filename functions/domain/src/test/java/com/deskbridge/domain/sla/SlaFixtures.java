package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Shared policies and instant helpers for the SLA tests. */
final class SlaFixtures {

    private SlaFixtures() {
    }

    /** An instant from an ISO offset date-time, e.g. {@code 2026-06-05T17:00+02:00}. */
    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** Berlin office: Mon–Fri 08:00–12:00 and 13:00–18:00, closed 24 and 25 December 2026; 6 h / 12 h / 0.75. */
    static SellerSlaPolicy.Builder officeBuilder() {
        SellerSlaPolicy.Builder b = SellerSlaPolicy.builder().timeZone("Europe/Berlin")
                .holiday("2026-12-24").holiday("2026-12-25")
                .targetInsideMinutes(360).targetOutsideMinutes(720).atRiskShare(0.75);
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            b.open(day, "08:00", "12:00").open(day, "13:00", "18:00");
        }
        return b;
    }

    static SellerSlaPolicy office() {
        return officeBuilder().build();
    }

    /** Open around the clock in the given zone, 6 h / 12 h / 0.75. */
    static SellerSlaPolicy alwaysOpen(String zone) {
        SellerSlaPolicy.Builder b = SellerSlaPolicy.builder().timeZone(zone).targetInsideMinutes(360)
                .targetOutsideMinutes(720);
        for (String day : new String[] {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
            b.open(day, "00:00", "24:00");
        }
        return b.build();
    }

    /** Policies whose e-mail deadline (30 days) never caps the target, so the seller rule shows alone. */
    static SlaCalculator uncapped(SellerSlaPolicy policy) {
        return new SlaCalculator(SlaPolicies.of(policy)
                .withDeadlines(ChannelDeadlines.defaults().with(Channel.EMAIL, Duration.ofDays(30))));
    }

    static SlaTimeline emailTimeline(SellerSlaPolicy policy, Instant received) {
        return uncapped(policy).timelineFor(WaitingTicket.message(Channel.EMAIL, received));
    }
}
