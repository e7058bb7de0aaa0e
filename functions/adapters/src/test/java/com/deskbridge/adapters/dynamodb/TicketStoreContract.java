package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.port.TicketStore.AppendOutcome;
import com.deskbridge.domain.port.TicketStore.ReplyOutcome;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket lifecycle every {@link TicketStore} keeps (the domain's {@code TicketLifecycle}), run against the
 * behavioural in-memory store and against DynamoDB Local: status, waiting period, due time, queue order, intent,
 * tags, replies that stop the clock, closing, "no response needed" and a failed send.
 */
abstract class TicketStoreContract {
    private static final AtomicInteger RUN = new AtomicInteger();
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRES = T0.plusSeconds(90L * 86_400);

    private TicketStore store;
    private SellerId seller;

    /** The store under test; called once per test (it may be shared between tests: every test has its own seller). */
    abstract TicketStore store();

    @BeforeEach
    void fresh() {
        store = store();
        seller = new SellerId("contract-" + getClass().getSimpleName().toLowerCase() + "-" + RUN.incrementAndGet());
    }

    private InboundMessage message(String id, String thread, Instant at) {
        return new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", id, thread, null,
                new Sender("buyer-" + thread + "@marketplace.amazon.de", "Buyer"), "About my order " + thread,
                "Message " + id, false, List.of(), at);
    }

    private static Triage due(Instant at, String intent, String... tags) {
        return new Triage(intent, List.of(tags), Map.of(MilestoneKind.TARGET_DUE, at, MilestoneKind.AT_RISK, at.minusSeconds(60)));
    }

    private TicketSummary ticket(InboundMessage m) {
        return store.find(seller, m.ticketId(), T0).orElseThrow().ticket();
    }

    private OutgoingReply reply(InboundMessage m, String key, Instant at, boolean automatic) {
        return new OutgoingReply(OutgoingReply.keyFor(m.ticketId(), key), automatic ? null : "agent-1", "Thanks, on its way.",
                at, automatic);
    }

    private List<TicketId> queue(TicketStatus status) {
        return store.list(seller, TicketFilter.status(status), 50, null, T0).items().stream().map(TicketSummary::id).toList();
    }

    @Test
    void aFirstMessageOpensTheTicketWaitingSinceItAndDueAtItsDeadline() {
        InboundMessage m = message("m1", "th1", T0);
        assertThat(store.append(m, EXPIRES, due(T0.plusSeconds(3600), "WHERE_IS_MY_ORDER", "wismo"))).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store.append(m, EXPIRES, due(T0.plusSeconds(3600), "WHERE_IS_MY_ORDER", "wismo"))).isEqualTo(AppendOutcome.DUPLICATE);

        TicketSummary t = ticket(m);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.awaitingReplySince()).isEqualTo(T0);
        assertThat(t.dueAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(t.messageCount()).isEqualTo(1);
        assertThat(t.intent()).isEqualTo("WHERE_IS_MY_ORDER");
        assertThat(t.tags()).containsExactly("wismo");
        assertThat(t.threadKey()).as("the channel's conversation the replies continue").isEqualTo("th1");
        assertThat(queue(TicketStatus.OPEN)).containsExactly(m.ticketId());
    }

    @Test
    void aLaterMessageKeepsTheOldestWaitingPeriodTakesTheLatestIntentAndAddsTags() {
        InboundMessage first = message("m1", "th1", T0);
        store.append(first, EXPIRES, due(T0.plusSeconds(3600), "WHERE_IS_MY_ORDER", "wismo"));
        store.append(message("m2", "th1", T0.plusSeconds(600)), EXPIRES,
                due(T0.plusSeconds(4200), "RETURN_REQUEST", "return"));

        TicketSummary t = ticket(first);
        assertThat(t.awaitingReplySince()).isEqualTo(T0);
        assertThat(t.dueAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(t.intent()).isEqualTo("RETURN_REQUEST");
        assertThat(t.tags()).containsExactlyInAnyOrder("wismo", "return");
        assertThat(t.messageCount()).isEqualTo(2);
        assertThat(t.threadKey()).isEqualTo("th1");
    }

    @Test
    void theOpenQueueReadsEarliestDeadlineFirst() {
        InboundMessage late = message("m1", "late", T0);
        InboundMessage soon = message("m2", "soon", T0.plusSeconds(60));
        InboundMessage middle = message("m3", "middle", T0.plusSeconds(120));
        store.append(late, EXPIRES, due(T0.plusSeconds(7200), "OTHER"));
        store.append(soon, EXPIRES, due(T0.plusSeconds(1800), "OTHER"));
        store.append(middle, EXPIRES, due(T0.plusSeconds(3600), "OTHER"));

        assertThat(queue(TicketStatus.OPEN)).containsExactly(soon.ticketId(), middle.ticketId(), late.ticketId());
    }

    @Test
    void anAgentsReplyStopsTheClockOnceAndTheNextBuyerMessageStartsANewOne() {
        InboundMessage m = message("m1", "th1", T0);
        store.append(m, EXPIRES, due(T0.plusSeconds(3600), "OTHER"));
        OutgoingReply reply = reply(m, "k-reply-1", T0.plusSeconds(300), false);

        assertThat(store.recordReply(seller, m.ticketId(), reply, EXPIRES)).isEqualTo(ReplyOutcome.RECORDED);
        assertThat(store.recordReply(seller, m.ticketId(), reply, EXPIRES)).isEqualTo(ReplyOutcome.DUPLICATE);
        TicketSummary pending = ticket(m);
        assertThat(pending.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(pending.awaitingReplySince()).isNull();
        assertThat(pending.dueAt()).isNull();
        assertThat(queue(TicketStatus.OPEN)).isEmpty();
        assertThat(queue(TicketStatus.PENDING)).containsExactly(m.ticketId());

        store.append(message("m2", "th1", T0.plusSeconds(900)), EXPIRES, due(T0.plusSeconds(4500), "OTHER"));
        TicketSummary reopened = ticket(m);
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.awaitingReplySince()).isEqualTo(T0.plusSeconds(900));
        assertThat(reopened.dueAt()).isEqualTo(T0.plusSeconds(4500));
    }

    @Test
    void anAutomaticReplyLeavesTheClockRunning() {
        InboundMessage m = message("m1", "th1", T0);
        store.append(m, EXPIRES, due(T0.plusSeconds(3600), "OTHER"));

        assertThat(store.recordReply(seller, m.ticketId(), reply(m, "rule:ack:m1", T0.plusSeconds(5), true), EXPIRES))
                .isEqualTo(ReplyOutcome.RECORDED);
        TicketSummary t = ticket(m);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.awaitingReplySince()).isEqualTo(T0);
        assertThat(t.dueAt()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void closingAndNoResponseNeededCloseTheTicketAndStopItsClock() {
        InboundMessage closed = message("m1", "closed", T0);
        InboundMessage ignored = message("m2", "ignored", T0);
        store.append(closed, EXPIRES, due(T0.plusSeconds(3600), "OTHER"));
        store.append(ignored, EXPIRES, due(T0.plusSeconds(3600), "OTHER"));

        assertThat(store.close(seller, closed.ticketId(), "agent-1", T0.plusSeconds(60))).isTrue();
        assertThat(store.markNoResponseNeeded(seller, ignored.ticketId(), "agent-2", T0.plusSeconds(120))).isTrue();
        assertThat(store.close(seller, message("m9", "no-such-thread", T0).ticketId(), "agent-1", T0)).isFalse();

        for (InboundMessage m : List.of(closed, ignored)) {
            TicketSummary t = ticket(m);
            assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(t.awaitingReplySince()).isNull();
            assertThat(t.dueAt()).isNull();
        }
        assertThat(queue(TicketStatus.OPEN)).isEmpty();
        assertThat(queue(TicketStatus.CLOSED)).containsExactlyInAnyOrder(closed.ticketId(), ignored.ticketId());
    }

    @Test
    void aFailedSendOpensTheTicketAgainWaitingSinceTheMessageTheReplyAnswered() {
        InboundMessage m = message("m1", "th1", T0);
        store.append(m, EXPIRES, due(T0.plusSeconds(3600), "OTHER"));
        OutgoingReply reply = reply(m, "k-reply-1", T0.plusSeconds(300), false);
        store.recordReply(seller, m.ticketId(), reply, EXPIRES);

        assertThat(store.updateSendStatus(seller, m.ticketId(), reply.messageKey(), Set.of(SendStatus.QUEUED),
                SendStatus.FAILED, "mailbox full", T0.plusSeconds(400))).isTrue();
        assertThat(store.updateSendStatus(seller, m.ticketId(), reply.messageKey(), Set.of(SendStatus.QUEUED),
                SendStatus.SENT, null, T0.plusSeconds(500))).isFalse();
        TicketSummary t = ticket(m);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.awaitingReplySince()).isEqualTo(T0);
        assertThat(t.dueAt()).isEqualTo(T0.plusSeconds(400));
        assertThat(t.sendFailure()).isNotNull();
        assertThat(t.sendFailure().messageKey()).isEqualTo(reply.messageKey());
        assertThat(queue(TicketStatus.OPEN)).containsExactly(m.ticketId());
    }

    @Test
    void aReplyToATicketThatDoesNotExistIsRefused() {
        InboundMessage m = message("m1", "th1", T0);
        assertThat(store.recordReply(seller, m.ticketId(), reply(m, "k-reply-1", T0, false), EXPIRES))
                .isEqualTo(ReplyOutcome.NO_SUCH_TICKET);
    }
}
