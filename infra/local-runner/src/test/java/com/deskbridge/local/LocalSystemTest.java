package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole system as `mvn -Plocal` runs it: a message put on the intake queue is polled by the template's event
 * source, becomes a ticket, and is read back over HTTP through the JWT authorizer.
 */
class LocalSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static LocalRunner system;
    private static SqsClient sqs;

    /** Everything any function logged while these tests ran (java.util.logging, where SLF4J logs to). */
    private static final StringBuffer LOGGED = new StringBuffer();
    private static final java.util.logging.Handler CAPTURE = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            LOGGED.append(record.getMessage()).append(' ').append(java.util.Arrays.toString(record.getParameters()))
                    .append(' ').append(record.getThrown()).append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        sqs = system.stack().sqsClient();
        java.util.logging.Logger.getLogger("").addHandler(CAPTURE);
    }

    /**
     * No secret ever reaches a log: the SP-API and carrier credentials the functions used in these tests (read from the
     * local Secrets Manager), and the access tokens they were given.
     */
    @org.junit.jupiter.api.AfterAll
    static void noSecretWasLogged() {
        java.util.logging.Logger.getLogger("").removeHandler(CAPTURE);
        java.util.List<String> secrets = new java.util.ArrayList<>();
        system.world().spApi().credentials().forEach(c -> {
            secrets.add(c.get("client_secret"));
            secrets.add(c.get("refresh_token"));
        });
        for (String carrier : com.deskbridge.sim.carriers.CarrierSimulator.CARRIERS) {
            system.world().carriers().credentials(carrier).forEach((field, value) -> {
                if (!field.toLowerCase(java.util.Locale.ROOT).contains("id")) {
                    secrets.add(value);
                }
            });
        }
        assertThat(LOGGED.length()).as("the functions logged while the tests ran").isPositive();
        assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(LOGGED.toString()).doesNotContain(secret));
        assertThat(LOGGED.toString()).doesNotContain("Atza|");
    }

    private static String seller(String name) {
        return name + "-" + System.nanoTime();
    }

    private static String token(String seller) {
        return system.token("agent-e2e", seller, Duration.ofMinutes(10));
    }

    private static void enqueue(String body) {
        sqs.sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue")).messageBody(body));
    }

    private static JsonNode openTickets(String seller) {
        try {
            HttpResponse<String> r = RunningSystem.get("/tickets?status=open", token(seller));
            assertThat(r.statusCode()).isEqualTo(200);
            return JSON.readTree(r.body()).get("items");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMessageOnTheIntakeQueueIsReadableThroughTheHttpApi() throws Exception {
        String seller = seller("e2e");
        long start = System.nanoTime();
        enqueue(Envelopes.channelMessage(seller, "e2e-1", "thread-e2e", "Where is my parcel?"));

        JsonNode items = RunningSystem.await(() -> openTickets(seller), i -> i.size() == 1, LIMIT);
        System.out.printf("[e2e] intake queue -> readable over the local HTTP API in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(items).hasSize(1);

        HttpResponse<String> detail = RunningSystem.get("/tickets/" + items.get(0).get("id").asText(), token(seller));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode ticket = JSON.readTree(detail.body());
        assertThat(ticket.get("messages").get(0).get("body").asText()).isEqualTo("Where is my parcel?");
        assertThat(ticket.get("channel").asText()).isEqualTo("ebay");
    }

    @Test
    void aRelayMailThatSesStoredInTheTemplatesBucketBecomesATicket() throws Exception {
        String seller = seller("relay");
        String bucket = system.stack().model().buckets().stream()
                .filter(b -> b.logicalId().equals("RawMailBucket")).findFirst().orElseThrow().name();
        String key = "relay/" + seller + "/0001";
        system.s3().client().putObject(p -> p.bucket(bucket).key(key),
                RequestBody.fromString(Envelopes.relayMail("e2e-" + seller, "028-1234567-7654321"), StandardCharsets.UTF_8));
        enqueue(Envelopes.s3Created(bucket, key));

        JsonNode items = RunningSystem.await(() -> openTickets(seller), i -> i.size() == 1, LIMIT);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("orderId").asText()).isEqualTo("028-1234567-7654321");
        assertThat(items.get(0).get("channel").asText()).isEqualTo("amazon");
    }

    private static List<Message> dlqMessagesContaining(String marker, int expected) throws InterruptedException {
        List<Message> seen = new ArrayList<>();
        RunningSystem.await(() -> {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(system.stack().queueUrl("IntakeDeadLetterQueue"))
                    .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")
                    .messageSystemAttributeNames(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.ALL))
                    .messages()) {
                if (m.body().contains(marker)) {
                    seen.add(m);
                    sqs.deleteMessage(d -> d.queueUrl(system.stack().queueUrl("IntakeDeadLetterQueue")).receiptHandle(m.receiptHandle()));
                } else {
                    sqs.changeMessageVisibility(c -> c.queueUrl(system.stack().queueUrl("IntakeDeadLetterQueue"))
                            .receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                }
            }
            return seen.size();
        }, n -> n >= expected, LIMIT);
        return seen;
    }

    @Test
    void aPoisonMessageGoesStraightToTheDeadLetterQueueWithItsReason() throws Exception {
        String seller = seller("poison");
        enqueue("{\"version\":1,\"type\":\"channel-message\",\"sellerId\":\"" + seller + "\"}");
        enqueue(Envelopes.channelMessage(seller, "ok-1", "thread-ok", "fine"));

        List<Message> dead = dlqMessagesContaining(seller, 1);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get(DeadLetterQueue.REASON).stringValue()).contains("channel is required");
            assertThat(m.attributes().get(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .as("dead-lettered on its first receive, not retried").isEqualTo("1");
        });
        assertThat(RunningSystem.await(() -> openTickets(seller), i -> i.size() == 1, LIMIT)).hasSize(1);
    }

    @Test
    void aNotificationForAnotherBucketIsPoisonAtOnceAndNothingIsRead() throws Exception {
        String seller = seller("foreign-bucket");
        enqueue(Envelopes.s3Created("attacker-bucket-" + seller, "relay/" + seller + "/x"));

        List<Message> dead = dlqMessagesContaining(seller, 1);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get(DeadLetterQueue.REASON).stringValue()).contains("not the raw-mail bucket");
            assertThat(m.attributes().get(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .as("dead-lettered on its first receive, not retried as transient").isEqualTo("1");
        });
        assertThat(openTickets(seller)).isEmpty();
    }

    @Test
    void theHttpApiIsGuardedByTheJwtAuthorizer() throws Exception {
        assertThat(RunningSystem.get("/tickets", null).statusCode()).isEqualTo(401);
        assertThat(RunningSystem.get("/tickets", "not.a.jwt").statusCode()).isEqualTo(401);
        String expired = system.api().issuer().mint("agent", Map.of("seller_id", "s"), Duration.ofMinutes(-5));
        assertThat(RunningSystem.get("/tickets", expired).statusCode()).isEqualTo(401);
        String otherAudience = system.api().issuer().mint("agent", Map.of("seller_id", "s", "aud", "another-app"),
                Duration.ofMinutes(5));
        assertThat(RunningSystem.get("/tickets", otherAudience).statusCode()).isEqualTo(401);

        String noSeller = system.api().issuer().mint("agent", Map.of(), Duration.ofMinutes(5));
        HttpResponse<String> forbidden = RunningSystem.get("/tickets", noSeller);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    @Test
    void theHelpdeskOriginMayCallTheApiFromABrowser() throws Exception {
        HttpResponse<String> preflight = RunningSystem.send(HttpRequest.newBuilder(
                        URI.create(system.api().baseUrl() + "/tickets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");

        HttpResponse<String> stranger = RunningSystem.send(HttpRequest.newBuilder(
                        URI.create(system.api().baseUrl() + "/tickets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").build());
        assertThat(stranger.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void anAgentReplyTravelsFromTheApiThroughTheSenderToTheBuyersRelayAlias() throws Exception {
        String seller = seller("reply");
        enqueue(Envelopes.rawMime(seller, Envelopes.relayMail("reply-" + System.nanoTime(), "028-7777777-7777777")));
        JsonNode items = RunningSystem.await(() -> openTickets(seller), i -> i.size() == 1, LIMIT);
        String id = items.get(0).get("id").asText();
        int before = system.mail().received().size();

        HttpResponse<String> reply = RunningSystem.send(HttpRequest.newBuilder(
                        URI.create(system.api().baseUrl() + "/tickets/" + id + "/replies"))
                .header("Authorization", "Bearer " + token(seller)).header("content-type", "application/json")
                .header("Idempotency-Key", "e2e-reply-" + System.nanoTime())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Ihr Paket ist mit DHL unterwegs, Sendungsnummer 00340434161094042557.\"}"))
                .build());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);

        var received = RunningSystem.await(() -> system.mail().received(), r -> r.size() > before, LIMIT);
        var mail = received.get(received.size() - 1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("7xk2m4q9pz3lwd1@marketplace.amazon.de");
        assertThat(mail.getSubject()).isEqualTo("Re: Frage zur Bestellung 028-7777777-7777777");
        JsonNode sent = RunningSystem.await(() -> {
            try {
                return JSON.readTree(RunningSystem.get("/tickets/" + id, token(seller)).body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, t -> "sent".equals(t.get("messages").get(1).path("sendStatus").asText()), LIMIT);
        assertThat(sent.get("status").asText()).as("answered: the clock stopped").isEqualTo("pending");
        assertThat(sent.get("messages").get(1).get("direction").asText()).isEqualTo("out");
    }

    @Test
    void aRefundFromTheTicketIsSentToAmazonOnceAndConfirmedByItsProcessingReport() throws Exception {
        String seller = seller("refund");
        system.world().grantSpApi(LocalRunner.SPAPI_SECRET_PREFIX, seller);
        enqueue("""
                {"version":1,"type":"channel-message","channel":"amazon","sellerId":"%s","marketplaceId":"A1PA6795UKMFR9",
                 "externalMessageId":"refund-1","orderId":"028-4711001-0000001",
                 "sender":{"address":"k3j4h5@marketplace.amazon.de"},"subject":"Tasse kaputt",
                 "body":"Eine Tasse kam zerbrochen an.","receivedAt":"2026-11-21T09:15:00Z"}""".formatted(seller));
        JsonNode items = RunningSystem.await(() -> openTickets(seller), i -> i.size() == 1, LIMIT);
        String id = items.get(0).get("id").asText();
        String body = "{\"orderId\":\"028-4711001-0000001\",\"reason\":\"CustomerReturn\",\"lines\":[{\"orderItemId\":"
                + "\"40211100000001\",\"quantity\":1,\"components\":[{\"component\":\"PRINCIPAL\",\"amount\":\"12.50\","
                + "\"currency\":\"EUR\"}]}]}";
        HttpRequest refund = HttpRequest.newBuilder(URI.create(system.api().baseUrl() + "/tickets/" + id + "/refunds"))
                .header("Authorization", "Bearer " + token(seller)).header("content-type", "application/json")
                .header("Idempotency-Key", "e2e-refund-" + seller).POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> first = RunningSystem.send(refund);
        HttpResponse<String> doubleClick = RunningSystem.send(refund);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(doubleClick.statusCode()).isEqualTo(202);
        assertThat(doubleClick.headers().firstValue("idempotent-replayed")).hasValue("true");
        String actionId = JSON.readTree(first.body()).get("actionId").asText();
        assertThat(JSON.readTree(doubleClick.body()).get("actionId").asText()).isEqualTo(actionId);

        JsonNode action = RunningSystem.await(() -> {
            try {
                return JSON.readTree(RunningSystem.get("/tickets/" + id + "/actions/" + actionId, token(seller)).body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, a -> a.path("done").asBoolean(), Duration.ofSeconds(90));
        assertThat(action.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(action.get("feed").get("feedId").asText()).isNotBlank();
        assertThat(system.world().spApi().throttledCount("createFeed")).isZero();

        HttpResponse<String> list = RunningSystem.get("/tickets/" + id + "/actions", token(seller));
        assertThat(JSON.readTree(list.body()).get("actions")).hasSize(1);
    }

    @Test
    void aTicketAboutAnOrderCarriesItsOrderTrackingAndVerifiedEvidence() throws Exception {
        // no grant of its own: every seller a local user signs in with reaches the simulated SP-API (README)
        String seller = seller("context");
        long start = System.nanoTime();
        enqueue("""
                {"version":1,"type":"channel-message","channel":"amazon","sellerId":"%s","marketplaceId":"A1PA6795UKMFR9",
                 "externalMessageId":"ctx-1","orderId":"028-4711001-0000001",
                 "sender":{"address":"k3j4h5@marketplace.amazon.de"},"subject":"Wo ist mein Paket?",
                 "body":"Wo ist mein Paket?","receivedAt":"2026-11-21T09:15:00Z"}""".formatted(seller));
        JsonNode items = RunningSystem.await(() -> openTickets(seller), i -> i.size() == 1, LIMIT);
        String id = items.get(0).get("id").asText();
        JsonNode ticket = RunningSystem.await(() -> {
            try {
                return JSON.readTree(RunningSystem.get("/tickets/" + id, token(seller)).body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, t -> t.path("enrichment").path("state").asText().matches("COMPLETE|PARTIAL|FAILED"), LIMIT);
        System.out.printf("[e2e] intake queue -> ticket with order and tracking context in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(ticket.get("enrichment").get("state").asText()).as(ticket.toString()).isIn("COMPLETE", "PARTIAL");
        assertThat(ticket.get("order").get("orderId").asText()).isEqualTo("028-4711001-0000001");
        assertThat(ticket.get("order").get("channel").asText()).isEqualTo("FBM");
        assertThat(ticket.get("shipments")).isNotEmpty().allSatisfy(s -> assertThat(s.get("carrier").asText()).isNotBlank());

        JsonNode evidence = JSON.readTree(RunningSystem.get("/tickets/" + id + "/evidence", token(seller)).body());
        assertThat(evidence.get("entries").size()).isGreaterThanOrEqualTo(2);
        assertThat(evidence.get("verification").get("valid").asBoolean()).isTrue();
        assertThat(evidence.toString()).doesNotContain("k3j4h5@marketplace.amazon.de");
    }
}
