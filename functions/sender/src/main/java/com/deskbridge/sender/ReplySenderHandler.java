package com.deskbridge.sender;

import com.deskbridge.adapters.aws.PrimingWrites;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.config.Memoized;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.outbound.SellerReplyChannels;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.adapters.sqs.SqsBatch;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.ebay.EbayCallLimits;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayEndpoints;
import com.deskbridge.ebay.EbayReplies;
import com.deskbridge.ebay.EbaySecretAccounts;
import com.deskbridge.http.Sleeper;
import com.deskbridge.outbound.OutboundReply;
import com.deskbridge.outbound.SmtpOutboundChannel;
import com.deskbridge.outbound.SmtpSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda entry point for the outbound queue (template.yaml: SenderFunction). Each message names one recorded reply
 * ({@code {"v":1,"sellerId","ticketId","messageKey"}}, see SqsReplyDispatcher); a reply that cannot be sent yet is
 * returned as a batch item failure so SQS delivers it again after the visibility timeout.
 */
public final class ReplySenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySenderHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JsonLogging.install();
    }

    private final ReplySender sender;
    private final SqsBatch batch;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;
    /** The SMTP channel of the real wiring (primed without connecting), or null. */
    private SmtpOutboundChannel mail;

    /** Used by the Lambda runtime: real adapters from the environment template.yaml sets. */
    public ReplySenderHandler() {
        this(new PrimingWrites());
    }

    private ReplySenderHandler(PrimingWrites writes) {
        this(fromEnvironment(writes));
        priming = SnapStartPriming.register(ReplySenderHandler.class, () -> writes.during(this::prime),
                SnapStartPriming.WRITE_PATH_ROUNDS);
    }

    /**
     * SnapStart priming: a sample reply written as e-mail into nothing (the MIME path of the first send; no SMTP
     * connection, no credential read), then one outbound message of the reserved seller through parsing and the reply
     * look-up. No such reply exists, so nothing is sent and, called this way, nothing goes to the DLQ. Then the writes
     * of a send (claim, redacted audit copy, SENT) for that reply, which the function's clients refuse while priming
     * runs ({@link PrimingWrites}). The container's DynamoDB and SQS clients are also readied by
     * {@link SnapStartPriming} itself (refused writes, a send to no queue).
     */
    private void prime() {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId("snapstart-priming");
        record.setAttributes(java.util.Map.of("ApproximateReceiveCount", "1"));
        record.setBody("{\"v\":1,\"sellerId\":\"" + SnapStartPriming.RESERVED_SELLER
                + "\",\"ticketId\":\"taaaaaaaaaaaaaaaaaaaaaaaa\",\"messageKey\":\"raaaaaaaaaaaaaaaaaaaaaaaa\"}");
        if (mail != null) {
            mail.prime(new OutboundReply("snapstart-priming@example.com", "snapstart-priming@example.com",
                    "Re: Where is my order?", "Your parcel left today with DHL.", "<snapstart-priming@example.com>",
                    List.of("<snapstart-priming@example.com>"), List.of(), "snapstart-priming"));
        }
        try {
            process(record);
            throw new IllegalStateException("the priming reply unexpectedly exists");
        } catch (ReplySender.NoSuchReplyException expected) {
            // nothing to send: the writes a send makes are primed next, refused
        }
        sender.primeWrites(primingTicket(), "raaaaaaaaaaaaaaaaaaaaaaaa");
    }

    /** A ticket of the reserved seller that exists only in memory: a buyer message and a reply waiting to be sent. */
    private static TicketDetail primingTicket() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        TicketSummary summary = new TicketSummary(TicketId.parse("taaaaaaaaaaaaaaaaaaaaaaaa"),
                new SellerId(SnapStartPriming.RESERVED_SELLER), Channel.AMAZON, "A1PA6795UKMFR9", "302-0000000-0000000",
                "Priming", "Where is my order?", TicketStatus.OPEN, at, at, at, 2, "WHERE_IS_MY_ORDER",
                Set.of("shipping-status"), Priority.NORMAL, null, at.plusSeconds(86_400));
        Sender buyer = new Sender("priming@marketplace.amazon.de", "Priming - Amazon Marketplace");
        return new TicketDetail(summary, List.of(TicketMessage.inbound("maaaaaaaaaaaaaaaaaaaaaaaa",
                        "<priming-1@marketplace.amazon.de>", buyer, "Where is my order?", "Hello, where is my order?", false,
                        List.of(), at),
                new TicketMessage("raaaaaaaaaaaaaaaaaaaaaaaa", null, null, "Re: Where is my order?",
                        "Hello Priming, your order 302-0000000-0000000 left today with DHL.", false, List.of(),
                        at.plusSeconds(60), Direction.OUT, "snapstart-priming", SendStatus.QUEUED, null, false)));
    }

    private ReplySenderHandler(Object[] parts) {
        this((ReplySender) parts[0], (DeadLetterQueue) parts[1], Clock.systemUTC());
        this.mail = (SmtpOutboundChannel) parts[2];
    }

    public ReplySenderHandler(ReplySender sender, DeadLetterQueue deadLetters, Clock clock) {
        this.sender = sender;
        this.batch = new SqsBatch("sender", deadLetters, clock);
    }

    /** The real adapters, on clients that refuse every write while {@code writes} runs SnapStart priming. */
    private static Object[] fromEnvironment(PrimingWrites writes) {
        Clock clock = Clock.systemUTC();
        var dynamo = writes.guard(AwsClients.dynamoDb());
        SqsClient sqs = writes.guard(AwsClients.sqs());
        SmtpSettings smtp = new SmtpSettings(Env.require("SMTP_HOST"), Integer.parseInt(Env.require("SMTP_PORT")),
                SmtpSettings.Security.valueOf(Env.get("SMTP_SECURITY").orElse("STARTTLS")),
                Env.get("SMTP_SECRET").filter(s -> !s.isBlank()).orElse(null), Duration.ofSeconds(10), null);
        SecretsManagerSource secrets = SecretsManagerSource.fromEnvironment();
        SmtpOutboundChannel mail = new SmtpOutboundChannel(smtp, secrets, clock);
        String from = Env.require("REPLY_FROM_ADDRESS");
        String ebayPrefix = Env.get("EBAY_SECRET_PREFIX").orElse("deskbridge/ebay/");
        SellerReplyChannels configured = new SellerReplyChannels(secrets, ebayPrefix,
                Env.get("SHOPIFY_SECRET_PREFIX").orElse("deskbridge/shopify/"));
        // eBay's client (HTTP client, call limits, OAuth tokens) once per container, built on the first eBay reply
        Supplier<ChannelReplies> ebay = Memoized.of(() -> new EbayChannelReplies(new EbayReplies(new EbayClient(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), clock, Sleeper.REAL, secrets,
                Env.get("EBAY_ENDPOINT").filter(e -> !e.isBlank()).map(EbayEndpoints::local).orElseGet(EbayEndpoints::production),
                new EbayCallLimits(clock)), new EbaySecretAccounts(secrets, ebayPrefix))));
        // mail channels: Amazon's relay from the approved sender address; Shopify and e-mail from the shop's address
        // (through the same SMTP server: Amazon SES's SMTP interface in AWS, GreenMail locally)
        ReplySender sender = new ReplySender(new DynamoDbTicketStore(dynamo, Env.require("TICKETS_TABLE")),
                channel -> channel == Channel.EBAY ? Optional.empty() : Optional.of(mail),
                (seller, channel) -> channel == Channel.AMAZON ? Optional.of(from) : configured.shopAddress(seller),
                channel -> channel == Channel.EBAY ? Optional.of((ticket, reply) -> ebay.get().send(ticket, reply)) : Optional.empty(),
                Integer.parseInt(Env.get("SEND_MAX_ATTEMPTS").orElse("8")), clock,
                new com.deskbridge.adapters.dynamodb.DynamoDbAuditStore(dynamo, Env.require("TICKETS_TABLE"))::record);
        return new Object[] {sender, new DeadLetterQueue(sqs, Env.require("OUTBOUND_DLQ_URL")), mail};
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, this::process);
    }

    private SqsBatch.Outcome process(SQSEvent.SQSMessage record) {
        SellerId seller;
        TicketId ticket;
        String key;
        try {
            JsonNode body = JSON.readTree(record.getBody());
            if (body == null || body.path("v").asInt() != 1) {
                throw new PoisonMessageException("not an outbound message of version 1");
            }
            seller = new SellerId(body.path("sellerId").asText(null));
            ticket = TicketId.parse(body.path("ticketId").asText(null));
            key = body.path("messageKey").asText("");
            if (!key.matches("r[a-z2-7]{24}")) {
                throw new PoisonMessageException("messageKey is not a reply key");
            }
        } catch (InvalidInputException | java.io.IOException e) {
            throw new PoisonMessageException("malformed outbound message: " + e.getMessage());
        }
        ReplySender.Outcome outcome = sender.send(seller, ticket, key, SqsBatch.receiveCount(record));
        LOG.info("sender messageId={} ticketId={} reply={} outcome={}", record.getMessageId(), ticket, key, outcome);
        return outcome == ReplySender.Outcome.DONE ? SqsBatch.DONE : new SqsBatch.Retry("the channel refused for now");
    }
}
