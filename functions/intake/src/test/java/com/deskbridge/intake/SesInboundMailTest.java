package com.deskbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.logging.SecurityEvents;
import com.deskbridge.adapters.sellers.DynamoDbSellerRegistry;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.s3.LocalS3;
import com.deskbridge.testing.SqsRecords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Mail as SES receives it for the template's MailDomain, against DynamoDB Local, ElasticMQ and S3Mock: the raw mail
 * (with the headers SES adds) under inbound/ in the raw-mail bucket and SES's "Received" notification
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html) on the intake queue. The
 * seller comes from the envelope recipient's alias in the seller registry; refused mail goes to the DLQ with its reason,
 * makes no ticket and is a security event.
 */
class SesInboundMailTest {
    static final String BUCKET = "raw-mail-ses-test";
    static final String DOMAIN = "mail.deskbridge.test";
    @TempDir
    static Path s3Root;
    private static LocalAwsStack stack;
    private static LocalS3 s3;
    private static final ByteArrayOutputStream SECURITY_LOG = new ByteArrayOutputStream();
    private static final long N = System.nanoTime();
    private static final String NORTH = "ses-north-" + N;
    private static final String SOUTH = "ses-south-" + N;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("ses-inbound")
                .pollers(false).start();
        s3 = LocalS3.start(0, s3Root, "eu-west-1");
        s3.createBuckets(List.of(BUCKET));
        DynamoDbSellerRegistry registry = new DynamoDbSellerRegistry(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        registry.register(new SellerRegistration(new SellerId(NORTH), List.of("A1PA6795UKMFR9"), "eu", "Europe/Berlin",
                "north-" + N, Instant.now(), "operator"));
        registry.register(new SellerRegistration(new SellerId(SOUTH), List.of("A13V1IB3VIYZZH"), "eu", "Europe/Paris",
                "south-" + N, Instant.now(), "operator"));
    }

    @AfterAll
    static void stop() {
        stack.close();
        s3.close();
    }

    static IntakeHandler handler() {
        return new IntakeHandler(IntakeWiring.of(stack.dynamoDbClient(), s3.client(), stack.sqsClient(),
                stack.tableName("TicketsTable"), stack.queueUrl("IntakeDeadLetterQueue"), stack.queueUrl("OutboundQueue"),
                Duration.ofDays(30), "Europe/Berlin", Clock.systemUTC()).receivingMailFor(DOMAIN),
                IntakeGuards.rawMailFrom(BUCKET).withEvents(new SecurityEvents(new PrintStream(SECURITY_LOG, true,
                        StandardCharsets.UTF_8), Clock.systemUTC(), "test")));
    }

    /** A mail as SES stores it: SES's own headers on top of what the sender wrote. */
    static byte[] mail(String from, String to, String dkimResult, String spam, String id, String text) {
        return String.join("\r\n",
                "Return-Path: <bounce-" + id + "@bounce.example>",
                "Received: from a1-2.smtp-out.eu-west-1.amazonses.com (a1-2.smtp-out.eu-west-1.amazonses.com [54.240.1.2])"
                        + " by inbound-smtp.eu-west-1.amazonaws.com with SMTP id " + id,
                "X-SES-Spam-Verdict: " + spam,
                "X-SES-Virus-Verdict: PASS",
                "Received-SPF: pass (spfCheck: domain of bounce.example designates 54.240.1.2 as permitted sender)",
                "Authentication-Results: amazonses.com;",
                " spf=pass (spfCheck: domain of bounce.example designates 54.240.1.2 as permitted sender)"
                        + " client-ip=54.240.1.2; envelope-from=bounce-" + id + "@bounce.example;",
                " " + dkimResult + ";",
                " dmarc=pass header.from=example;",
                "X-SES-RECEIPT: AEFBQUFBQUFBQUFHbTZ3",
                "From: " + from,
                "To: " + to,
                "Subject: Frage zur Bestellung 028-1234567-7654321",
                "Date: Mon, 07 Dec 2026 04:00:00 +0000",
                "Message-ID: <" + id + "@email.amazonses.com>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                text,
                "").getBytes(StandardCharsets.UTF_8);
    }

    /** Stores the mail under inbound/ and returns SES's notification for it. */
    static String received(byte[] mail, String id, List<String> recipients, String spam, String spf, String dkim, String dmarc) {
        String key = "inbound/" + id;
        s3.client().putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(mail));
        String to = String.join("\",\"", recipients);
        return """
                {"notificationType":"Received",
                 "mail":{"timestamp":"%1$s","source":"bounce-%2$s@bounce.example","messageId":"%2$s",
                  "destination":["%3$s"],"headersTruncated":false,"headers":[],"commonHeaders":{"returnPath":"bounce-%2$s@bounce.example"}},
                 "receipt":{"timestamp":"%1$s","processingTimeMillis":412,"recipients":["%3$s"],
                  "spamVerdict":{"status":"%4$s"},"virusVerdict":{"status":"PASS"},"spfVerdict":{"status":"%5$s"},
                  "dkimVerdict":{"status":"%6$s"},"dmarcVerdict":{"status":"%7$s"},
                  "action":{"type":"S3","topicArn":"arn:aws:sns:eu-west-1:123456789012:inbound","bucketName":"%8$s",
                   "objectKeyPrefix":"inbound/","objectKey":"%9$s"}}}"""
                .formatted(Instant.now(), id, to, spam, spf, dkim, dmarc, BUCKET, key);
    }

    static final String RELAY = "\"Jana - Amazon Marketplace\" <jana123@marketplace.amazon.de>";
    static final String AMAZON_DKIM = "dkim=pass header.i=@marketplace.amazon.de";

    @Test
    void relayMailToASellersAliasBecomesThatSellersAmazonTicketWhateverItsHeadersSay() {
        String id = "relay-" + N;
        // the To header names the other seller: only the envelope recipient counts
        String body = received(mail(RELAY, "south-" + N + "@" + DOMAIN, AMAZON_DKIM, "PASS", id, "Wann kommt mein Paket?"),
                id, List.of("North-" + N + "@" + DOMAIN), "PASS", "PASS", "PASS", "PASS");

        SQSBatchResponse response = handler().handleRequest(SqsRecords.event(List.of(record(id, body))), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(open(NORTH)).singleElement().satisfies(t -> assertThat(t.channel()).isEqualTo(Channel.AMAZON));
        assertThat(open(SOUTH)).noneMatch(t -> t.channel() == Channel.AMAZON);
    }

    @Test
    void aBuyersOwnMailWithoutSignaturesBecomesAnEmailTicket() {
        String id = "own-" + N;
        String body = received(mail("Ana <ana@example.org>", "south-" + N + "@" + DOMAIN, "dkim=none", "PASS", id,
                "Hello, where is my parcel?"), id, List.of("south-" + N + "@" + DOMAIN), "PASS", "GRAY", "GRAY", "GRAY");

        handler().handleRequest(SqsRecords.event(List.of(record(id, body))), null);

        assertThat(open(SOUTH)).singleElement().satisfies(t -> assertThat(t.channel()).isEqualTo(Channel.EMAIL));
    }

    @Test
    void mailSesJudgedIsRefusedWithItsReasonAndMakesNoTicket() {
        String to = "north-" + N + "@" + DOMAIN;
        String spam = "spam-" + N;
        String virus = "virus-" + N;
        String spf = "spf-" + N;
        String dkim = "dkim-" + N;
        String dmarc = "dmarc-" + N;
        int before = open(NORTH).size();
        SQSEvent event = SqsRecords.event(List.of(
                record(spam, received(mail(RELAY, to, AMAZON_DKIM, "FAIL", spam, "Cheap pills"), spam, List.of(to),
                        "FAIL", "PASS", "PASS", "PASS")),
                record(virus, received(mail(RELAY, to, AMAZON_DKIM, "PASS", virus, "See attachment"), virus, List.of(to),
                        "PASS", "PASS", "PASS", "PASS").replace("\"virusVerdict\":{\"status\":\"PASS\"}",
                        "\"virusVerdict\":{\"status\":\"FAIL\"}")),
                record(spf, received(mail(RELAY, to, AMAZON_DKIM, "PASS", spf, "x"), spf, List.of(to), "PASS", "FAIL", "PASS", "PASS")),
                record(dkim, received(mail(RELAY, to, AMAZON_DKIM, "PASS", dkim, "x"), dkim, List.of(to), "PASS", "PASS", "FAIL", "PASS")),
                record(dmarc, received(mail(RELAY, to, AMAZON_DKIM, "PASS", dmarc, "x"), dmarc, List.of(to), "PASS", "PASS", "PASS",
                        "FAIL"))));

        SQSBatchResponse response = handler().handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(open(NORTH)).hasSize(before);
        assertThat(reason(spam)).contains("spam (receipt.spamVerdict FAIL)");
        assertThat(reason(virus)).contains("virus (receipt.virusVerdict FAIL)");
        assertThat(reason(spf)).contains("SPF failed");
        assertThat(reason(dkim)).contains("DKIM failed");
        assertThat(reason(dmarc)).contains("DMARC failed");
        assertThat(securityEvent(spam)).contains("\"limit\":\"SPAM_VERDICT\"", "\"sellerId\":\"" + NORTH + "\"");
        assertThat(securityEvent(dmarc)).contains("\"limit\":\"DMARC_VERDICT\"");
    }

    @Test
    void mailThatSpeaksForAmazonMustComeFromTheRelayWithAmazonsSignature() {
        String to = "north-" + N + "@" + DOMAIN;
        String lookalike = "lookalike-" + N;
        String foreignDkim = "foreign-" + N;
        String forgedResults = "forged-" + N;
        int before = open(NORTH).size();
        SQSEvent event = SqsRecords.event(List.of(
                // "Amazon Marketplace" in the name, from an address outside the relay
                record(lookalike, received(mail("\"Jana - Amazon Marketplace\" <jana@amazon-support.example>", to,
                        "dkim=pass header.i=@amazon-support.example", "PASS", lookalike, "Bitte Konto bestaetigen"),
                        lookalike, List.of(to), "PASS", "PASS", "PASS", "PASS")),
                // a relay address, signed by someone else
                record(foreignDkim, received(mail(RELAY, to, "dkim=pass header.i=@mailer.example", "PASS", foreignDkim, "x"),
                        foreignDkim, List.of(to), "PASS", "PASS", "PASS", "PASS")),
                // a relay address whose own (lower) Authentication-Results claims Amazon's DKIM: SES's own says none
                record(forgedResults, received(new String(mail(RELAY, to, "dkim=none", "PASS", forgedResults, "x"),
                        StandardCharsets.UTF_8).replace("From: ", "Authentication-Results: amazonses.com; "
                        + AMAZON_DKIM + "\r\nFrom: ").getBytes(StandardCharsets.UTF_8), forgedResults, List.of(to),
                        "PASS", "PASS", "GRAY", "PASS"))));

        handler().handleRequest(event, null);

        assertThat(open(NORTH)).hasSize(before);
        assertThat(reason(lookalike)).contains("not an Amazon relay address");
        assertThat(reason(foreignDkim)).contains("without a passing DKIM signature of an Amazon domain");
        assertThat(reason(forgedResults)).contains("without a passing DKIM signature of an Amazon domain");
        assertThat(securityEvent(lookalike)).contains("\"limit\":\"AMAZON_SENDER\"");
    }

    @Test
    void mailForAnAliasNobodyHoldsIsDeadLetteredAndNothingIsRead() {
        String id = "nobody-" + N;
        String body = received(mail(RELAY, "x", AMAZON_DKIM, "PASS", id, "x"), id, List.of("nobody-" + N + "@" + DOMAIN,
                "north-" + N + "@other.example"), "PASS", "PASS", "PASS", "PASS");

        handler().handleRequest(SqsRecords.event(List.of(record(id, body))), null);

        assertThat(reason(id)).contains("no registered seller's mail alias among the recipients");
    }

    private static SQSEvent.SQSMessage record(String id, String body) {
        return SqsRecords.record(id, body, 1, Instant.now());
    }

    private static List<TicketSummary> open(String seller) {
        return new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"))
                .list(new SellerId(seller), TicketFilter.status(TicketStatus.OPEN), 50, null, Instant.now()).items();
    }

    private static String securityEvent(String messageId) {
        return SECURITY_LOG.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"messageId\":\"" + messageId + "\""))
                .findFirst().orElseThrow();
    }

    private static String reason(String marker) {
        String dlq = stack.queueUrl("IntakeDeadLetterQueue");
        List<Message> found = new ArrayList<>();
        for (int i = 0; i < 5 && found.isEmpty(); i++) {
            for (Message m : stack.sqsClient().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)
                    .messageAttributeNames("All").visibilityTimeout(0)).messages()) {
                if (m.body().contains("inbound/" + marker + "\"")) {
                    found.add(m);
                }
            }
        }
        assertThat(found).as("dead letter of " + marker).isNotEmpty();
        return found.get(0).messageAttributes().get(DeadLetterQueue.REASON).stringValue();
    }
}
