package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-agent and per-suggestion daily counters written with the replies, in DynamoDB Local. */
class AgentCountersTest {
    private static final LocalDate DAY = LocalDate.parse("2031-06-02");
    private static final Instant MORNING = DAY.atTime(8, 0).toInstant(ZoneOffset.UTC);
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();

    @Test
    void repliesAreCountedOncePerAgentSourceAndSuggestedMacro() {
        DynamoDbTicketStore store = new DynamoDbTicketStore(table.client(), table.name());
        AgentCounters counters = new AgentCounters(table.client(), table.name());
        SellerId seller = new SellerId("counters-seller");
        InboundMessage a = message(seller, "a", MORNING);
        InboundMessage b = message(seller, "b", MORNING);
        store.append(a, MORNING.plus(Duration.ofDays(30)), new Triage("WHERE_IS_MY_ORDER", List.of(), java.util.Map.of(), "de", 0.9, false));
        store.append(b, MORNING.plus(Duration.ofDays(30)), Triage.NONE);
        String suggestion = "builtin-fbm-shipping-update.de.0123456789abcdef";
        OutgoingReply suggested = new OutgoingReply(OutgoingReply.keyFor(a.ticketId(), "k-a-000001"), "anna", "Hi",
                MORNING.plusSeconds(60), false, new ReplyOrigin(ReplySource.SUGGESTION, "builtin-fbm-shipping-update", suggestion), null);
        store.recordReply(seller, a.ticketId(), suggested, MORNING.plus(Duration.ofDays(30)));
        store.recordReply(seller, a.ticketId(), suggested, MORNING.plus(Duration.ofDays(30))); // retried: counted once
        store.recordReply(seller, b.ticketId(), new OutgoingReply(OutgoingReply.keyFor(b.ticketId(), "k-b-000001"), "anna",
                "Hello", MORNING.plusSeconds(120), false), MORNING.plus(Duration.ofDays(30)));
        store.recordReply(seller, b.ticketId(), new OutgoingReply(OutgoingReply.keyFor(b.ticketId(), "k-b-auto01"), null,
                "Thanks, we got it", MORNING.plusSeconds(5), true), MORNING.plus(Duration.ofDays(30)));
        counters.count(seller, "anna", AgentCounters.BLOCKED, MORNING);
        assertThat(counters.shown(seller, a.ticketId(), suggestion, "builtin-fbm-shipping-update", "WHERE_IS_MY_ORDER",
                MORNING, MORNING.plus(Duration.ofDays(30)))).isTrue();
        assertThat(counters.shown(seller, a.ticketId(), suggestion, "builtin-fbm-shipping-update", "WHERE_IS_MY_ORDER",
                MORNING, MORNING.plus(Duration.ofDays(30)))).as("shown once per ticket and text").isFalse();

        List<AgentCounters.AgentDay> days = counters.agentDays(seller, DAY.minusDays(1), DAY.plusDays(1));
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.agentId()).isEqualTo("anna");
            assertThat(d.count("replies")).isEqualTo(2);
            assertThat(d.count(AgentCounters.sourceCounter(ReplySource.SUGGESTION))).isEqualTo(1);
            assertThat(d.count(AgentCounters.sourceCounter(ReplySource.HAND))).isEqualTo(1);
            assertThat(d.count(AgentCounters.BLOCKED)).isEqualTo(1);
        });
        assertThat(counters.suggestionDays(seller, DAY, DAY)).singleElement().satisfies(s -> {
            assertThat(s.macroId()).isEqualTo("builtin-fbm-shipping-update");
            assertThat(s.intent()).isEqualTo("WHERE_IS_MY_ORDER");
            assertThat(s.shown()).isEqualTo(1);
            assertThat(s.used()).isEqualTo(1);
            assertThat(s.edited()).isZero();
        });
        assertThat(counters.agentDays(new SellerId("counters-other"), DAY, DAY)).isEmpty();
    }

    private static InboundMessage message(SellerId seller, String id, Instant at) {
        return new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", "counters-" + id, "thread-" + id, null,
                new Sender("buyer-" + id + "@marketplace.amazon.de", "Buyer"), "Where is my order?", "Where is it?", false,
                List.of(), at);
    }
}
