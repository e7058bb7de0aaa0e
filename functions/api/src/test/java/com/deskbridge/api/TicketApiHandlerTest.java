package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The handler's HTTP mapping: routes, the seller from the token, problem+json for every error. The store behind it
 * is a recording fake of the domain port; the DynamoDB store and the whole route are tested against DynamoDB Local
 * in infra/local-runner (contract and end-to-end tests).
 */
class TicketApiHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final TicketId KNOWN = TicketId.forConversation(new SellerId("s1"), Channel.EBAY, "thread:x");
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> calls = new ArrayList<>();
    private boolean fail;

    private final TicketStore store = new TicketStore() {
        @Override
        public AppendOutcome append(InboundMessage message, Instant expiresAt,
                                    com.deskbridge.domain.intake.Triage triage) {
            throw new AssertionError("the API never writes");
        }

        @Override
        public Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now) {
            calls.add("find " + seller + " " + id);
            if (fail) {
                throw new IllegalStateException("DynamoDB said no; secret-token-123");
            }
            if (!seller.value().equals("s1") || !id.equals(KNOWN)) {
                return Optional.empty();
            }
            TicketSummary t = new TicketSummary(id, seller, Channel.EBAY, "EBAY_DE", "o-1", "buyer_1", "Hi",
                    TicketStatus.OPEN, NOW, NOW, NOW, 1, "WHERE_IS_MY_ORDER", java.util.Set.of("shipping-status"), null,
                    null, NOW.plusSeconds(3600));
            return Optional.of(new TicketDetail(t, List.of()));
        }

        @Override
        public boolean markNoResponseNeeded(SellerId seller, TicketId id, String agentId, Instant at) {
            calls.add("no-response-needed " + seller + " " + id + " by " + agentId);
            return seller.value().equals("s1") && id.equals(KNOWN);
        }

        @Override
        public Page<TicketSummary> list(SellerId seller, com.deskbridge.domain.ticket.TicketFilter filter, int limit,
                                        String cursor, Instant now) {
            calls.add("list " + seller + " " + filter.status().wireName() + " " + limit + " " + cursor
                    + (filter.statusOnly() ? "" : " " + filter));
            return new Page<>(List.of(), "next-page");
        }

        @Override
        public ReplyOutcome recordReply(SellerId seller, TicketId id, com.deskbridge.domain.ticket.OutgoingReply reply,
                                        Instant expiresAt) {
            calls.add("reply " + seller + " " + id + " by " + reply.agentId() + ": " + reply.body());
            if (!seller.value().equals("s1") || !id.equals(KNOWN)) {
                return ReplyOutcome.NO_SUCH_TICKET;
            }
            return replyKeys.add(reply.messageKey()) ? ReplyOutcome.RECORDED : ReplyOutcome.DUPLICATE;
        }

        @Override
        public boolean updateSendStatus(SellerId seller, TicketId id, String messageKey,
                                        java.util.Set<com.deskbridge.domain.ticket.SendStatus> from,
                                        com.deskbridge.domain.ticket.SendStatus to, String detail, Instant at) {
            throw new AssertionError("the API never sends");
        }

        @Override
        public boolean assign(SellerId seller, TicketId id, String assignee, Instant at) {
            calls.add("assign " + seller + " " + id + " to " + assignee);
            return seller.value().equals("s1") && id.equals(KNOWN);
        }

        @Override
        public boolean retag(SellerId seller, TicketId id, java.util.Set<String> add, java.util.Set<String> remove, Instant at) {
            calls.add("retag " + seller + " " + id + " +" + new java.util.TreeSet<>(add) + " -" + new java.util.TreeSet<>(remove));
            return seller.value().equals("s1") && id.equals(KNOWN);
        }

        @Override
        public boolean close(SellerId seller, TicketId id, String agentId, Instant at) {
            calls.add("close " + seller + " " + id + " by " + agentId);
            return seller.value().equals("s1") && id.equals(KNOWN);
        }
    };

    /** Settings documents in memory (the DynamoDB store is exercised by the contract tests). */
    private final InMemorySellerSettings settings = new InMemorySellerSettings();
    private final Map<String, String> savedPolicies = settings.saved;

    private final java.util.Set<String> replyKeys = new java.util.HashSet<>();
    private final InMemoryCollaboration collaboration = InMemoryCollaboration.create();
    /** The channels the outbound side can send (the fake ticket is an eBay ticket). */
    private final java.util.Set<Channel> sendable = java.util.EnumSet.allOf(Channel.class);
    private final List<String> dispatched = new ArrayList<>();
    private boolean dispatchFails;
    private final List<com.deskbridge.domain.sla.ResponseRecord> responseRecords = new ArrayList<>();

    private final ApiServices services = new ApiServices(
            new TicketQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)),
            new com.deskbridge.domain.command.TicketCommands(store, Clock.fixed(NOW, ZoneOffset.UTC), java.time.Duration.ofDays(30)),
            settings,
            (seller, ticket, key) -> {
                if (dispatchFails) {
                    throw new IllegalStateException("queue unavailable");
                }
                dispatched.add(seller + " " + ticket + " " + key);
            },
            (seller, from, to, now) -> {
                calls.add("responses " + seller + " " + from + " " + to);
                return responseRecords;
            },
            null,
            () -> {
                throw new AssertionError("these tests do not refund");
            },
            TicketContext.NONE, collaboration.ports(),
            () -> {
                throw new AssertionError("these tests do not refresh tracking");
            },
            new com.deskbridge.compliance.ComplianceChecker(), channel -> sendable.contains(channel),
            Clock.fixed(NOW, ZoneOffset.UTC),
            SlaPolicyJson.defaultDocument("Europe/Berlin"), EMPTY_INBOX, null); // seller routes: SellerApiTest
    private final TicketApiHandler handler = new TicketApiHandler(services);

    /** These tests do not read the inbox (InboxJourneyTest does, through the local system): it answers empty. */
    private static final com.deskbridge.domain.port.Inbox EMPTY_INBOX = new com.deskbridge.domain.port.Inbox() {
        @Override
        public com.deskbridge.domain.inbox.InboxOverview overview(com.deskbridge.domain.ticket.SellerId seller, String agent,
                                                                  int perView, java.time.Instant now) {
            return new com.deskbridge.domain.inbox.InboxOverview(List.of());
        }

        @Override
        public com.deskbridge.domain.ticket.Page<com.deskbridge.domain.inbox.InboxTicket> list(
                com.deskbridge.domain.ticket.SellerId seller, com.deskbridge.domain.inbox.InboxView view, String agent,
                int limit, String cursor, java.time.Instant now) {
            return new com.deskbridge.domain.ticket.Page<>(List.of(), null);
        }
    };

    private static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> claims,
                                               Map<String, String> pathParams, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey).withRawPath(path).withPathParameters(pathParams).withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
                        .withAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }

    private JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
        return json.readTree(r.getBody());
    }

    /**
     * Issue 14 (Operations): a request on a ticket logs every line under the ticket's correlation id (the buyer message's
     * that opened it) and hands it to the reply it queues; other requests log under API Gateway's request id.
     */
    @Test
    void requestsOnATicketLogUnderItsCorrelationIdAndPassItToTheReply() throws Exception {
        List<String> dispatchedUnder = new ArrayList<>();
        ApiServices recording = new ApiServices(services.queries(), services.commands(), services.settings(),
                (seller, ticket, key) -> dispatchedUnder.add(com.deskbridge.adapters.logging.Correlation.current().orElse("none")),
                services.responses(), services.dailyMetrics(), services.orderActions(), services.context(),
                services.collaboration(), services.trackingRefresh(), services.compliance(), services.outbound(),
                services.clock(), services.defaultPolicy(), services.inbox(), services.sellers());
        TicketApiHandler correlated = new TicketApiHandler(recording, (seller, ticket) ->
                seller.value().equals("s1") && ticket.equals(KNOWN) ? Optional.of("intake-msg-77") : Optional.empty());
        List<String> onTicket;
        List<String> elsewhere;
        try (com.deskbridge.adapters.logging.JsonLogging.Capture capture = com.deskbridge.adapters.logging.JsonLogging.capture()) {
            APIGatewayV2HTTPResponse reply = correlated.handleRequest(post("POST /tickets/{id}/replies",
                    "/tickets/" + KNOWN + "/replies", AGENT, Map.of("Idempotency-Key", "reply-corr-1"),
                    "{\"text\":\"Your parcel was handed to DHL today, tracking number 00340434161094042557.\"}"), null);
            assertThat(reply.getStatusCode()).isEqualTo(202);
            onTicket = capture.lines();
        }
        try (com.deskbridge.adapters.logging.JsonLogging.Capture capture = com.deskbridge.adapters.logging.JsonLogging.capture()) {
            correlated.handleRequest(event("GET /tickets", "/tickets", Map.of("seller_id", "s1"), null, null), null);
            elsewhere = capture.lines();
        }

        assertThat(dispatchedUnder).containsExactly("intake-msg-77");
        assertThat(onTicket).isNotEmpty().allSatisfy(line -> {
            assertThat(json.readTree(line).path("correlationId").asText()).isEqualTo("intake-msg-77");
            assertThat(line).doesNotContain("handed to DHL");
        });
        assertThat(elsewhere).isNotEmpty().allSatisfy(line ->
                assertThat(json.readTree(line).path("correlationId").asText()).isEqualTo("req-1"));
        assertThat(com.deskbridge.adapters.logging.Correlation.current()).isEmpty();
    }

    @Test
    void aTicketIsServedToItsSeller() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("GET /tickets/{id}", "/tickets/" + KNOWN,
                Map.of("seller_id", "s1"), Map.of("id", KNOWN.value()), null), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/json").containsEntry("cache-control", "no-store");
        assertThat(body(r).get("id").asText()).isEqualTo(KNOWN.value());
        assertThat(body(r).get("status").asText()).isEqualTo("open");
    }

    @Test
    void theSellerAlwaysComesFromTheTokenNeverFromTheRequest() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("GET /tickets/{id}", "/tickets/" + KNOWN,
                Map.of("seller_id", "s2"), Map.of("id", KNOWN.value()), Map.of("seller_id", "s1")), null);
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(calls).containsExactly("find s2 " + KNOWN);
        assertThat(body(r).get("type").asText()).isEqualTo("urn:deskbridge:problem:ticket-not-found");
    }

    @Test
    void theQueueDefaultsToOpenAndPassesPagingThrough() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("GET /tickets", "/tickets", Map.of("seller_id", "s1"),
                null, Map.of("limit", "7", "cursor", "abc")), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(calls).containsExactly("list s1 open 7 abc");
        assertThat(body(r).get("nextCursor").asText()).isEqualTo("next-page");
    }

    @Test
    void everyErrorIsProblemJsonNamingTheField() throws Exception {
        Map<String, APIGatewayV2HTTPResponse> responses = new HashMap<>();
        responses.put("limit", handler.handleRequest(event("GET /tickets", "/tickets", Map.of("seller_id", "s1"), null,
                Map.of("limit", "ten")), null));
        responses.put("limitRange", handler.handleRequest(event("GET /tickets", "/tickets", Map.of("seller_id", "s1"), null,
                Map.of("limit", "1000")), null));
        responses.put("status", handler.handleRequest(event("GET /tickets", "/tickets", Map.of("seller_id", "s1"), null,
                Map.of("status", "archived")), null));
        responses.put("ticketId", handler.handleRequest(event("GET /tickets/{id}", "/tickets/x", Map.of("seller_id", "s1"),
                Map.of("id", "x"), null), null));
        for (var e : responses.entrySet()) {
            APIGatewayV2HTTPResponse r = e.getValue();
            assertThat(r.getStatusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
            JsonNode p = body(r);
            assertThat(p.get("type").asText()).isEqualTo("urn:deskbridge:problem:invalid-parameter");
            assertThat(p.get("status").asInt()).isEqualTo(400);
            assertThat(p.get("requestId").asText()).isEqualTo("req-1");
            assertThat(p.get("field").asText()).isEqualTo(e.getKey().equals("limitRange") ? "limit" : e.getKey());
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void aTokenWithoutASellerIsForbidden() throws Exception {
        for (Map<String, String> claims : List.of(Map.of("sub", "agent"), Map.of("seller_id", "not a seller!"))) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(event("GET /tickets", "/tickets", claims, null, null), null);
            assertThat(r.getStatusCode()).isEqualTo(403);
            assertThat(body(r).get("type").asText()).isEqualTo("urn:deskbridge:problem:no-seller");
        }
        assertThat(handler.handleRequest(event("GET /tickets", "/tickets", null, null, null), null).getStatusCode()).isEqualTo(403);
        assertThat(calls).isEmpty();
    }

    @Test
    void noResponseNeededActsForTheTokensSellerAndAgent() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("POST /tickets/{id}/no-response-needed",
                "/tickets/" + KNOWN + "/no-response-needed", Map.of("seller_id", "s1", "sub", "agent-7"),
                Map.of("id", KNOWN.value()), null), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(calls).first().isEqualTo("no-response-needed s1 " + KNOWN + " by agent-7");

        APIGatewayV2HTTPResponse other = handler.handleRequest(event("POST /tickets/{id}/no-response-needed",
                "/tickets/" + KNOWN + "/no-response-needed", Map.of("seller_id", "s2", "sub", "agent-7"),
                Map.of("id", KNOWN.value()), null), null);
        assertThat(other.getStatusCode()).isEqualTo(404);
    }

    private APIGatewayV2HTTPResponse putPolicy(String roles, String body) {
        APIGatewayV2HTTPEvent e = event("PUT /sla-policy", "/sla-policy", Map.of("seller_id", "s1", "sub", "lead-1",
                "roles", roles), null, null);
        e.setBody(body);
        return handler.handleRequest(e, null);
    }

    @Test
    void aSellerWithoutAPolicyGetsTheDefaultAndALeadCanStoreItsOwn() throws Exception {
        APIGatewayV2HTTPResponse initial = handler.handleRequest(event("GET /sla-policy", "/sla-policy",
                Map.of("seller_id", "s1"), null, null), null);
        assertThat(body(initial).get("default").asBoolean()).isTrue();
        assertThat(body(initial).get("policy").get("timeZone").asText()).isEqualTo("Europe/Berlin");

        String policy = "{\"timeZone\":\"America/New_York\",\"businessHours\":{\"mon\":[{\"opens\":\"08:00\",\"closes\":\"20:00\"}]},"
                + "\"targetInsideMinutes\":120,\"targetOutsideMinutes\":480}";
        APIGatewayV2HTTPResponse saved = putPolicy("[agent lead]", policy);
        assertThat(saved.getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse after = handler.handleRequest(event("GET /sla-policy", "/sla-policy",
                Map.of("seller_id", "s1"), null, null), null);
        assertThat(body(after).get("default").asBoolean()).isFalse();
        assertThat(body(after).get("policy").get("timeZone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void invalidPoliciesAreRejectedNamingTheFieldAndAgentsCannotChangeThem() throws Exception {
        Map<String, String> bad = Map.of(
                "timeZone", "{\"timeZone\":\"Mars/Olympus\"}",
                "businessHours.TUESDAY", "{\"timeZone\":\"UTC\",\"businessHours\":{\"tue\":[{\"opens\":\"09:00\",\"closes\":\"12:00\"},"
                        + "{\"opens\":\"11:00\",\"closes\":\"14:00\"}]}}",
                "atRiskShare", "{\"timeZone\":\"UTC\",\"atRiskShare\":1.5}",
                "targetInside", "{\"timeZone\":\"UTC\",\"targetInsideMinutes\":0}",
                "body", "{not json",
                "targetInsideHours", "{\"timeZone\":\"UTC\",\"targetInsideHours\":6}");
        for (var e : bad.entrySet()) {
            APIGatewayV2HTTPResponse r = putPolicy("[lead]", e.getValue());
            assertThat(r.getStatusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(body(r).get("field").asText()).as(e.getValue()).startsWith(e.getKey());
        }
        assertThat(savedPolicies).isEmpty();
        assertThat(putPolicy("[agent]", SlaPolicyJsonFixture.VALID).getStatusCode()).isEqualTo(403);
        assertThat(savedPolicies).isEmpty();
    }

    @Test
    void tagRulesAreValidatedPerRuleAndStoredForLeadsOnly() throws Exception {
        APIGatewayV2HTTPResponse none = handler.handleRequest(event("GET /tag-rules", "/tag-rules",
                Map.of("seller_id", "s1"), null, null), null);
        assertThat(body(none).get("tagRules").get("rules")).isEmpty();

        APIGatewayV2HTTPEvent bad = event("PUT /tag-rules", "/tag-rules", Map.of("seller_id", "s1", "sub", "lead-1", "roles", "[lead]"), null, null);
        bad.setBody("{\"rules\":[{\"name\":\"ok\",\"kind\":\"KEYWORD\",\"pattern\":\"warranty\",\"tag\":\"warranty\"},"
                + "{\"name\":\"evil\",\"kind\":\"REGEX\",\"pattern\":\"(a+)+$\",\"tag\":\"x\"}]}");
        APIGatewayV2HTTPResponse rejected = handler.handleRequest(bad, null);
        assertThat(rejected.getStatusCode()).isEqualTo(400);
        assertThat(body(rejected).get("field").asText()).isEqualTo("rules[1].pattern");

        APIGatewayV2HTTPEvent good = event("PUT /tag-rules", "/tag-rules", Map.of("seller_id", "s1", "sub", "lead-1", "roles", "[lead]"), null, null);
        good.setBody("{\"rules\":[{\"name\":\"warranty\",\"kind\":\"KEYWORD\",\"pattern\":\"warranty\",\"tag\":\"warranty\"}]}");
        assertThat(handler.handleRequest(good, null).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse stored = handler.handleRequest(event("GET /tag-rules", "/tag-rules",
                Map.of("seller_id", "s1"), null, null), null);
        assertThat(body(stored).get("default").asBoolean()).isFalse();
        assertThat(body(stored).get("tagRules").get("rules").get(0).get("tag").asText()).isEqualTo("warranty");
    }

    /** A valid policy document. */
    static final class SlaPolicyJsonFixture {
        static final String VALID = "{\"timeZone\":\"UTC\"}";
    }

    @Test
    void anUnknownRouteIsNotFound() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("DELETE /tickets/{id}", "/tickets/x",
                Map.of("seller_id", "s1"), Map.of("id", "x"), null), null);
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(body(r).get("type").asText()).isEqualTo("urn:deskbridge:problem:no-such-route");
    }

    @Test
    void anInternalFailureSaysSoWithoutLeakingItsCause() throws Exception {
        fail = true;
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("GET /tickets/{id}", "/tickets/" + KNOWN,
                Map.of("seller_id", "s1"), Map.of("id", KNOWN.value()), null), null);
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getBody()).doesNotContain("secret-token-123").doesNotContain("DynamoDB");
        assertThat(body(r).get("requestId").asText()).isEqualTo("req-1");
    }

    @Test
    void snapStartPrimingOnlyReadsTheReservedSeller() {
        handler.prime();
        // the ticket, the open queue and the ticket again for its suggestions: reads of the reserved seller only
        assertThat(calls).hasSize(3)
                .allMatch(c -> c.startsWith("find snapstart-priming ") || c.startsWith("list snapstart-priming open "));
    }

    private static APIGatewayV2HTTPEvent post(String routeKey, String path, Map<String, String> claims,
                                              Map<String, String> headers, String body) {
        APIGatewayV2HTTPEvent e = event(routeKey, path, claims, Map.of("id", KNOWN.value()), null);
        e.setHeaders(headers);
        e.setBody(body);
        return e;
    }

    private static final Map<String, String> AGENT = Map.of("seller_id", "s1", "sub", "agent-7", "roles", "[agent]");

    @Test
    void aCompliantReplyIsRecordedAndHandedToTheSenderOnce() throws Exception {
        String path = "/tickets/" + KNOWN + "/replies";
        Map<String, String> headers = Map.of("Idempotency-Key", "reply-0001");
        String text = "{\"text\":\"Your parcel was handed to DHL today, tracking number 00340434161094042557.\"}";
        APIGatewayV2HTTPResponse first = handler.handleRequest(post("POST /tickets/{id}/replies", path, AGENT, headers, text), null);
        APIGatewayV2HTTPResponse again = handler.handleRequest(post("POST /tickets/{id}/replies", path, AGENT, headers, text), null);

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(body(first).at("/reply/duplicate").asBoolean()).isFalse();
        assertThat(body(again).at("/reply/duplicate").asBoolean()).isTrue();
        assertThat(body(first).at("/reply/messageKey").asText()).isEqualTo(body(again).at("/reply/messageKey").asText());
        assertThat(calls).filteredOn(c -> c.startsWith("reply")).hasSize(2).allMatch(c -> c.contains("by agent-7"));
        String key = body(first).at("/reply/messageKey").asText();
        assertThat(dispatched).hasSize(2).allMatch(d -> d.endsWith(key));
    }

    @Test
    void aReplyBreakingAmazonsRulesIsRefusedWithItsFindingsAndNothingIsRecorded() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(post("POST /tickets/{id}/replies", "/tickets/" + KNOWN + "/replies",
                AGENT, Map.of("Idempotency-Key", "reply-0002"),
                "{\"text\":\"Please leave us a 5-star review! Mail support@shop.example or visit https://shop.example\"}"), null);
        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = body(r);
        assertThat(problem.get("type").asText()).isEqualTo("urn:deskbridge:problem:reply-not-compliant");
        assertThat(problem.get("findings")).isNotEmpty();
        assertThat(problem.get("findings").findValuesAsText("ruleId")).contains("EMAIL_ADDRESS", "EXTERNAL_LINK");
        assertThat(calls).noneMatch(c -> c.startsWith("reply"));
        assertThat(dispatched).isEmpty();
    }

    @Test
    void aReplyNeedsAnIdempotencyKeyAndText() throws Exception {
        String path = "/tickets/" + KNOWN + "/replies";
        APIGatewayV2HTTPResponse noKey = handler.handleRequest(post("POST /tickets/{id}/replies", path, AGENT, Map.of(), "{\"text\":\"Hi\"}"), null);
        assertThat(noKey.getStatusCode()).isEqualTo(400);
        assertThat(body(noKey).get("field").asText()).isEqualTo("Idempotency-Key");
        APIGatewayV2HTTPResponse unknownField = handler.handleRequest(post("POST /tickets/{id}/replies", path, AGENT,
                Map.of("idempotency-key", "reply-0003"), "{\"text\":\"Hi\",\"sellerId\":\"s2\"}"), null);
        assertThat(unknownField.getStatusCode()).isEqualTo(400);
        assertThat(body(unknownField).get("field").asText()).isEqualTo("sellerId");
        APIGatewayV2HTTPResponse badJson = handler.handleRequest(post("POST /tickets/{id}/replies", path, AGENT,
                Map.of("Idempotency-Key", "reply-0003"), "{\"text\":"), null);
        assertThat(badJson.getStatusCode()).isEqualTo(400);
        assertThat(body(badJson).get("type").asText()).isEqualTo("urn:deskbridge:problem:malformed-body");
        assertThat(calls).noneMatch(c -> c.startsWith("reply"));
    }

    @Test
    void aReplyStaysRecordedWhenTheSenderQueueIsDown() throws Exception {
        dispatchFails = true;
        APIGatewayV2HTTPResponse r = handler.handleRequest(post("POST /tickets/{id}/replies", "/tickets/" + KNOWN + "/replies",
                AGENT, Map.of("Idempotency-Key", "reply-0004"), "{\"text\":\"We are checking with the carrier.\"}"), null);
        assertThat(r.getStatusCode()).isEqualTo(202);
        assertThat(calls).anyMatch(c -> c.startsWith("reply s1"));
    }

    @Test
    void assignTagAndCloseActForTheTokensAgentOnTheTokensSeller() throws Exception {
        String base = "/tickets/" + KNOWN;
        assertThat(handler.handleRequest(post("POST /tickets/{id}/assign", base + "/assign", AGENT, null,
                "{\"assignee\":\"agent-9\"}"), null).getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(post("POST /tickets/{id}/tags", base + "/tags", AGENT, null,
                "{\"add\":[\"vip\"],\"remove\":[\"shipping-status\"]}"), null).getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(post("POST /tickets/{id}/close", base + "/close", AGENT, null, null), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(calls).contains("assign s1 " + KNOWN + " to agent-9", "retag s1 " + KNOWN + " +[vip] -[shipping-status]",
                "close s1 " + KNOWN + " by agent-7");

        APIGatewayV2HTTPResponse badTag = handler.handleRequest(post("POST /tickets/{id}/tags", base + "/tags", AGENT, null,
                "{\"add\":[\"Not A Tag!\"]}"), null);
        assertThat(badTag.getStatusCode()).isEqualTo(400);
        assertThat(body(badTag).get("field").asText()).isEqualTo("add");
        APIGatewayV2HTTPResponse wrongType = handler.handleRequest(post("POST /tickets/{id}/assign", base + "/assign", AGENT, null,
                "{\"assignee\":42}"), null);
        assertThat(wrongType.getStatusCode()).isEqualTo(400);
        assertThat(body(wrongType).get("field").asText()).isEqualTo("assignee");
    }

    @Test
    void queueFiltersAreParsedAndBadOnesNamed() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(event("GET /tickets", "/tickets", AGENT, null,
                Map.of("priority", "urgent", "channel", "amazon", "dueBefore", "2026-11-22T00:00:00Z", "tag", "vip")), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(calls).singleElement().asString().contains("URGENT", "AMAZON", "2026-11-22T00:00:00Z", "vip");
        for (Map.Entry<String, String> bad : Map.of("priority", "huge", "channel", "fax", "dueBefore", "tomorrow",
                "status", "archived", "limit", "many").entrySet()) {
            APIGatewayV2HTTPResponse e = handler.handleRequest(event("GET /tickets", "/tickets", AGENT, null,
                    Map.of(bad.getKey(), bad.getValue())), null);
            assertThat(e.getStatusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(body(e).get("field").asText()).isEqualTo(bad.getKey());
        }
    }

    @Test
    void theComplianceCheckReportsPositionsForTheLivePreview() throws Exception {
        String text = "Call us on +49 30 1234567 today";
        APIGatewayV2HTTPResponse r = handler.handleRequest(post("POST /compliance/check", "/compliance/check", AGENT, null,
                json.writeValueAsString(Map.of("text", text))), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        JsonNode finding = java.util.stream.StreamSupport.stream(body(r).get("findings").spliterator(), false)
                .filter(f -> f.get("ruleId").asText().equals("PHONE_NUMBER")).findFirst().orElseThrow();
        assertThat(text.substring(finding.get("start").asInt(), finding.get("end").asInt())).contains("1234567");
    }

    @Test
    void slaMetricsAreForLeadsOnly() throws Exception {
        APIGatewayV2HTTPResponse agent = handler.handleRequest(event("GET /metrics/sla", "/metrics/sla", AGENT, null, null), null);
        assertThat(agent.getStatusCode()).isEqualTo(403);
        responseRecords.add(new com.deskbridge.domain.sla.ResponseRecord(NOW.minusSeconds(7200), NOW.minusSeconds(3600),
                Channel.AMAZON, "agent-7"));
        APIGatewayV2HTTPResponse lead = handler.handleRequest(event("GET /metrics/sla", "/metrics/sla",
                Map.of("seller_id", "s1", "sub", "lead-1", "roles", "[agent lead]"), null, null), null);
        assertThat(lead.getStatusCode()).isEqualTo(200);
        assertThat(body(lead).at("/overall/answeredWithin24h").asInt()).isEqualTo(1);
        assertThat(body(lead).at("/byAgent/agent-7/averageFirstResponseSeconds").asLong()).isEqualTo(3600);
        assertThat(body(lead).at("/byChannel/amazon/messages").asInt()).isEqualTo(1);
    }
}
