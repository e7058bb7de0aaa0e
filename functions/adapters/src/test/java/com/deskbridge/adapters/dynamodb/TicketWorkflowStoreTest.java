package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.TicketStore.ReplyOutcome;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.sla.ResponseRecord;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies, assignment, tags, closing and the filtered due-ordered queue, against DynamoDB Local. */
class TicketWorkflowStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant KEEP = Instant.parse("2026-12-21T12:00:00Z");
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();
    private static int run;
    private DynamoDbTicketStore store;
    private SellerId seller;

    @BeforeEach
    void fresh() {
        store = new DynamoDbTicketStore(table.client(), table.name());
        seller = new SellerId("wf-seller-" + (++run));
    }

    private InboundMessage msg(String id, String thread, Channel channel, Instant at) {
        return new InboundMessage(channel, seller, "A1PA6795UKMFR9", id, thread, null,
                new Sender("buyer-" + thread + "@marketplace.amazon.de", "Buyer"), "Where is my parcel " + thread,
                "Body " + id, false, List.of(), at);
    }

    private static Triage waiting(Instant from, long dueSeconds, String intent) {
        return new Triage(intent, List.of("t-" + intent.toLowerCase()), Map.of(
                MilestoneKind.AT_RISK, from.plusSeconds(dueSeconds / 2),
                MilestoneKind.TARGET_DUE, from.plusSeconds(dueSeconds),
                MilestoneKind.MARKETPLACE_DUE, from.plusSeconds(86_400)));
    }

    private List<com.deskbridge.domain.escalation.DueTicket> dueFor(Instant at) {
        DynamoDbDueIndex index = new DynamoDbDueIndex(table.client(), table.name());
        List<com.deskbridge.domain.escalation.DueTicket> all = new ArrayList<>();
        for (int shard = 0; shard < index.shards(); shard++) {
            all.addAll(index.due(shard, at, 1000));
        }
        return all.stream().filter(d -> d.seller().equals(seller)).toList();
    }

    @Test
    void anAgentReplyStopsTheClockRecordsTheFirstResponseAndIsQueuedForSending() {
        InboundMessage m = msg("e1", "th1", Channel.AMAZON, T0);
        store.append(m, KEEP, waiting(T0, 6 * 3600, "WHERE_IS_MY_ORDER"));
        Instant replyAt = T0.plusSeconds(5400);
        OutgoingReply reply = new OutgoingReply(OutgoingReply.keyFor(m.ticketId(), "idem-key-1"), "agent-7",
                "Your parcel is on its way with DHL, tracking number 00340434161094042557.", replyAt, false);

        assertThat(store.recordReply(seller, m.ticketId(), reply, KEEP)).isEqualTo(ReplyOutcome.RECORDED);
        assertThat(store.recordReply(seller, m.ticketId(), reply, KEEP)).as("same key again").isEqualTo(ReplyOutcome.DUPLICATE);

        TicketDetail detail = store.find(seller, m.ticketId(), NOW).orElseThrow();
        assertThat(detail.ticket().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(detail.ticket().awaitingReplySince()).isNull();
        assertThat(detail.ticket().dueAt()).isNull();
        assertThat(detail.messages()).hasSize(2);
        TicketMessage out = detail.messages().get(1);
        assertThat(out.direction()).isEqualTo(Direction.OUT);
        assertThat(out.agentId()).isEqualTo("agent-7");
        assertThat(out.sendStatus()).isEqualTo(SendStatus.QUEUED);
        assertThat(out.subject()).isEqualTo("Re: Where is my parcel th1");
        assertThat(dueFor(T0.plusSeconds(200_000))).as("out of the due index").isEmpty();

        List<ResponseRecord> records = new ResponseRecords(table.client(), table.name())
                .responses(seller, T0.minusSeconds(3600), T0.plusSeconds(86_400), NOW);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.receivedAt()).isEqualTo(T0);
            assertThat(r.firstResponseAt()).isEqualTo(replyAt);
            assertThat(r.agentId()).isEqualTo("agent-7");
            assertThat(r.channel()).isEqualTo(Channel.AMAZON);
        });
    }

    @Test
    void anAutomaticReplyLeavesTheClockRunning() {
        InboundMessage m = msg("e1", "th1", Channel.AMAZON, T0);
        store.append(m, KEEP, waiting(T0, 6 * 3600, "WHERE_IS_MY_ORDER"));
        OutgoingReply ack = new OutgoingReply(OutgoingReply.keyFor(m.ticketId(), "rule:weekend:e1"), null,
                "Thank you for your message. We will answer on Monday.", T0.plusSeconds(5), true);
        assertThat(store.recordReply(seller, m.ticketId(), ack, KEEP)).isEqualTo(ReplyOutcome.RECORDED);

        TicketSummary t = store.find(seller, m.ticketId(), NOW).orElseThrow().ticket();
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.awaitingReplySince()).isEqualTo(T0);
        assertThat(dueFor(T0.plusSeconds(200_000))).hasSize(1);
        assertThat(new ResponseRecords(table.client(), table.name())
                .responses(seller, T0.minusSeconds(60), T0.plusSeconds(60), NOW))
                .singleElement().satisfies(r -> assertThat(r.firstResponseAt()).as("still waiting").isNull());
    }

    @Test
    void aReplyAfterARecordedEscalationKeepsItDueSoTheSweepPublishesIt() {
        InboundMessage m = msg("e1", "th1", Channel.AMAZON, T0);
        store.append(m, KEEP, waiting(T0, 6 * 3600, "WHERE_IS_MY_ORDER"));
        DynamoDbDueIndex index = new DynamoDbDueIndex(table.client(), table.name());
        var due = dueFor(T0.plusSeconds(3 * 3600)).get(0);
        assertThat(index.recordFired(due, EnumSet.of(MilestoneKind.AT_RISK), Priority.HIGH, List.of(), T0.plusSeconds(3 * 3600))).isTrue();

        Instant at = T0.plusSeconds(4 * 3600);
        assertThat(store.recordReply(seller, m.ticketId(),
                new OutgoingReply(OutgoingReply.keyFor(m.ticketId(), "k-12345678"), "agent-1", "Hello", at, false), KEEP))
                .isEqualTo(ReplyOutcome.RECORDED);
        assertThat(dueFor(at)).singleElement().satisfies(d -> assertThat(d.milestones()).isEmpty());
    }

    @Test
    void aReplyToAnotherSellersTicketIsNotRecorded() {
        InboundMessage m = msg("e1", "th1", Channel.AMAZON, T0);
        store.append(m, KEEP, waiting(T0, 3600, "OTHER"));
        assertThat(store.recordReply(new SellerId("intruder"), m.ticketId(),
                new OutgoingReply(OutgoingReply.keyFor(m.ticketId(), "k-12345678"), "agent-1", "Hi", NOW, false), KEEP))
                .isEqualTo(ReplyOutcome.NO_SUCH_TICKET);
        assertThat(store.find(seller, m.ticketId(), NOW).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void sendStatusMovesOnlyForwardFromTheExpectedStates() {
        InboundMessage m = msg("e1", "th1", Channel.AMAZON, T0);
        store.append(m, KEEP, waiting(T0, 3600, "OTHER"));
        String key = OutgoingReply.keyFor(m.ticketId(), "k-12345678");
        store.recordReply(seller, m.ticketId(), new OutgoingReply(key, "agent-1", "Hi", T0.plusSeconds(60), false), KEEP);

        assertThat(store.updateSendStatus(seller, m.ticketId(), key, Set.of(SendStatus.QUEUED, SendStatus.RETRYING),
                SendStatus.SENDING, null, T0.plusSeconds(61))).isTrue();
        assertThat(store.updateSendStatus(seller, m.ticketId(), key, Set.of(SendStatus.QUEUED, SendStatus.RETRYING),
                SendStatus.SENDING, null, T0.plusSeconds(62))).as("a second sender cannot claim it").isFalse();
        assertThat(store.updateSendStatus(seller, m.ticketId(), key, Set.of(SendStatus.SENDING),
                SendStatus.SENT, null, T0.plusSeconds(63))).isTrue();
        TicketMessage out = store.find(seller, m.ticketId(), NOW).orElseThrow().messages().get(1);
        assertThat(out.sendStatus()).isEqualTo(SendStatus.SENT);
    }

    @Test
    void assignTagAndCloseChangeOnlyTheSellersOwnTicket() {
        InboundMessage m = msg("e1", "th1", Channel.AMAZON, T0);
        store.append(m, KEEP, waiting(T0, 3600, "DAMAGED_ITEM"));
        assertThat(store.assign(new SellerId("intruder"), m.ticketId(), "agent-9", NOW)).isFalse();
        assertThat(store.assign(seller, m.ticketId(), "agent-9", NOW)).isTrue();
        assertThat(store.retag(seller, m.ticketId(), Set.of("vip", "fragile"), Set.of("t-damaged_item"), NOW)).isTrue();
        TicketSummary t = store.find(seller, m.ticketId(), NOW).orElseThrow().ticket();
        assertThat(t.assignee()).isEqualTo("agent-9");
        assertThat(t.tags()).containsExactlyInAnyOrder("vip", "fragile");

        assertThat(store.assign(seller, m.ticketId(), null, NOW)).isTrue();
        assertThat(store.close(seller, m.ticketId(), "agent-9", NOW)).isTrue();
        t = store.find(seller, m.ticketId(), NOW).orElseThrow().ticket();
        assertThat(t.assignee()).isNull();
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(dueFor(NOW.plusSeconds(999_999))).isEmpty();
    }

    @Test
    void theOpenQueueIsOrderedByDueTimeAndFiltersPageThroughEverything() {
        // arrival order differs from due order: later messages with shorter targets come first
        List<InboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Channel channel = i % 3 == 0 ? Channel.EBAY : Channel.AMAZON;
            InboundMessage m = msg("e" + i, "th" + i, channel, T0.plusSeconds(i * 60L));
            messages.add(m);
            store.append(m, KEEP, waiting(T0.plusSeconds(i * 60L), (12 - i) * 3600L, i % 2 == 0 ? "WHERE_IS_MY_ORDER" : "DAMAGED_ITEM"));
        }
        store.assign(seller, messages.get(4).ticketId(), "agent-4", NOW);

        List<TicketSummary> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = store.list(seller, TicketFilter.status(TicketStatus.OPEN), 5, cursor, NOW);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).hasSize(12);
        assertThat(all).extracting(TicketSummary::dueAt).isSorted();
        assertThat(all.get(0).id()).isEqualTo(messages.get(11).ticketId());

        List<TicketSummary> damagedOnAmazon = new ArrayList<>();
        cursor = null;
        do {
            var page = store.list(seller, new TicketFilter(TicketStatus.OPEN, null, "DAMAGED_ITEM", null, Channel.AMAZON,
                    null, null), 2, cursor, NOW);
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            damagedOnAmazon.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        // odd i (damaged) and i % 3 != 0 (amazon): 1, 5, 7, 11
        assertThat(damagedOnAmazon).extracting(TicketSummary::id).containsExactlyInAnyOrder(
                messages.get(1).ticketId(), messages.get(5).ticketId(), messages.get(7).ticketId(), messages.get(11).ticketId());
        assertThat(damagedOnAmazon).extracting(TicketSummary::dueAt).isSorted();

        assertThat(store.list(seller, new TicketFilter(TicketStatus.OPEN, null, null, "t-where_is_my_order", null,
                "agent-4", null), 10, null, NOW).items()).extracting(TicketSummary::id).containsExactly(messages.get(4).ticketId());

        Instant dueBefore = T0.plusSeconds(4 * 3600);
        assertThat(store.list(seller, new TicketFilter(TicketStatus.OPEN, null, null, null, null, null, dueBefore), 50, null, NOW)
                .items()).isNotEmpty().allSatisfy(t -> assertThat(t.dueAt()).isBefore(dueBefore))
                .hasSize((int) all.stream().filter(t -> t.dueAt().isBefore(dueBefore)).count());
    }
}
