package com.deskbridge.domain.escalation;

import com.deskbridge.domain.sla.Priority;

import com.deskbridge.domain.sla.MilestoneKind;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sweep's decisions against an in-memory index that honours the same conditions as the DynamoDB one (observed
 * position, empty outbox). The DynamoDB index and the bus are tested against DynamoDB Local and the local
 * EventBridge in functions/sla.
 */
class SlaSweepTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final TicketId TICKET = new TicketId("t" + "a".repeat(24));
    private static final SellerId SELLER = new SellerId("s1");

    /** One ticket's index entry, with the DynamoDB index's conditional semantics. */
    static final class OneTicketIndex implements DueIndex {
        String position;
        Priority priority = Priority.NORMAL;
        final Map<MilestoneKind, Instant> milestones = new EnumMap<>(MilestoneKind.class);
        final Set<MilestoneKind> fired = EnumSet.noneOf(MilestoneKind.class);
        List<DomainEvent> outbox = List.of();
        Instant outboxAt;
        int recordCalls;

        OneTicketIndex(Map<MilestoneKind, Instant> timeline) {
            milestones.putAll(timeline);
            position = timeline.values().stream().min(Instant::compareTo).map(Instant::toString).orElse(null);
        }

        @Override
        public int shards() {
            return 1;
        }

        @Override
        public List<DueTicket> due(int shard, Instant now, int limit) {
            if (position == null || Instant.parse(position).isAfter(now)) {
                return List.of();
            }
            return List.of(new DueTicket(SELLER, TICKET, position, priority, milestones, fired, outbox, outboxAt));
        }

        @Override
        public boolean recordFired(DueTicket observed, Set<MilestoneKind> newlyFired, Priority p, List<DomainEvent> events,
                                   Instant now) {
            recordCalls++;
            if (!observed.indexKey().equals(position) || !outbox.isEmpty()) {
                return false;
            }
            fired.addAll(newlyFired);
            priority = p;
            outbox = events;
            outboxAt = now;
            return true;
        }

        @Override
        public boolean claimOutbox(DueTicket observed, Instant now) {
            if (!observed.indexKey().equals(position) || !java.util.Objects.equals(observed.outboxAt(), outboxAt)) {
                return false;
            }
            outboxAt = now;
            return true;
        }

        @Override
        public boolean settle(DueTicket observed, Optional<Instant> next) {
            if (!observed.indexKey().equals(position)) {
                return false;
            }
            outbox = List.of();
            outboxAt = null;
            position = next.map(Instant::toString).orElse(null);
            return true;
        }
    }

    static final class RecordingBus implements EventPublisher {
        final List<DomainEvent> published = new ArrayList<>();
        boolean down;

        @Override
        public void publish(List<DomainEvent> events) {
            if (down) {
                throw new IllegalStateException("bus unavailable");
            }
            published.addAll(events);
        }
    }

    private static Map<MilestoneKind, Instant> timeline() {
        Map<MilestoneKind, Instant> t = new LinkedHashMap<>();
        t.put(MilestoneKind.AT_RISK, T0.plus(Duration.ofHours(4)));
        t.put(MilestoneKind.TARGET_DUE, T0.plus(Duration.ofHours(6)));
        t.put(MilestoneKind.MARKETPLACE_DUE, T0.plus(Duration.ofHours(24)));
        return t;
    }

    private static SlaSweep sweepAt(DueIndex index, EventPublisher bus, Instant now) {
        return new SlaSweep(index, bus, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void eachMilestoneFiresOnceAsTimePassesAndPriorityOnlyRises() {
        OneTicketIndex index = new OneTicketIndex(timeline());
        RecordingBus bus = new RecordingBus();

        assertThat(sweepAt(index, bus, T0.plus(Duration.ofHours(3))).run().due()).isZero();
        SlaSweep.Report atRisk = sweepAt(index, bus, T0.plus(Duration.ofHours(4))).run();
        sweepAt(index, bus, T0.plus(Duration.ofHours(5))).run();
        assertThat(atRisk.fired()).isEqualTo(1);
        assertThat(bus.published).extracting(DomainEvent::type).containsExactly("SlaAtRisk");
        assertThat(index.priority).isEqualTo(Priority.HIGH);
        assertThat(index.position).isEqualTo(T0.plus(Duration.ofHours(6)).toString());

        // A sweep that ran late catches up on everything that passed, in time order, in one go.
        sweepAt(index, bus, T0.plus(Duration.ofHours(30))).run();
        assertThat(bus.published).extracting(DomainEvent::type)
                .containsExactly("SlaAtRisk", "SlaTargetBreached", "SlaBreached");
        assertThat(index.priority).isEqualTo(Priority.URGENT);
        assertThat(index.position).as("nothing left to wait for: out of the index").isNull();
        assertThat(bus.published.get(2).milestoneAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void peekingCountsWhatIsDueWithoutFiringOrPublishing() {
        OneTicketIndex index = new OneTicketIndex(timeline());
        RecordingBus bus = new RecordingBus();

        assertThat(sweepAt(index, bus, T0.plus(Duration.ofHours(30))).peek()).isEqualTo(1);

        assertThat(bus.published).isEmpty();
        assertThat(index.priority).isEqualTo(Priority.NORMAL);
        assertThat(sweepAt(index, bus, T0.plus(Duration.ofHours(30))).run().fired()).as("still due for the real sweep")
                .isPositive();
    }

    @Test
    void whenTheBusIsDownTheTransitionIsKeptAndTheNextSweepPublishesItOnce() {
        OneTicketIndex index = new OneTicketIndex(timeline());
        RecordingBus bus = new RecordingBus();
        bus.down = true;

        SlaSweep.Report failed = sweepAt(index, bus, T0.plus(Duration.ofHours(4))).run();
        assertThat(failed.publishFailures()).isEqualTo(1);
        assertThat(index.fired).containsExactly(MilestoneKind.AT_RISK);
        assertThat(index.outbox).extracting(DomainEvent::type).containsExactly("SlaAtRisk");
        assertThat(index.position).as("still due until publication is confirmed").isEqualTo(T0.plus(Duration.ofHours(4)).toString());

        bus.down = false;
        SlaSweep.Report tooSoon = sweepAt(index, bus, T0.plus(Duration.ofHours(4).plusSeconds(30))).run();
        assertThat(tooSoon.published()).as("within the lease the outbox is the first sweep's").isZero();
        SlaSweep.Report retried = sweepAt(index, bus, T0.plus(Duration.ofHours(4).plusMinutes(1))).run();
        sweepAt(index, bus, T0.plus(Duration.ofHours(4).plusMinutes(2))).run();
        assertThat(retried.published()).isEqualTo(1);
        assertThat(retried.fired()).as("not fired a second time").isZero();
        assertThat(bus.published).extracting(DomainEvent::type).containsExactly("SlaAtRisk");
        assertThat(index.outbox).isEmpty();
        assertThat(index.position).isEqualTo(T0.plus(Duration.ofHours(6)).toString());
    }

    @Test
    void aSweepThatLosesTheRaceDoesNothing() {
        OneTicketIndex index = new OneTicketIndex(timeline());
        RecordingBus bus = new RecordingBus();
        DueIndex racing = new DueIndex() {
            @Override
            public int shards() {
                return 1;
            }

            @Override
            public List<DueTicket> due(int shard, Instant now, int limit) {
                List<DueTicket> seen = index.due(shard, now, limit);
                index.position = "moved-by-someone-else"; // e.g. another sweep settled it in between
                return seen;
            }

            @Override
            public boolean recordFired(DueTicket observed, Set<MilestoneKind> fired, Priority p, List<DomainEvent> events,
                                       Instant now) {
                return index.recordFired(observed, fired, p, events, now);
            }

            @Override
            public boolean claimOutbox(DueTicket observed, Instant now) {
                return index.claimOutbox(observed, now);
            }

            @Override
            public boolean settle(DueTicket observed, Optional<Instant> next) {
                return index.settle(observed, next);
            }
        };
        SlaSweep.Report report = sweepAt(racing, bus, T0.plus(Duration.ofHours(5))).run();
        assertThat(report.lostRaces()).isEqualTo(1);
        assertThat(report.fired()).isZero();
        assertThat(bus.published).isEmpty();
        assertThat(index.fired).isEmpty();
    }

    @Test
    void eventIdsAreStableSoConsumersCanDropARepublication() {
        DomainEvent a = DomainEvent.of(SELLER, TICKET, MilestoneKind.AT_RISK, T0, T0.plusSeconds(5));
        DomainEvent b = DomainEvent.of(SELLER, TICKET, MilestoneKind.AT_RISK, T0, T0.plusSeconds(65));
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(DomainEvent.of(SELLER, TICKET, MilestoneKind.TARGET_DUE, T0, T0).id()).isNotEqualTo(a.id());
    }
}
