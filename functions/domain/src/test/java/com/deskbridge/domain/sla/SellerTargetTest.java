package com.deskbridge.domain.sla;

import static com.deskbridge.domain.sla.SlaFixtures.at;
import static com.deskbridge.domain.sla.SlaFixtures.emailTimeline;
import static com.deskbridge.domain.sla.SlaFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.ticket.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seller target rule, on a channel whose marketplace deadline does not interfere. */
class SellerTargetTest {

    private static void assertTarget(SlaTimeline t, String due, TargetBasis basis, String atRisk) {
        assertThat(t.targetDueAt()).isEqualTo(at(due));
        assertThat(t.targetBasis()).isEqualTo(basis);
        assertThat(t.atRiskAt()).isEqualTo(at(atRisk));
    }

    @Test
    void sixBusinessHoursAcrossTheLunchBreak() {
        assertTarget(emailTimeline(office(), at("2026-06-03T10:00+02:00")),
                "2026-06-03T17:00+02:00", TargetBasis.BUSINESS_TIME, "2026-06-03T15:30+02:00");
    }

    @Test
    void sixBusinessHoursAcrossTheWeekend() {
        assertTarget(emailTimeline(office(), at("2026-06-05T15:00+02:00")),
                "2026-06-08T11:00+02:00", TargetBasis.BUSINESS_TIME, "2026-06-08T09:30+02:00");
    }

    @Test
    void sixBusinessHoursAcrossHolidaysAndWeekend() {
        // Wed 23 Dec 16:00; Thu 24 and Fri 25 are holidays, then the weekend
        assertTarget(emailTimeline(office(), at("2026-12-23T16:00+01:00")),
                "2026-12-28T12:00+01:00", TargetBasis.BUSINESS_TIME, "2026-12-28T10:30+01:00");
    }

    @Test
    void receivedFridayAt2359TheOutsideTargetApplies() {
        assertTarget(emailTimeline(office(), at("2026-06-05T23:59+02:00")),
                "2026-06-06T11:59+02:00", TargetBasis.OUTSIDE_HOURS, "2026-06-06T08:59+02:00");
    }

    @Test
    void receivedFridayAt2359WithLongOutsideTargetIsDueAsIfReceivedAtMondayOpening() {
        SellerSlaPolicy loose = SlaFixtures.officeBuilder().targetOutsideMinutes(72 * 60).build();
        assertTarget(emailTimeline(loose, at("2026-06-05T23:59+02:00")),
                "2026-06-08T15:00+02:00", TargetBasis.BUSINESS_TIME, "2026-06-08T13:30+02:00");
    }

    @Test
    void receivedExactlyAtOpeningIsInHours() {
        assertTarget(emailTimeline(office(), at("2026-06-08T08:00+02:00")),
                "2026-06-08T15:00+02:00", TargetBasis.BUSINESS_TIME, "2026-06-08T13:30+02:00");
    }

    @Test
    void receivedExactlyAtClosingIsOutOfHours() {
        assertTarget(emailTimeline(office(), at("2026-06-08T18:00+02:00")),
                "2026-06-09T06:00+02:00", TargetBasis.OUTSIDE_HOURS, "2026-06-09T03:00+02:00");
    }

    @Test
    void receivedOneNanosecondBeforeClosingIsInHours() {
        SlaTimeline t = emailTimeline(office(), at("2026-06-08T17:59:59.999999999+02:00"));
        assertThat(t.targetDueAt()).isEqualTo(at("2026-06-09T14:59:59.999999999+02:00"));
        assertThat(t.targetBasis()).isEqualTo(TargetBasis.BUSINESS_TIME);
    }

    @Test
    void receivedDuringLunchCountsFromTheAfternoonOpening() {
        assertTarget(emailTimeline(office(), at("2026-06-08T12:30+02:00")),
                "2026-06-09T09:00+02:00", TargetBasis.BUSINESS_TIME, "2026-06-08T17:30+02:00");
    }

    @Test
    void receivedBeforeOpeningIsNeverDueLaterThanAtTheOpening() {
        // 07:00 + 12 h = 19:00 would be later than 08:00 + 6 business hours = 15:00
        assertTarget(emailTimeline(office(), at("2026-06-08T07:00+02:00")),
                "2026-06-08T15:00+02:00", TargetBasis.BUSINESS_TIME, "2026-06-08T13:30+02:00");
    }

    @Test
    void policyWithoutOpenHoursUsesTheOutsideTargetOnly() {
        SellerSlaPolicy never = new SellerSlaPolicy(
                new BusinessCalendar(ZoneId.of("Europe/Berlin"), BusinessHours.none(), Set.of()),
                Duration.ofHours(6), Duration.ofHours(12), 0.75);
        assertTarget(emailTimeline(never, at("2026-06-03T10:00+02:00")),
                "2026-06-03T22:00+02:00", TargetBasis.OUTSIDE_HOURS, "2026-06-03T19:00+02:00");
    }

    @Test
    void businessTimeOverSpringForwardCountsRealElapsedHours() {
        SlaTimeline t = emailTimeline(SlaFixtures.alwaysOpen("Europe/Berlin"), at("2026-03-28T22:00+01:00"));
        assertThat(t.targetDueAt()).isEqualTo(at("2026-03-29T05:00+02:00"));
        assertThat(Duration.between(t.receivedAt(), t.targetDueAt())).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void businessTimeOverFallBackCountsRealElapsedHours() {
        SlaTimeline t = emailTimeline(SlaFixtures.alwaysOpen("Europe/Berlin"), at("2026-10-24T22:00+02:00"));
        assertThat(t.targetDueAt()).isEqualTo(at("2026-10-25T03:00+01:00"));
        assertThat(t.atRiskAt()).isEqualTo(at("2026-10-25T02:30+02:00"));
    }

    @Test
    void atRiskShareIsConfigurable() {
        SellerSlaPolicy half = SlaFixtures.officeBuilder().atRiskShare(0.5).build();
        assertThat(emailTimeline(half, at("2026-06-03T10:00+02:00")).atRiskAt()).isEqualTo(at("2026-06-03T14:00+02:00"));
    }

    @Test
    void amazonCapsTheTargetAndAtRiskIsThenMeasuredInElapsedTime() {
        SellerSlaPolicy loose = SlaFixtures.officeBuilder().targetOutsideMinutes(72 * 60).build();
        SlaTimeline t = new SlaCalculator(SlaPolicies.of(loose))
                .timelineFor(WaitingTicket.message(Channel.AMAZON, at("2026-06-05T23:59+02:00")));
        assertThat(t.marketplaceDueAt()).isEqualTo(at("2026-06-06T23:59+02:00"));
        assertTarget(t, "2026-06-06T23:59+02:00", TargetBasis.MARKETPLACE_DEADLINE, "2026-06-06T17:59+02:00");
    }

    @Test
    void amazonDeadlineIsExactly24ElapsedHoursAcrossDst() {
        SlaCalculator calc = new SlaCalculator(SlaPolicies.of(office()));
        Instant spring = at("2026-03-28T12:00+01:00");
        SlaTimeline springT = calc.timelineFor(WaitingTicket.message(Channel.AMAZON, spring));
        assertThat(springT.marketplaceDueAt()).isEqualTo(at("2026-03-29T13:00+02:00"));
        Instant fall = at("2026-10-24T12:00+02:00");
        SlaTimeline fallT = calc.timelineFor(WaitingTicket.message(Channel.AMAZON, fall));
        assertThat(fallT.marketplaceDueAt()).isEqualTo(at("2026-10-25T11:00+01:00"));
        assertThat(Duration.between(fall, fallT.marketplaceDueAt())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void amazonDeadlineCoversTheWeekendInWallClockTime() {
        SlaTimeline t = new SlaCalculator(SlaPolicies.of(office()))
                .timelineFor(WaitingTicket.message(Channel.AMAZON, at("2026-06-05T15:00+02:00")));
        assertThat(t.marketplaceDueAt()).isEqualTo(at("2026-06-06T15:00+02:00"));
        assertThat(t.targetDueAt()).isEqualTo(at("2026-06-06T15:00+02:00"));
        assertThat(t.targetBasis()).isEqualTo(TargetBasis.MARKETPLACE_DEADLINE);
    }
}
