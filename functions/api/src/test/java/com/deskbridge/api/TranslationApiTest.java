package com.deskbridge.api;

import static com.deskbridge.api.ApiTestStack.agent;
import static com.deskbridge.api.ApiTestStack.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.deskbridge.adapters.dynamodb.DynamoDbInbox;
import com.deskbridge.adapters.dynamodb.DynamoDbReplyTranslations;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.translation.Translation;
import com.deskbridge.translation.TranslationUnavailableException;
import com.deskbridge.translation.Translator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's languages through the API handler, on DynamoDB Local (tickets, settings, reply translations) with an
 * in-memory translator that knows a few sentences (the Amazon Translate adapter has its own wire-level test): the
 * per-seller switch, a German message read in English, a reply written in English previewed and sent in German with
 * the compliance check on the German text, both texts kept, a macro sent in its own German text, an outage as a 409.
 */
class TranslationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PHRASES = Map.of(
            "Wo ist mein Paket? Ich warte seit einer Woche.", "Where is my parcel? I have been waiting for a week.",
            "Wo ist mein Paket?", "Where is my parcel?",
            "Your parcel left our warehouse today.", "Ihr Paket hat heute unser Lager verlassen.",
            "Please check the tracking page.", "Bitte sehen Sie auf www.paket-verfolgung-beispiel.de nach.");
    private static AmazonDynamoDBLocal dynamoDb;
    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoDbTicketStore store;
    private static TicketApiHandler handler;
    private static final List<String> translated = new ArrayList<>();
    private static volatile boolean outage;

    @BeforeAll
    static void start() {
        // DynamoDB Local in-process with the template's TicketsTable (no queues or pollers: the reply's hand-over is a fake)
        TableSpec spec = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"))
                .model(Map.of(), "eu-west-1", "test").tables().get("TicketsTable");
        dynamoDb = DynamoDBEmbedded.create(true);
        dynamo = dynamoDb.dynamoDbClient();
        new TableProvisioner(dynamo).ensure(spec);
        table = spec.tableName();
        store = new DynamoDbTicketStore(dynamo, table);
        Clock clock = Clock.systemUTC();
        Translator translator = (text, source, target) -> {
            if (outage) {
                throw new TranslationUnavailableException("ServiceUnavailableException", null);
            }
            translated.add(text);
            String out = PHRASES.get(text);
            return out == null ? Translation.untranslated(text, source, target, "no translation known", text.length())
                    : new Translation(out, source == null ? "de" : source, target, true, null, text.length());
        };
        handler = new TicketApiHandler(new ApiServices(new TicketQueries(store, clock),
                new TicketCommands(store, clock, Duration.ofDays(30)),
                new DynamoDbSellerSettings(dynamo, table, clock), (seller, ticket, key) -> { },
                (seller, from, to, now) -> List.of(), null, () -> {
                    throw new AssertionError("no refunds here");
                }, TicketContext.NONE, InMemoryCollaboration.create().ports(), () -> {
                    throw new AssertionError("no tracking here");
                }, new com.deskbridge.compliance.ComplianceChecker(), channel -> true, clock,
                SlaPolicyJson.defaultDocument("UTC"), new DynamoDbInbox(dynamo, table), null, null, () -> {
                    throw new AssertionError("no reviews here");
                }, ApiLimits.NONE, null, () -> {
                    throw new AssertionError("no onboarding here");
                }, new ApiServices.Translations(() -> translator,
                new DynamoDbReplyTranslations(dynamo, table), Duration.ofDays(30))));
    }

    @AfterAll
    static void stop() {
        if (dynamoDb != null) {
            dynamo.close();
            dynamoDb.shutdownNow();
        }
    }

    private static TicketId germanTicket(String seller, String externalId) {
        InboundMessage m = new InboundMessage(Channel.AMAZON, new SellerId(seller), "A1PA6795UKMFR9", externalId, null,
                "028-4711001-000" + Math.abs(externalId.hashCode() % 10000), new Sender("k3j4h5@marketplace.amazon.de", "Jana Beispiel"),
                "Wo ist mein Paket?", "Wo ist mein Paket? Ich warte seit einer Woche.", false, List.of(),
                Instant.now().minusSeconds(60));
        Instant now = Instant.now();
        store.append(m, now.plus(Duration.ofDays(30)), new Triage("WHERE_IS_MY_ORDER", List.of(), Map.of(
                MilestoneKind.MARKETPLACE_DUE, now.plusSeconds(80_000)), "de", 0.9, false));
        return m.ticketId();
    }

    private static APIGatewayV2HTTPResponse call(String route, Map<String, String> claims, Map<String, String> path,
                                                 Map<String, String> query, Map<String, String> headers, String body) {
        return handler.handleRequest(ApiTestStack.event(route, claims, path, query, headers, body), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return JSON.readTree(r.getBody());
    }

    private static void switchOn(String seller) throws Exception {
        APIGatewayV2HTTPResponse r = call("PUT /translation-settings", lead(seller), null, null, null, "{\"enabled\":true}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(json(r).at("/translationSettings/enabled").asBoolean()).isTrue();
    }

    @Test
    void translationIsOffUntilALeadSwitchesItOn() throws Exception {
        TicketId id = germanTicket("tr-off", "tr-off-1");
        JsonNode settings = json(call("GET /translation-settings", agent("tr-off", "a1"), null, null, null, null));
        assertThat(settings.get("default").asBoolean()).isTrue();
        assertThat(settings.at("/translationSettings/enabled").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse refused = call("POST /tickets/{id}/replies/translation-preview", agent("tr-off", "a1"),
                Map.of("id", id.value()), null, null, "{\"text\":\"Your parcel left our warehouse today.\",\"language\":\"en\"}");
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:deskbridge:problem:translation-off");

        APIGatewayV2HTTPResponse byAgent = call("PUT /translation-settings", agent("tr-off", "a1"), null, null, null,
                "{\"enabled\":true}");
        assertThat(byAgent.getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse notBoolean = call("PUT /translation-settings", lead("tr-off"), null, null, null,
                "{\"enabled\":\"yes\"}");
        assertThat(notBoolean.getStatusCode()).isEqualTo(400);
        assertThat(json(notBoolean).get("field").asText()).isEqualTo("enabled");
        assertThat(translated).doesNotContain("Your parcel left our warehouse today.");
    }

    @Test
    void aGermanMessageIsShownWithItsLanguageAndReadInEnglish() throws Exception {
        TicketId id = germanTicket("tr-read", "tr-read-1");
        switchOn("tr-read");
        JsonNode ticket = json(call("GET /tickets/{id}", agent("tr-read", "a1"), Map.of("id", id.value()), null, null, null));
        JsonNode message = ticket.at("/messages/0");
        assertThat(message.get("language").asText()).isEqualTo("de");

        APIGatewayV2HTTPResponse r = call("GET /tickets/{id}/messages/{messageKey}/translation", agent("tr-read", "a1"),
                Map.of("id", id.value(), "messageKey", message.get("id").asText()), Map.of("to", "en"), null, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.at("/original/language").asText()).isEqualTo("de");
        assertThat(body.at("/translation/text").asText()).isEqualTo("Where is my parcel? I have been waiting for a week.");
        assertThat(body.at("/translation/translated").asBoolean()).isTrue();
        assertThat(body.at("/subject/text").asText()).isEqualTo("Where is my parcel?");

        APIGatewayV2HTTPResponse unknown = call("GET /tickets/{id}/messages/{messageKey}/translation",
                agent("tr-read", "a1"), Map.of("id", id.value(), "messageKey", "mnope"), Map.of("to", "en"), null, null);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPResponse otherSeller = call("GET /tickets/{id}/messages/{messageKey}/translation",
                agent("tr-intruder", "a1"), Map.of("id", id.value(), "messageKey", message.get("id").asText()),
                Map.of("to", "en"), null, null);
        assertThat(otherSeller.getStatusCode()).isEqualTo(404);
    }

    @Test
    void aReplyWrittenInEnglishIsPreviewedCheckedAndSentInGerman() throws Exception {
        TicketId id = germanTicket("tr-reply", "tr-reply-1");
        switchOn("tr-reply");
        Map<String, String> path = Map.of("id", id.value());
        String english = "{\"text\":\"Your parcel left our warehouse today.\",\"language\":\"en\"}";

        JsonNode preview = json(call("POST /tickets/{id}/replies/translation-preview", agent("tr-reply", "a1"), path, null,
                null, english));
        assertThat(preview.at("/texts/written/text").asText()).isEqualTo("Your parcel left our warehouse today.");
        assertThat(preview.at("/texts/sent/text").asText()).isEqualTo("Ihr Paket hat heute unser Lager verlassen.");
        assertThat(preview.at("/texts/sent/language").asText()).isEqualTo("de");
        assertThat(preview.at("/texts/method").asText()).isEqualTo("machine");
        assertThat(preview.at("/compliance/blocked").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse sent = call("POST /tickets/{id}/translated-replies", agent("tr-reply", "a1"), path, null,
                Map.of("Idempotency-Key", "tr-reply-0001"), english);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(202);
        JsonNode ticket = json(sent).get("ticket");
        JsonNode reply = ticket.at("/messages/1");
        assertThat(reply.get("direction").asText()).isEqualTo("out");
        assertThat(reply.get("body").asText()).isEqualTo("Ihr Paket hat heute unser Lager verlassen.");

        int calls = translated.size();
        APIGatewayV2HTTPResponse retry = call("POST /tickets/{id}/translated-replies", agent("tr-reply", "a1"), path, null,
                Map.of("Idempotency-Key", "tr-reply-0001"), english);
        assertThat(retry.getStatusCode()).isEqualTo(202);
        assertThat(json(retry).at("/reply/duplicate").asBoolean()).isTrue();
        assertThat(translated).hasSize(calls); // the retry sends what the first attempt sent, without translating again

        JsonNode kept = json(call("GET /tickets/{id}/reply-translations", agent("tr-reply", "a2"), path, null, null, null));
        assertThat(kept.get("items")).hasSize(1);
        JsonNode t = kept.at("/items/0");
        assertThat(t.get("messageKey").asText()).isEqualTo(reply.get("id").asText());
        assertThat(t.at("/written/text").asText()).isEqualTo("Your parcel left our warehouse today.");
        assertThat(t.at("/written/language").asText()).isEqualTo("en");
        assertThat(t.at("/sent/text").asText()).isEqualTo("Ihr Paket hat heute unser Lager verlassen.");
        assertThat(t.at("/sent/language").asText()).isEqualTo("de");
        assertThat(t.get("agentId").asText()).isEqualTo("a1");
    }

    @Test
    void theComplianceCheckRunsOnTheTextThatIsSent() throws Exception {
        TicketId id = germanTicket("tr-check", "tr-check-1");
        switchOn("tr-check");
        Map<String, String> path = Map.of("id", id.value());
        // the English text is clean; its German translation names a web address, which Amazon's rules forbid
        String english = "{\"text\":\"Please check the tracking page.\",\"language\":\"en\"}";
        JsonNode preview = json(call("POST /tickets/{id}/replies/translation-preview", agent("tr-check", "a1"), path, null,
                null, english));
        assertThat(preview.at("/compliance/blocked").asBoolean()).isTrue();
        APIGatewayV2HTTPResponse sent = call("POST /tickets/{id}/translated-replies", agent("tr-check", "a1"), path, null,
                Map.of("Idempotency-Key", "tr-check-0001"), english);
        assertThat(sent.getStatusCode()).isEqualTo(422);
        assertThat(json(sent).get("type").asText()).isEqualTo("urn:deskbridge:problem:reply-not-compliant");
        JsonNode ticket = json(call("GET /tickets/{id}", agent("tr-check", "a1"), path, null, null, null));
        assertThat(ticket.get("messages")).hasSize(1);
        assertThat(json(call("GET /tickets/{id}/reply-translations", agent("tr-check", "a1"), path, null, null, null))
                .get("items")).isEmpty();
    }

    @Test
    void aMacroWithAGermanTextIsSentInItNotMachineTranslated() throws Exception {
        TicketId id = germanTicket("tr-macro", "tr-macro-1");
        switchOn("tr-macro");
        APIGatewayV2HTTPResponse settings = call("PUT /reply-settings", lead("tr-macro"), null, null, null, """
                {"shopName":"Nordlicht","defaultLanguage":"en","macros":[{"id":"thanks-tr","name":"Thanks",
                 "bodies":{"en":"Thank you for your message. Kind regards, {{SellerName}}",
                           "de":"Vielen Dank für Ihre Nachricht. Viele Grüße, {{SellerName}}"},"intents":["OTHER"]}]}""");
        assertThat(settings.getStatusCode()).as(settings.getBody()).isEqualTo(200);
        Map<String, String> path = Map.of("id", id.value());
        int calls = translated.size();
        JsonNode preview = json(call("POST /tickets/{id}/replies/translation-preview", agent("tr-macro", "a1"), path, null,
                null, "{\"text\":\"Thank you for your message. Kind regards, Nordlicht\",\"language\":\"en\",\"macroId\":\"thanks-tr\"}"));
        assertThat(preview.at("/texts/method").asText()).isEqualTo("macro-native");
        assertThat(preview.at("/texts/sent/text").asText()).isEqualTo("Vielen Dank für Ihre Nachricht. Viele Grüße, Nordlicht");
        assertThat(translated).hasSize(calls);

        // edited: the agent's own words, machine-translated (the fake knows none, so it says it did not translate)
        JsonNode edited = json(call("POST /tickets/{id}/replies/translation-preview", agent("tr-macro", "a1"), path, null,
                null, "{\"text\":\"Thank you so much. Kind regards, Nordlicht\",\"language\":\"en\",\"macroId\":\"thanks-tr\"}"));
        assertThat(edited.at("/texts/method").asText()).isEqualTo("untranslated");
        assertThat(edited.at("/texts/note").asText()).isEqualTo("no translation known");
        assertThat(translated).hasSize(calls + 1);
    }

    @Test
    void anEngineOutageIsAClear409AndNothingIsRecorded() throws Exception {
        TicketId id = germanTicket("tr-outage", "tr-outage-1");
        switchOn("tr-outage");
        Map<String, String> path = Map.of("id", id.value());
        outage = true;
        try {
            APIGatewayV2HTTPResponse r = call("POST /tickets/{id}/translated-replies", agent("tr-outage", "a1"), path,
                    null, Map.of("Idempotency-Key", "tr-outage-001"),
                    "{\"text\":\"Your parcel left our warehouse today.\",\"language\":\"en\"}");
            assertThat(r.getStatusCode()).isEqualTo(409);
            assertThat(json(r).get("type").asText()).isEqualTo("urn:deskbridge:problem:translation-unavailable");
        } finally {
            outage = false;
        }
        JsonNode ticket = json(call("GET /tickets/{id}", agent("tr-outage", "a1"), path, null, null, null));
        assertThat(ticket.get("messages")).hasSize(1);
        assertThat(ticket.get("status").asText()).isEqualTo("open");
    }
}
