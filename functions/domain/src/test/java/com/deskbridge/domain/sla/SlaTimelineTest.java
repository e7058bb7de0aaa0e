package com.deskbridge.domain.sla;

import static com.deskbridge.domain.sla.SlaFixtures.at;
import static com.deskbridge.domain.sla.SlaFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaTimelineTest {

    private final SlaCalculator calc = new SlaCalculator(SlaPolicies.of(office()));

    /** Amazon, Wed 10:00: at risk 15:30, target 17:00, marketplace Thu 10:00. */
    private SlaTimeline plain() {
        return calc.timelineFor(WaitingTicket.message(Channel.AMAZON, at("2026-06-03T10:00+02:00")));
    }

    /**
     * Amazon, Mon 08 June 09:00, delivery problem with latest delivery Mon 23:59:59, cancellation requested Sun
     * 20:00: every milestone present.
     */
    private SlaTimeline full() {
        return calc.timelineFor(new WaitingTicket(Channel.AMAZON, at("2026-06-08T09:00+02:00"), true,
                at("2026-06-08T23:59:59+02:00"), at("2026-06-07T20:00+02:00")));
    }

    @Test
    void stagesChangeExactlyAtTheirMilestones() {
        SlaTimeline t = plain();
        Instant atRisk = at("2026-06-03T15:30+02:00");
        Instant target = at("2026-06-03T17:00+02:00");
        Instant marketplace = at("2026-06-04T10:00+02:00");
        assertThat(t.atRiskAt()).isEqualTo(atRisk);
        assertThat(t.targetDueAt()).isEqualTo(target);
        assertThat(t.marketplaceDueAt()).isEqualTo(marketplace);

        assertThat(t.stageAt(t.receivedAt().minusSeconds(60))).isEqualTo(Stage.ON_TRACK);
        assertThat(t.stageAt(t.receivedAt())).isEqualTo(Stage.ON_TRACK);
        assertThat(t.stageAt(atRisk.minusNanos(1))).isEqualTo(Stage.ON_TRACK);
        assertThat(t.stageAt(atRisk)).isEqualTo(Stage.AT_RISK);
        assertThat(t.stageAt(target.minusNanos(1))).isEqualTo(Stage.AT_RISK);
        assertThat(t.stageAt(target)).isEqualTo(Stage.TARGET_BREACHED);
        assertThat(t.stageAt(marketplace.minusNanos(1))).isEqualTo(Stage.TARGET_BREACHED);
        assertThat(t.stageAt(marketplace)).isEqualTo(Stage.MARKETPLACE_BREACHED);
        assertThat(t.stageAt(marketplace.plus(Duration.ofDays(40)))).isEqualTo(Stage.MARKETPLACE_BREACHED);
    }

    @Test
    void prioritiesFollowStagesAndOnlyRise() {
        SlaTimeline t = plain();
        assertThat(t.priorityAt(t.receivedAt())).isEqualTo(Priority.NORMAL);
        assertThat(t.priorityAt(t.atRiskAt())).isEqualTo(Priority.HIGH);
        assertThat(t.priorityAt(t.targetDueAt())).isEqualTo(Priority.HIGH);
        assertThat(t.priorityAt(t.marketplaceDueAt())).isEqualTo(Priority.URGENT);
        assertThat(t.raise(Priority.LOW, t.receivedAt())).isEqualTo(Priority.NORMAL);
        assertThat(t.raise(Priority.URGENT, t.receivedAt())).isEqualTo(Priority.URGENT);
        assertThat(t.raise(Priority.HIGH, t.atRiskAt())).isEqualTo(Priority.HIGH);
        assertThat(Stage.NONE.suggestedPriority()).isEqualTo(Priority.LOW);
    }

    @Test
    void fullTimelineListsEveryMilestoneInOrder() {
        assertThat(full().milestones()).containsExactly(
                new Milestone(MilestoneKind.AT_RISK, at("2026-06-08T14:30+02:00")),
                new Milestone(MilestoneKind.TARGET_DUE, at("2026-06-08T16:00+02:00")),
                new Milestone(MilestoneKind.URGENT, at("2026-06-08T23:59:59+02:00")),
                new Milestone(MilestoneKind.MARKETPLACE_DUE, at("2026-06-09T09:00+02:00")),
                new Milestone(MilestoneKind.CANCELLATION_DUE, at("2026-06-09T20:00+02:00")),
                new Milestone(MilestoneKind.A_TO_Z_ELIGIBLE, at("2026-06-11T23:59:59+02:00")));
    }

    @Test
    void nextMilestoneAfterChainsThroughAllMilestonesThenEnds() {
        SlaTimeline t = full();
        List<Instant> chain = new ArrayList<>();
        Optional<Instant> next = t.nextMilestoneAfter(t.receivedAt());
        while (next.isPresent()) {
            chain.add(next.get());
            assertThat(t.nextMilestoneAfter(next.get().minusNanos(1))).contains(next.get());
            next = t.nextMilestoneAfter(next.get());
        }
        assertThat(chain).containsExactlyElementsOf(t.milestones().stream().map(Milestone::at).toList());
        assertThat(chain).hasSize(6);
        assertThat(t.nextMilestoneAfter(at("2026-06-11T23:59:59+02:00"))).isEmpty();
    }

    @Test
    void nextMilestoneIsMonotoneAndNoStageOrPriorityChangeHidesBetweenMilestones() {
        SlaTimeline t = full();
        Instant previousNext = Instant.MIN;
        Stage previousStage = Stage.ON_TRACK;
        Priority previousPriority = Priority.LOW;
        for (Instant now = at("2026-06-08T08:00+02:00"); now.isBefore(at("2026-06-12T12:00+02:00"));
                now = now.plus(Duration.ofMinutes(7))) {
            Optional<Instant> next = t.nextMilestoneAfter(now);
            Instant nextOrEnd = next.orElse(Instant.MAX);
            assertThat(nextOrEnd).isAfter(now).isAfterOrEqualTo(previousNext);
            if (next.isPresent()) {
                Instant justBefore = next.get().minusNanos(1);
                assertThat(t.stageAt(justBefore)).isEqualTo(t.stageAt(now));
                assertThat(t.priorityAt(justBefore)).isEqualTo(t.priorityAt(now));
            }
            assertThat(t.stageAt(now)).isGreaterThanOrEqualTo(previousStage);
            assertThat(t.priorityAt(now)).isGreaterThanOrEqualTo(previousPriority);
            previousNext = nextOrEnd;
            previousStage = t.stageAt(now);
            previousPriority = t.priorityAt(now);
        }
        assertThat(previousStage).isEqualTo(Stage.MARKETPLACE_BREACHED);
    }

    @Test
    void deliveryProblemPastLatestDeliveryDateIsUrgent() {
        SlaTimeline t = full();
        Instant latest = at("2026-06-08T23:59:59+02:00");
        assertThat(t.urgentAt()).isEqualTo(latest);
        assertThat(t.priorityAt(latest.minusNanos(1))).isEqualTo(Priority.HIGH);
        assertThat(t.stageAt(latest)).isEqualTo(Stage.TARGET_BREACHED);
        assertThat(t.priorityAt(latest)).isEqualTo(Priority.URGENT);
        assertThat(t.aToZEligibleAt()).isEqualTo(latest.plus(Duration.ofDays(3)));
    }

    @Test
    void deliveryAlreadyLateWhenTheMessageArrivesIsUrgentAtOnce() {
        SlaTimeline t = calc.timelineFor(new WaitingTicket(Channel.AMAZON, at("2026-06-08T09:00+02:00"), true,
                at("2026-06-05T23:59:59Z"), null));
        assertThat(t.priorityAt(t.receivedAt())).isEqualTo(Priority.URGENT);
        assertThat(t.stageAt(t.receivedAt())).isEqualTo(Stage.ON_TRACK);
        assertThat(t.aToZEligibleAt()).isEqualTo(at("2026-06-08T23:59:59Z"));
        assertThat(t.nextMilestoneAfter(t.receivedAt())).contains(at("2026-06-08T14:30+02:00"));
    }

    @Test
    void aToZIsAmazonOnlyAndUrgencyNeedsADeliveryProblemAndDate() {
        Instant received = at("2026-06-08T09:00+02:00");
        Instant latest = at("2026-06-08T10:00+02:00");
        SlaTimeline ebay = calc.timelineFor(new WaitingTicket(Channel.EBAY, received, true, latest, null));
        assertThat(ebay.urgentAt()).isEqualTo(latest);
        assertThat(ebay.aToZEligibleAt()).isNull();
        SlaTimeline noProblem = calc.timelineFor(new WaitingTicket(Channel.AMAZON, received, false, latest, null));
        assertThat(noProblem.urgentAt()).isNull();
        assertThat(noProblem.aToZEligibleAt()).isNull();
        assertThat(noProblem.priorityAt(latest.plus(Duration.ofHours(1)))).isEqualTo(Priority.NORMAL);
        assertThat(ebay.priorityAt(latest)).isEqualTo(Priority.URGENT);
        SlaTimeline noDate = calc.timelineFor(new WaitingTicket(Channel.AMAZON, received, true, null, null));
        assertThat(noDate.urgentAt()).isNull();
        assertThat(noDate.milestones()).hasSize(3);
    }

    @Test
    void cancellationDeadlineTightensTheTargetAndCountsAsMarketplaceBreach() {
        // requested Sat 12:00 → due Mon 12:00, before the 16:00 business target and Tuesday's Amazon deadline
        SlaTimeline t = calc.timelineFor(new WaitingTicket(Channel.AMAZON, at("2026-06-08T09:00+02:00"), false,
                null, at("2026-06-06T12:00+02:00")));
        Instant due = at("2026-06-08T12:00+02:00");
        assertThat(t.cancellationDueAt()).isEqualTo(due);
        assertThat(t.targetDueAt()).isEqualTo(due);
        assertThat(t.targetBasis()).isEqualTo(TargetBasis.CANCELLATION_DEADLINE);
        assertThat(t.atRiskAt()).isEqualTo(at("2026-06-08T11:15+02:00"));
        assertThat(t.marketplaceBreachAt()).isEqualTo(due);
        assertThat(t.stageAt(due.minusNanos(1))).isEqualTo(Stage.AT_RISK);
        assertThat(t.stageAt(due)).isEqualTo(Stage.MARKETPLACE_BREACHED);
        assertThat(t.nextMilestoneAfter(t.atRiskAt())).contains(due);
        assertThat(t.nextMilestoneAfter(due)).contains(at("2026-06-09T09:00+02:00"));
    }

    @Test
    void cancellationRequestedWithTheMessageDoesNotBindUnderAmazonsDay() {
        Instant received = at("2026-06-08T09:00+02:00");
        SlaTimeline t = calc.timelineFor(new WaitingTicket(Channel.AMAZON, received, false, null, received));
        assertThat(t.cancellationDueAt()).isEqualTo(received.plus(Duration.ofHours(48)));
        assertThat(t.targetBasis()).isEqualTo(TargetBasis.BUSINESS_TIME);
        assertThat(t.marketplaceBreachAt()).isEqualTo(t.marketplaceDueAt());
    }

    @Test
    void cancellationDeadlineAlreadyPassedBreachesAtOnce() {
        Instant received = at("2026-06-08T09:00+02:00");
        SlaTimeline t = calc.timelineFor(new WaitingTicket(Channel.EBAY, received, false, null,
                at("2026-06-05T09:00+02:00")));
        assertThat(t.targetDueAt()).isEqualTo(at("2026-06-07T09:00+02:00"));
        assertThat(t.atRiskAt()).isEqualTo(t.targetDueAt());
        assertThat(t.stageAt(received)).isEqualTo(Stage.MARKETPLACE_BREACHED);
    }

    @Test
    void timelineRejectsMilestonesOutOfOrder() {
        Instant r = at("2026-06-08T09:00Z");
        assertThatThrownBy(() -> new SlaTimeline(r, r.plusSeconds(10), r.plusSeconds(5), TargetBasis.BUSINESS_TIME,
                r.plusSeconds(20), null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTimeline(r, r, r.plusSeconds(30), TargetBasis.BUSINESS_TIME,
                r.plusSeconds(20), null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
