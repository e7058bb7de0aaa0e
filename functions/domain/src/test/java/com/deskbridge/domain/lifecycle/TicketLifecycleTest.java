package com.deskbridge.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Triage due(Instant at, String intent, String... tags) {
        return new Triage(intent, List.of(tags), Map.of(MilestoneKind.TARGET_DUE, at));
    }

    private static TicketState waiting() {
        return TicketLifecycle.message(TicketState.NONE, T0, due(T0.plusSeconds(3600), "WHERE_IS_MY_ORDER", "wismo"), false)
                .after();
    }

    @Test
    void aFirstMessageOpensAWaitingTicketQueuedByItsDeadline() {
        TicketTransition t = TicketLifecycle.message(TicketState.NONE, T0, due(T0.plusSeconds(3600), "WHERE_IS_MY_ORDER",
                "wismo"), true);
        assertThat(t.startsClock()).isTrue();
        assertThat(t.after().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.after().awaitingReplySince()).isEqualTo(T0);
        assertThat(t.after().dueAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(t.after().queueKey()).isEqualTo(T0.plusSeconds(3600));
        assertThat(t.after().milestones()).containsKey(MilestoneKind.TARGET_DUE);
        assertThat(t.after().escalationLanguage()).isTrue();
        assertThat(t.after().messageCount()).isEqualTo(1);
    }

    @Test
    void aWaitingTicketKeepsItsOldestDeadlineButTakesTheLatestIntentAndMoreTags() {
        TicketTransition t = TicketLifecycle.message(waiting(), T0.plusSeconds(60),
                new Triage("RETURN_REQUEST", List.of("return"), Map.of(MilestoneKind.TARGET_DUE, T0.plusSeconds(600))), false);
        assertThat(t.startsClock()).isFalse();
        assertThat(t.after().awaitingReplySince()).isEqualTo(T0);
        assertThat(t.after().dueAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(t.after().milestones()).containsEntry(MilestoneKind.TARGET_DUE, T0.plusSeconds(3600));
        assertThat(t.after().intent()).isEqualTo("RETURN_REQUEST");
        assertThat(t.after().tags()).containsExactly("return", "wismo");
    }

    @Test
    void aMessageWithoutDeadlineQueuesByWaitingTimeAndAnUnclassifiedOneKeepsTheIntent() {
        TicketTransition t = TicketLifecycle.message(waiting(), T0.plusSeconds(60), Triage.NONE, false);
        assertThat(t.after().queueKey()).isEqualTo(T0);
        assertThat(t.after().intent()).isEqualTo("WHERE_IS_MY_ORDER");
    }

    @Test
    void anAgentsReplyStopsTheClockAndRecordsTheResponse() {
        TicketTransition t = TicketLifecycle.reply(waiting(),
                new OutgoingReply("r1", "agent-1", "Hello", T0.plusSeconds(300), false));
        assertThat(t.stopsClock()).isTrue();
        assertThat(t.recordsResponse()).isTrue();
        assertThat(t.keepsDueEntry()).isFalse();
        assertThat(t.after().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(t.after().waiting()).isFalse();
        assertThat(t.after().dueAt()).isNull();
        assertThat(t.after().milestones()).isEmpty();
        assertThat(t.after().queueKey()).isEqualTo(T0.plusSeconds(300));
        assertThat(t.after().lastHandledBy()).isEqualTo("agent-1");
    }

    @Test
    void anAutomaticReplyOrOneWhileNothingWaitsLeavesTheClock() {
        TicketTransition automatic = TicketLifecycle.reply(waiting(), new OutgoingReply("r1", null, "Hi", T0, true));
        assertThat(automatic.stopsClock()).isFalse();
        assertThat(automatic.after()).isEqualTo(waiting());

        TicketState pending = TicketLifecycle.reply(waiting(), new OutgoingReply("r1", "a", "Hi", T0, false)).after();
        TicketTransition again = TicketLifecycle.reply(pending, new OutgoingReply("r2", "b", "More", T0, false));
        assertThat(again.stopsClock()).isFalse();
        assertThat(again.recordsResponse()).isFalse();
        assertThat(again.after().lastHandledBy()).isEqualTo("b");
        assertThat(again.after().status()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void closingStopsTheClockAndAPendingEscalationKeepsTheDueEntry() {
        TicketState s = waiting();
        TicketState escalating = new TicketState(s.status(), s.awaitingReplySince(), s.dueAt(), s.queueKey(), s.milestones(),
                Set.of(MilestoneKind.AT_RISK), s.intent(), s.tags(), s.messageCount(), false, null, true, true);
        TicketTransition close = TicketLifecycle.close(escalating, null, T0.plusSeconds(10));
        assertThat(close.after().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(close.after().fired()).isEmpty();
        assertThat(close.after().sendFailed()).isFalse();
        assertThat(close.after().lastHandledBy()).isEqualTo(TicketLifecycle.UNKNOWN_AGENT);
        assertThat(close.keepsDueEntry()).isTrue();
        assertThat(TicketLifecycle.noResponseNeeded(s, "agent-2", T0).keepsDueEntry()).isFalse();

        TicketTransition reopened = TicketLifecycle.message(close.after(), T0.plusSeconds(60), Triage.NONE, false);
        assertThat(reopened.startsClock()).isTrue();
        assertThat(reopened.after().awaitingReplySince()).isEqualTo(T0.plusSeconds(60));
        assertThat(reopened.after().tags()).containsExactly("wismo");
    }

    @Test
    void theInboxViewsFollowTheLifecycle() {
        com.deskbridge.domain.inbox.TicketFacts rest = new com.deskbridge.domain.inbox.TicketFacts(null, false, null, null,
                null, null, null, null, null, null, null, null, false, null, null, 0, null, null, false, T0);
        TicketState question = TicketLifecycle.message(TicketState.NONE, T0, due(T0.plusSeconds(3600), "PRODUCT_QUESTION"),
                false).after();
        assertThat(com.deskbridge.domain.inbox.InboxRules.membership(question.facts(rest)))
                .contains(com.deskbridge.domain.inbox.InboxView.PRODUCT_QUESTIONS);
        TicketState closed = TicketLifecycle.close(question, "agent-1", T0.plusSeconds(60)).after();
        assertThat(com.deskbridge.domain.inbox.InboxRules.membership(closed.facts(rest)))
                .doesNotContain(com.deskbridge.domain.inbox.InboxView.PRODUCT_QUESTIONS);
    }
}
