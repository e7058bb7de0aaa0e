package com.deskbridge.domain.inbox;

import static com.deskbridge.domain.inbox.InboxRulesTest.NOW;
import static com.deskbridge.domain.inbox.InboxRulesTest.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.sla.MilestoneKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PriorityScoreTest {

    @Test
    void reasonsReadLikeTheIssueSaysAndEachRaisesTheScore() {
        PriorityScore plain = PriorityScore.of(open("DELIVERY_PROBLEM").deadline(Duration.ofHours(30)).build(), NOW);
        assertThat(plain.value()).isZero();
        assertThat(plain.summary()).isEqualTo("Amazon deadline in 30 h");

        PriorityScore hot = PriorityScore.of(open("DELIVERY_PROBLEM").deadline(Duration.ofMinutes(125))
                .fired(MilestoneKind.AT_RISK).messages(3).flags("LOST").build(), NOW);
        assertThat(hot.summary()).isEqualTo("Amazon deadline in 2 h · parcel lost · 3rd message on this order");
        assertThat(hot.value()).isEqualTo(30 + 15 + 10);
    }

    @Test
    void riskFactorsAddUp() {
        InboxRulesTest.Facts base = open("DELIVERY_PROBLEM").deadline(Duration.ofHours(30));
        int before = PriorityScore.of(base.build(), NOW).value();
        int aToZ = PriorityScore.of(base.fired(MilestoneKind.A_TO_Z_ELIGIBLE).build(), NOW).value();
        assertThat(aToZ).isEqualTo(before + 25);
        int pastDelivery = PriorityScore.of(base.latestDelivery(NOW.minus(Duration.ofDays(2))).build(), NOW).value();
        assertThat(pastDelivery).isEqualTo(aToZ + 20);
        PriorityScore escalated = PriorityScore.of(base.escalation().value("180.00").build(), NOW);
        assertThat(escalated.value()).isEqualTo(pastDelivery + 15 + 7);
        assertThat(escalated.reasons()).contains("A-to-z claim possible", "delivery problem past the latest delivery date",
                "escalation language", "order value 180 EUR");
    }

    @Test
    void aPassedDeadlineCountsMostAndAnsweredTicketsHaveNoDeadline() {
        PriorityScore late = PriorityScore.of(open("OTHER").deadline(Duration.ofHours(-3)).build(), NOW);
        assertThat(late.value()).isEqualTo(40);
        assertThat(late.reasons()).containsExactly("Amazon deadline passed 3 h ago");
        PriorityScore answered = PriorityScore.of(open("OTHER").deadline(Duration.ofHours(-3))
                .status(com.deskbridge.domain.ticket.TicketStatus.PENDING).build(), NOW);
        assertThat(answered.value()).isZero();
        assertThat(answered.reasons()).isEmpty();
    }

    @Test
    void scoresAreCappedAndOrdinalsRight() {
        assertThat(PriorityScore.ordinal(1)).isEqualTo("1st");
        assertThat(PriorityScore.ordinal(2)).isEqualTo("2nd");
        assertThat(PriorityScore.ordinal(11)).isEqualTo("11th");
        assertThat(PriorityScore.ordinal(23)).isEqualTo("23rd");
        PriorityScore max = PriorityScore.of(open("DELIVERY_PROBLEM").deadline(Duration.ofHours(-1))
                .fired(MilestoneKind.A_TO_Z_ELIGIBLE, MilestoneKind.URGENT).flags("LOST").escalation().messages(9)
                .value("100000").build(), NOW);
        assertThat(max.value()).isLessThanOrEqualTo(PriorityScore.MAX).isEqualTo(40 + 25 + 20 + 15 + 15 + 15 + 10);
    }
}
