package com.deskbridge.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.dynamodb.DynamoDbUnsentReplies;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The re-drive against DynamoDB Local: lost hand-overs are handed over, stuck sends resent, abandoned ones failed. */
class ReplyRedriveTest {
    private static final Instant T0 = Instant.parse("2031-03-01T10:00:00Z");
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("redrive-test")
                .pollers(false).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyUnsentReplyIsHandedOverResentOrFailedVisibly() {
        DynamoDbTicketStore store = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        SellerId seller = new SellerId("redrive-seller");
        List<String> keys = new ArrayList<>();
        List<TicketId> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            InboundMessage m = new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", "ext-" + i, null, "028-" + i,
                    new Sender("a" + i + "@marketplace.amazon.de", null), "Subject", "Body", false, List.of(), T0);
            store.append(m, T0.plus(Duration.ofDays(30)), Triage.NONE);
            String key = OutgoingReply.keyFor(m.ticketId(), "redrive-key-" + i);
            store.recordReply(seller, m.ticketId(), new OutgoingReply(key, "agent-1", "Hello " + i, T0, false), T0.plus(Duration.ofDays(30)));
            keys.add(key);
            tickets.add(m.ticketId());
        }
        // 0 stays QUEUED (hand-over lost); 1 stuck SENDING; 2 RETRYING for long; 3 already SENT
        store.updateSendStatus(seller, tickets.get(1), keys.get(1), EnumSet.of(SendStatus.QUEUED), SendStatus.SENDING, null, T0);
        store.updateSendStatus(seller, tickets.get(2), keys.get(2), EnumSet.of(SendStatus.QUEUED), SendStatus.RETRYING, "421", T0);
        store.updateSendStatus(seller, tickets.get(3), keys.get(3), EnumSet.of(SendStatus.QUEUED), SendStatus.SENT, null, T0);

        List<String> dispatched = new ArrayList<>();
        ReplyRedrive early = new ReplyRedrive(new DynamoDbUnsentReplies(stack.dynamoDbClient(), stack.tableName("TicketsTable")),
                store, (s, t, k) -> dispatched.add(k), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        assertThat(early.run()).as("within the grace period nothing moves").isEqualTo(new ReplyRedrive.Pass(0, 0, 0));

        ReplyRedrive later = new ReplyRedrive(new DynamoDbUnsentReplies(stack.dynamoDbClient(), stack.tableName("TicketsTable")),
                store, (s, t, k) -> dispatched.add(k), Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertThat(later.run()).isEqualTo(new ReplyRedrive.Pass(1, 1, 1));
        assertThat(dispatched).containsExactlyInAnyOrder(keys.get(0), keys.get(1));
        assertThat(status(store, seller, tickets.get(1))).isEqualTo(SendStatus.RETRYING);
        assertThat(status(store, seller, tickets.get(2))).isEqualTo(SendStatus.FAILED);
        assertThat(status(store, seller, tickets.get(3))).isEqualTo(SendStatus.SENT);
    }

    private static SendStatus status(DynamoDbTicketStore store, SellerId seller, TicketId ticket) {
        return store.find(seller, ticket, T0).orElseThrow().messages().stream().filter(m -> m.sendStatus() != null)
                .findFirst().orElseThrow().sendStatus();
    }
}
