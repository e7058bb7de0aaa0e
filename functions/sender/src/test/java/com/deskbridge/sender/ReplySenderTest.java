package com.deskbridge.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.adapters.sqs.SqsReplyDispatcher;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.testing.SqsRecords;
import static com.deskbridge.testing.SqsRecords.event;
import com.deskbridge.outbound.OutboundChannel;
import com.deskbridge.outbound.SendResult;
import com.deskbridge.outbound.SmtpOutboundChannel;
import com.deskbridge.outbound.SmtpSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.deskbridge.adapters.dynamodb.DynamoDbAuditStore;
import com.deskbridge.audit.AuditCopy;
import com.deskbridge.audit.AuditPeriod;
import com.deskbridge.domain.ticket.ReplySource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.ebay.EbayCallLimits;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayEndpoints;
import com.deskbridge.ebay.EbayReplies;
import com.deskbridge.ebay.EbaySecretAccounts;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.sim.ebay.EbaySimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
/**
 * Recorded replies through the sender into a real SMTP server (GreenMail), with the ticket in DynamoDB Local: sent
 * once even when delivered twice, visible retries, visible permanent failures, poison messages to the DLQ.
 */
class ReplySenderTest {
    private static final String FROM = "support@shop.example";
    private static LocalAwsStack stack;
    private static GreenMail smtp;
    private static EbaySimulator ebay;
    private static int run;
    private DynamoDbTicketStore store;
    private SellerId seller;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("sender-test")
                .pollers(false).start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        ObjectNode world = (ObjectNode) EbaySimulator.demoWorld();
        ((ObjectNode) world.get("ebay")).put("latencyMs", 0);
        ebay = EbaySimulator.start(0, world, Clock.systemUTC(), n -> { });
    }

    @AfterAll
    static void stop() {
        ebay.close();
        smtp.stop();
        stack.close();
    }

    @BeforeEach
    void fresh() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        store = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        seller = new SellerId("sender-seller-" + (++run));
    }

    private TicketId ticketWithReply(Channel channel, String address, String replyKey) {
        InboundMessage m = new InboundMessage(channel, seller, "A1PA6795UKMFR9", "<relay-1@amazon.de>", null, "028-1",
                new Sender(address, "Anna"), "Lieferung 028-1", "Wo ist mein Paket?", false, List.of(),
                Instant.now().minusSeconds(600));
        store.append(m, Instant.now().plusSeconds(86_400), Triage.NONE);
        store.recordReply(seller, m.ticketId(), new OutgoingReply(replyKey, "agent-7",
                "Hallo Anna, Ihr Paket ist unterwegs: DHL, Sendungsnummer 00340434161094042557. Grüße", Instant.now(), false),
                Instant.now().plusSeconds(86_400));
        return m.ticketId();
    }

    private ReplySender sender(OutboundChannel channel) {
        return new ReplySender(store, c -> c == Channel.AMAZON ? Optional.of(channel) : Optional.empty(), s -> FROM, 3,
                Clock.systemUTC(), audit()::record);
    }

    private DynamoDbAuditStore audit() {
        return new DynamoDbAuditStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
    }

    private OutboundChannel greenMail() {
        return new SmtpOutboundChannel(SmtpSettings.local("127.0.0.1", smtp.getSmtp().getPort()), null, Clock.systemUTC());
    }

    private TicketMessage reply(TicketId ticket) {
        return store.find(seller, ticket, Instant.now()).orElseThrow().messages().stream()
                .filter(m -> m.messageKey().startsWith("r")).findFirst().orElseThrow();
    }

    private static SQSEvent.SQSMessage record(String body, int receiveCount) {
        return SqsRecords.record("msg-" + System.nanoTime(), body, receiveCount);
    }

    @Test
    void aReplyIsMailedOnceInTheThreadEvenWhenDeliveredTwice() throws Exception {
        String key = OutgoingReply.keyFor(TicketId.forConversation(seller, Channel.AMAZON, "x"), "k-00000001");
        TicketId ticket = ticketWithReply(Channel.AMAZON, "abc123@marketplace.amazon.de", key);
        ReplySenderHandler handler = new ReplySenderHandler(sender(greenMail()),
                new DeadLetterQueue(stack.sqsClient(), stack.queueUrl("OutboundDeadLetterQueue")), Clock.systemUTC());
        String body = SqsReplyDispatcher.body(seller, ticket, key);

        SQSBatchResponse first = handler.handleRequest(event(record(body, 1)), null);
        SQSBatchResponse again = handler.handleRequest(event(record(body, 2)), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("abc123@marketplace.amazon.de");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(received[0].getSubject()).isEqualTo("Re: Lieferung 028-1");
        assertThat(received[0].getHeader("In-Reply-To")[0]).isEqualTo("<relay-1@amazon.de>");
        assertThat(((String) received[0].getContent()).strip()).contains("Grüße");
        assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.SENT);
        // one redacted audit copy, kept once even when recorded again
        AuditPeriod today = new AuditPeriod(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(1));
        List<AuditCopy.SentReply> sent = audit().sent(seller, today);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.agentId()).isEqualTo("agent-7");
            assertThat(r.source()).isEqualTo(ReplySource.HAND);
        });
        AuditCopy copy = audit().copies(seller, sent).get(0);
        assertThat(copy.text()).startsWith("Hallo {{CustomerName}}, Ihr Paket").doesNotContain("Anna");
        audit().record(new AuditCopy(seller, copy.ticketId(), copy.messageKey(), "someone-else", ReplySource.HAND, null,
                "amazon", null, copy.sentAt(), "another text"));
        assertThat(audit().copies(seller, audit().sent(seller, today))).containsExactly(copy);
        assertThat(audit().sellersWithCopies(AuditPeriod.quarterKey(LocalDate.now(ZoneOffset.UTC)))).contains(seller);
    }

    /** Issue 14 (Operations): every line the sender logs for a queued reply carries the id the API passed with it. */
    @Test
    void everyLineOfTheSendCarriesTheCorrelationIdTheReplyCameWith() throws Exception {
        String key = OutgoingReply.keyFor(TicketId.forConversation(seller, Channel.AMAZON, "corr"), "k-00000077");
        TicketId ticket = ticketWithReply(Channel.AMAZON, "abc123@marketplace.amazon.de", key);
        ReplySenderHandler handler = new ReplySenderHandler(sender(greenMail()),
                new DeadLetterQueue(stack.sqsClient(), stack.queueUrl("OutboundDeadLetterQueue")), Clock.systemUTC());
        SQSEvent.SQSMessage record = com.deskbridge.testing.SqsRecords.correlated(
                record(SqsReplyDispatcher.body(seller, ticket, key), 1), "intake-msg-sender");

        java.util.List<String> lines;
        try (com.deskbridge.adapters.logging.JsonLogging.Capture capture = com.deskbridge.adapters.logging.JsonLogging.capture()) {
            assertThat(handler.handleRequest(event(record), null).getBatchItemFailures()).isEmpty();
            lines = capture.lines();
        }

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(lines).isNotEmpty().allSatisfy(line ->
                assertThat(json.readTree(line).path("correlationId").asText()).isEqualTo("intake-msg-sender"));
        assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.SENT);
    }

    @Test
    void aTemporaryFailureIsVisibleAndRetriedThenGivenUpVisibly() {
        String key = "r" + "a".repeat(23) + (char) ('b' + run % 20);
        TicketId ticket = ticketWithReply(Channel.AMAZON, "abc123@marketplace.amazon.de", key);
        AtomicInteger calls = new AtomicInteger();
        ReplySender sender = sender(reply -> {
            calls.incrementAndGet();
            return new SendResult.RetryableFailure("421 service not available");
        });
        assertThat(sender.send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.RETRY);
        assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.RETRYING);
        assertThat(reply(ticket).sendDetail()).contains("421", "attempt 1 of 3");
        assertThat(sender.send(seller, ticket, key, 2)).isEqualTo(ReplySender.Outcome.RETRY);
        assertThat(sender.send(seller, ticket, key, 3)).isEqualTo(ReplySender.Outcome.DONE);
        assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
        assertThat(reply(ticket).sendDetail()).contains("gave up after 3 attempts");
        assertThat(sender.send(seller, ticket, key, 4)).as("failed for good: nothing more").isEqualTo(ReplySender.Outcome.DONE);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aChannelWithoutAnOutboundAdapterFailsVisibly() {
        String key = "r" + "c".repeat(23) + (char) ('b' + run % 20);
        TicketId ticket = ticketWithReply(Channel.EBAY, "buyer_ebay_1", key);
        assertThat(sender(greenMail()).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);
        assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
        assertThat(reply(ticket).sendDetail()).contains("no outbound adapter for channel ebay");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithTheirReason() {
        ReplySenderHandler handler = new ReplySenderHandler(sender(greenMail()),
                new DeadLetterQueue(stack.sqsClient(), stack.queueUrl("OutboundDeadLetterQueue")), Clock.systemUTC());
        List<String> bodies = new ArrayList<>(List.of("not json", "{\"v\":2}",
                "{\"v\":1,\"sellerId\":\"s\",\"ticketId\":\"bad\",\"messageKey\":\"r\"}",
                SqsReplyDispatcher.body(seller, TicketId.forConversation(seller, Channel.AMAZON, "none"), "r" + "z".repeat(24))));
        SQSBatchResponse response = handler.handleRequest(event(bodies.stream().map(b -> record(b, 1))
                .toArray(SQSEvent.SQSMessage[]::new)), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
        var dlq = stack.sqsClient().receiveMessage(r -> r.queueUrl(stack.queueUrl("OutboundDeadLetterQueue"))
                .maxNumberOfMessages(10).messageAttributeNames("All").waitTimeSeconds(1)).messages();
        assertThat(dlq).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(m -> assertThat(m.messageAttributes()).containsKey(DeadLetterQueue.REASON));
    }

    @Test
    void aStoredSubjectWithLineBreaksStillGivesOneSafeReplySubject() throws Exception {
        String key = "r" + "d".repeat(23) + (char) ('b' + run % 20);
        TicketId ticket = ticketWithReply(Channel.AMAZON, "abc123@marketplace.amazon.de", key);
        // as a ticket stored before intake normalised subjects holds it
        stack.dynamoDbClient().updateItem(u -> u.tableName(stack.tableName("TicketsTable"))
                .key(Map.of("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "S#" + seller.value() + "#T#" + ticket.value()),
                        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TICKET")))
                .updateExpression("SET subject = :s")
                .expressionAttributeValues(Map.of(":s", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        "Lieferung\r\nBcc: everyone@example.com " + "x".repeat(998)))));

        assertThat(sender(greenMail()).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

        assertThat(reply(ticket).sendStatus()).as(reply(ticket).sendDetail()).isEqualTo(SendStatus.SENT);
        String subject = smtp.getReceivedMessages()[0].getSubject();
        assertThat(subject).startsWith("Re: Lieferung Bcc: everyone@example.com x").doesNotContain("\r", "\n")
                .hasSizeLessThanOrEqualTo(4 + com.deskbridge.domain.ticket.InboundMessage.MAX_SUBJECT_CHARS);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()).hasSize(1);
    }

    @Test
    void aPermanentFailureNeverLeavesTheClockStopped() {
        String key = "r" + "e".repeat(23) + (char) ('b' + run % 20);
        TicketId ticket = ticketWithReply(Channel.AMAZON, "abc123@marketplace.amazon.de", key);
        var before = store.find(seller, ticket, Instant.now()).orElseThrow().ticket();
        assertThat(before.status()).as("the agent's reply stopped the clock").isEqualTo(com.deskbridge.domain.ticket.TicketStatus.PENDING);
        assertThat(before.dueAt()).isNull();
        Instant failedAt = Instant.now();

        assertThat(sender(reply -> new SendResult.PermanentFailure("SMTP 550: 5.1.1 mailbox unavailable")).send(seller,
                ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

        assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
        var after = store.find(seller, ticket, Instant.now()).orElseThrow().ticket();
        assertThat(after.status()).isEqualTo(com.deskbridge.domain.ticket.TicketStatus.OPEN);
        assertThat(after.awaitingReplySince()).as("still waiting since the buyer's message").isEqualTo(
                store.find(seller, ticket, Instant.now()).orElseThrow().messages().get(0).receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(after.dueAt()).isBetween(failedAt.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(after.priority()).isEqualTo(com.deskbridge.domain.sla.Priority.HIGH);
        assertThat(after.sendFailure()).isNotNull().satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo(key);
            assertThat(f.reason()).contains("550");
        });
        var queue = store.list(seller, com.deskbridge.domain.ticket.TicketFilter.status(com.deskbridge.domain.ticket.TicketStatus.OPEN),
                10, null, Instant.now());
        assertThat(queue.items()).extracting(t -> t.id()).containsExactly(ticket);
        var due = new com.deskbridge.adapters.dynamodb.DynamoDbDueIndex(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        assertThat(java.util.stream.IntStream.range(0, due.shards()).boxed()
                .flatMap(shard -> due.due(shard, Instant.now().plusSeconds(1), 100).stream())
                .filter(t -> t.ticket().equals(ticket)).toList())
                .singleElement().satisfies(t -> assertThat(t.newlyDue(Instant.now().plusSeconds(1)))
                        .contains(com.deskbridge.domain.sla.MilestoneKind.REPLY_FAILED));
        var responses = new com.deskbridge.adapters.dynamodb.ResponseRecords(stack.dynamoDbClient(), stack.tableName("TicketsTable"))
                .responses(seller, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), Instant.now());
        assertThat(responses).as("the buyer was not answered").singleElement()
                .satisfies(r -> assertThat(r.firstResponseAt()).isNull());
    }

    @Test
    void theNextAgentReplyClearsTheFailure() {
        String key = "r" + "f".repeat(23) + (char) ('b' + run % 20);
        TicketId ticket = ticketWithReply(Channel.AMAZON, "abc123@marketplace.amazon.de", key);
        sender(reply -> new SendResult.PermanentFailure("SMTP 554: rejected")).send(seller, ticket, key, 1);
        assertThat(store.find(seller, ticket, Instant.now()).orElseThrow().ticket().sendFailure()).isNotNull();

        store.recordReply(seller, ticket, new OutgoingReply("r" + "g".repeat(23) + (char) ('b' + run % 20), "agent-7",
                "Entschuldigung, hier noch einmal: DHL 00340434161094042557.", Instant.now(), false),
                Instant.now().plusSeconds(86_400));

        var t = store.find(seller, ticket, Instant.now()).orElseThrow().ticket();
        assertThat(t.sendFailure()).isNull();
        assertThat(t.status()).isEqualTo(com.deskbridge.domain.ticket.TicketStatus.PENDING);
    }

    /**
     * Replies on eBay and shop tickets through the sender: eBay's through the Message API of the wire-level eBay simulator,
     * Shopify's and e-mail's mailed from the shop's address into GreenMail; every outcome visible on the reply, failures
     * for good reopen the ticket like Amazon's.
     */
    @Nested
    class OtherChannels {
        private static final String SHOP_FROM = "help@teashop.example";
        private static final String EBAY_SECRET = "deskbridge/ebay/";
        private static final Map<String, Map<String, String>> SECRETS = new HashMap<>();
        private int run = 100;
        /** Like Secrets Manager: an absent secret is MissingSecretException. */
        private static final SecretSource SECRET_SOURCE = name -> {
            Map<String, String> s = SECRETS.get(name);
            if (s == null) {
                throw new MissingSecretException(name);
            }
            return Map.copyOf(s);
        };

        private final DynamoDbTicketStore store = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        private final SellerId seller = new SellerId("channel-sender-" + System.nanoTime());

        /** The sender as the handler wires it: eBay directly, shops by mail from their address (if configured). */
        private ReplySender sender(Optional<String> shopAddress) {
            EbayClient client = new EbayClient(HttpClient.newHttpClient(), Clock.systemUTC(), d -> { }, SECRET_SOURCE,
                    EbayEndpoints.local(ebay.baseUrl()), new EbayCallLimits(Clock.systemUTC()), Backoff.standard(new SplittableRandom(3)),
                    Duration.ofSeconds(5));
            ChannelReplies ebayReplies = new EbayChannelReplies(new EbayReplies(client, new EbaySecretAccounts(SECRET_SOURCE, EBAY_SECRET)));
            var mail = new SmtpOutboundChannel(SmtpSettings.local("127.0.0.1", smtp.getSmtp().getPort()), null, Clock.systemUTC());
            return new ReplySender(store, c -> c == Channel.EBAY ? Optional.empty() : Optional.of(mail),
                    (s, c) -> c == Channel.AMAZON ? Optional.of("amazon@shop.example") : shopAddress,
                    c -> c == Channel.EBAY ? Optional.of(ebayReplies) : Optional.empty(), 3, Clock.systemUTC());
        }

        private void authoriseOnEbay() {
            Map<String, String> secret = new HashMap<>(ebay.credentials("demo-seller"));
            secret.put("username", "deskbridge_demo_de");
            secret.put("marketplace_id", "EBAY_DE");
            secret.put("eu_or_uk_domiciled", "true");
            SECRETS.put(EBAY_SECRET + seller.value(), secret);
        }

        private TicketId ticketWithReply(Channel channel, String buyer, String text, String key) {
            return ticketWithReply(channel, null, buyer, text, key);
        }

        private TicketId ticketWithReply(Channel channel, String thread, String buyer, String text, String key) {
            InboundMessage m = new InboundMessage(channel, seller, "EBAY_DE", "msg-" + key, thread, null,
                    new Sender(buyer, null), "Where is my parcel?", "Where is my parcel?", false, List.of(),
                    Instant.now().minusSeconds(600));
            store.append(m, Instant.now().plusSeconds(86_400), Triage.NONE);
            store.recordReply(seller, m.ticketId(), new OutgoingReply(key, "agent-7", text, Instant.now(), false),
                    Instant.now().plusSeconds(86_400));
            return m.ticketId();
        }

        private TicketMessage reply(TicketId ticket) {
            return store.find(seller, ticket, Instant.now()).orElseThrow().messages().stream()
                    .filter(m -> m.messageKey().startsWith("r")).findFirst().orElseThrow();
        }

        private String key(char c) {
            return "r" + String.valueOf(c).repeat(23) + (char) ('b' + run % 20);
        }

        @Test
        void anEbayReplyLandsInTheBuyersConversationOnce() {
            authoriseOnEbay();
            String key = key('h');
            String text = "Your parcel left on Monday with DHL, tracking 00340434161094042559. " + seller.value();
            TicketId ticket = ticketWithReply(Channel.EBAY, "ebay-conv-7781", "k_bergmann", text, key);
            ReplySender sender = sender(Optional.empty());

            assertThat(sender.send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);
            assertThat(sender.send(seller, ticket, key, 2)).as("a second delivery sends nothing").isEqualTo(ReplySender.Outcome.DONE);

            assertThat(reply(ticket).sendStatus()).as(reply(ticket).sendDetail()).isEqualTo(SendStatus.SENT);
            assertThat(ebay.sellerMessages("ebay-conv-7781")).filteredOn(m -> m.equals(text)).hasSize(1);
            assertThat(smtp.getReceivedMessages()).noneMatch(m -> {
                try {
                    return m.getAllRecipients()[0].toString().contains("k_bergmann");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            });
        }

        @Test
        void anEbayReplyToAConversationEbayDoesNotKnowFailsForGoodAndStartsNoOther() {
            authoriseOnEbay();
            String key = key('o');
            String text = "Your parcel is on its way. " + seller.value();
            TicketId ticket = ticketWithReply(Channel.EBAY, "ebay-conv-gone", "k_bergmann", text, key);

            assertThat(sender(Optional.empty()).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

            assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
            assertThat(reply(ticket).sendDetail()).contains("ebay-355020");
            assertThat(ebay.sellerMessages("ebay-conv-7781")).as("not sent to the buyer by name instead").doesNotContain(text);
        }

        @Test
        void anEbayRefusalFailsForGoodAndReopensTheTicket() {
            authoriseOnEbay();
            String key = key('i');
            TicketId ticket = ticketWithReply(Channel.EBAY, "k_bergmann", "x".repeat(2001), key);

            assertThat(sender(Optional.empty()).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

            assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
            assertThat(reply(ticket).sendDetail()).contains("message-too-long");
            assertThat(store.find(seller, ticket, Instant.now()).orElseThrow().ticket().status()).isEqualTo(TicketStatus.OPEN);
        }

        @Test
        void anEbayOutageIsRetriedVisibly() {
            authoriseOnEbay();
            String key = key('j');
            TicketId ticket = ticketWithReply(Channel.EBAY, "k_bergmann", "Thanks, we are on it.", key);
            // every attempt of the client's backoff (Backoff.standard: 4) answers 503
            ebay.injectFault("message.sendMessage", 503, 4);
            ReplySender sender = sender(Optional.empty());

            assertThat(sender.send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.RETRY);
            assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.RETRYING);
            assertThat(reply(ticket).sendDetail()).contains("eBay is unavailable", "attempt 1 of 3");

            assertThat(sender.send(seller, ticket, key, 2)).as("the queue's next delivery").isEqualTo(ReplySender.Outcome.DONE);
            assertThat(reply(ticket).sendStatus()).as(reply(ticket).sendDetail()).isEqualTo(SendStatus.SENT);
        }

        @Test
        void aSellerWhoseEbayAuthorisationIsGoneSeesTheReplyFail() {
            String key = key('k');
            TicketId ticket = ticketWithReply(Channel.EBAY, "k_bergmann", "Thanks, we are on it.", key);

            assertThat(sender(Optional.empty()).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

            assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
            assertThat(reply(ticket).sendDetail()).contains("has not authorised Deskbridge on eBay");
        }

        @Test
        void shopifyAndEmailRepliesAreMailedFromTheShopsAddressToTheBuyer() throws Exception {
            for (Channel channel : List.of(Channel.SHOPIFY, Channel.EMAIL)) {
                smtp.purgeEmailFromAllMailboxes();
                String key = channel == Channel.SHOPIFY ? key('l') : key('m');
                TicketId ticket = ticketWithReply(channel, "anna.buyer@example.org", "Your order #1001 ships today.", key);

                assertThat(sender(Optional.of(SHOP_FROM)).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

                assertThat(reply(ticket).sendStatus()).as(reply(ticket).sendDetail()).isEqualTo(SendStatus.SENT);
                MimeMessage[] received = smtp.getReceivedMessages();
                assertThat(received).hasSize(1);
                assertThat(received[0].getFrom()[0].toString()).isEqualTo(SHOP_FROM);
                assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("anna.buyer@example.org");
                assertThat(received[0].getSubject()).isEqualTo("Re: Where is my parcel?");
            }
        }

        @Test
        void aShopReplyWithoutTheShopsAddressFailsVisibly() throws Exception {
            smtp.purgeEmailFromAllMailboxes();
            String key = key('n');
            TicketId ticket = ticketWithReply(Channel.SHOPIFY, "anna.buyer@example.org", "Your order ships today.", key);

            assertThat(sender(Optional.empty()).send(seller, ticket, key, 1)).isEqualTo(ReplySender.Outcome.DONE);

            assertThat(reply(ticket).sendStatus()).isEqualTo(SendStatus.FAILED);
            assertThat(reply(ticket).sendDetail()).contains("shop's support address");
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }
}
