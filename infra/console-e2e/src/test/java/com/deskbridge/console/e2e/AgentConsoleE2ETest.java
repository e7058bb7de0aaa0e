package com.deskbridge.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.console.ConsoleServer;
import com.deskbridge.local.LocalRunner;
import com.deskbridge.local.RunnerOptions;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.template.TemplateParameter;
import com.deskbridge.testsupport.browser.BrowserPage;
import com.deskbridge.testsupport.browser.Chromium;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The agent console end to end: the whole local system (LocalRunner: intake queue, DynamoDB, the API behind its JWT
 * authorizer and CORS) plus {@link ConsoleServer}, driven in headless Chromium over the DevTools protocol.
 *
 * <p>The console is loaded from the template's {@code HelpdeskOrigin} (http://localhost:5173), the one origin the
 * API's CORS settings allow: Chromium maps that host and port to the console server's free port, so the browser
 * sees exactly the origin a developer's browser sees and the test never needs port 5173 to be free.
 *
 * <p>Each test seeds its own seller through the intake queue, so the tests do not depend on one another. Features
 * whose routes the API does not serve yet are separate, disabled tests naming the route.
 */
class AgentConsoleE2ETest extends ConsoleSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Generous: DynamoDB Local and the SQS pollers on a busy CI machine; every wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "local-system");

    private static LocalRunner system;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = chromium();
        system = LocalRunner.start(RunnerOptions.ephemeral(ProjectRoot.find()));
        openConsole(chromium, URI.create(system.api().baseUrl()), URI.create(helpdeskOrigin()), WAIT, SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        closeConsole();
        if (system != null) {
            system.close();
        }
    }

    /** The origin template.yaml lets through CORS (parameter HelpdeskOrigin): where the console must run. */
    private static String helpdeskOrigin() {
        TemplateParameter parameter = system.stack().model().parameters().get("HelpdeskOrigin");
        assertThat(parameter).as("template.yaml parameter HelpdeskOrigin").isNotNull();
        return parameter.value();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Seeding and API probes (plain HTTP, as any client)

    /** Buyer messages for one new seller; the key is the subject, which is unique within the seller. */
    private record Seeded(String seller, Map<String, String> ticketIdBySubject) {
        String id(String subject) {
            return ticketIdBySubject.get(subject);
        }
    }

    private static Seeded seed(String name, Map<String, Instant> receivedBySubject) throws Exception {
        return seed(name, receivedBySubject, "ebay");
    }

    /** Tickets on {@code channel}: "amazon" where a reply must leave (only Amazon replies can be sent). */
    private static Seeded seed(String name, Map<String, Instant> receivedBySubject, String channel) throws Exception {
        String seller = name + "-" + System.nanoTime();
        int n = 0;
        for (Map.Entry<String, Instant> message : receivedBySubject.entrySet()) {
            n++;
            ObjectNode envelope = JSON.createObjectNode().put("version", 1).put("type", "channel-message")
                    .put("channel", channel).put("sellerId", seller)
                    .put("marketplaceId", channel.equals("amazon") ? "A1PA6795UKMFR9" : "EBAY_DE")
                    .put("externalMessageId", seller + "-m" + n).put("threadKey", seller + "-t" + n)
                    .put("orderId", "12-34567-8901" + n).put("subject", message.getKey())
                    .put("body", "Hello, where is my parcel? I ordered it last week (" + message.getKey() + ").")
                    .put("receivedAt", message.getValue().toString());
            envelope.putObject("sender").put("address", channel.equals("amazon") ? "buyer" + n + "@marketplace.amazon.de"
                    : "buyer_" + n).put("displayName", "Buyer " + n);
            system.stack().sqsClient().sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue"))
                    .messageBody(envelope.toString()));
        }
        String token = token(seller);
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode items = JSON.createArrayNode();
        while (System.nanoTime() < deadline) {
            items = JSON.readTree(api("GET", "/tickets?status=open&limit=50", token, null).body()).path("items");
            if (items.size() == receivedBySubject.size()) {
                break;
            }
            Thread.sleep(100); // intake is asynchronous (SQS poller); this polls the API until the tickets exist
        }
        assertThat(items).as("tickets made from the seeded messages").hasSize(receivedBySubject.size());
        Map<String, String> ids = new LinkedHashMap<>();
        items.forEach(t -> ids.put(t.path("subject").asText(), t.path("id").asText()));
        return new Seeded(seller, ids);
    }

    /** One Amazon ticket about an order the SP-API simulator's demo world knows, its seller authorised for SP-API. */
    private static Seeded seedAmazonOrder(String name, String subject, String orderId) throws Exception {
        String seller = name + "-" + System.nanoTime();
        system.world().grantSpApi(com.deskbridge.local.LocalRunner.SPAPI_SECRET_PREFIX, seller);
        ObjectNode envelope = JSON.createObjectNode().put("version", 1).put("type", "channel-message")
                .put("channel", "amazon").put("sellerId", seller).put("marketplaceId", "A1PA6795UKMFR9")
                .put("externalMessageId", seller + "-m1").put("orderId", orderId).put("subject", subject)
                .put("body", "The mug arrived broken, please refund.").put("receivedAt", Instant.now().minusSeconds(3600).toString());
        envelope.putObject("sender").put("address", "k3j4h5@marketplace.amazon.de").put("displayName", "Jana Beispiel");
        system.stack().sqsClient().sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue")).messageBody(envelope.toString()));
        String token = token(seller);
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode items = JSON.createArrayNode();
        while (System.nanoTime() < deadline && items.size() == 0) {
            items = JSON.readTree(api("GET", "/tickets?status=open&limit=50", token, null).body()).path("items");
            Thread.sleep(100); // intake is asynchronous (SQS poller); this polls the API until the ticket exists
        }
        assertThat(items).as("the ticket made from the seeded message").hasSize(1);
        return new Seeded(seller, Map.of(subject, items.get(0).path("id").asText()));
    }

    private static String token(String seller) {
        return system.token("agent-e2e", seller, Duration.ofMinutes(30));
    }

    private static HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.api().baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A ticket id no seller has: probes of ticket routes change nothing. */
    private static final String NO_TICKET = "tzzzzzzzzzzzzzzzzzzzzzzzz";

    /** The effective due instant the console counts down to: dueAt, else the Amazon 24 h deadline. */
    private static Instant due(JsonNode ticket) {
        return ticket.hasNonNull("dueAt") ? Instant.parse(ticket.get("dueAt").asText())
                : Instant.parse(ticket.get("awaitingReplySince").asText()).plus(Duration.ofHours(24));
    }

    /** Whether the API serves a route: not a 404 that is the gateway's or the handler's "no such route". */
    private static boolean served(String method, String path, String seller, String body) throws Exception {
        HttpResponse<String> r = api(method, path, token(seller), body);
        if (r.statusCode() != 404) {
            return true;
        }
        JsonNode problem = JSON.readTree(r.body());
        return !(problem.path("type").asText().equals("urn:deskbridge:problem:no-such-route")
                || problem.path("message").asText().equals("Not Found"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Browser steps

    private static List<String> queueIds() {
        List<String> ids = new ArrayList<>();
        page.evaluate("[...document.querySelectorAll('#queue-rows tr')].map(r => r.dataset.ticketId)")
                .forEach(id -> ids.add(id.asText()));
        return ids;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The screens over the routes the API serves

    @Test
    @DisplayName("sign in, then the queue: the seeded tickets ordered by due time, each with a live countdown, overdue in red")
    void signInShowsTheQueueOrderedByDueTimeWithLiveCountdowns() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> messages = new LinkedHashMap<>();
        messages.put("Recent question", now.minus(Duration.ofMinutes(1)));
        messages.put("Overdue question", now.minus(Duration.ofHours(30)));
        messages.put("Older question", now.minus(Duration.ofHours(20)));
        Seeded seeded = seed("console-queue", messages);

        browser.signIn("agent-anna", seeded.seller(), true);
        page.waitFor("three queue rows", "document.querySelectorAll('#queue-rows tr').length === 3");

        // Ordered by the due time the API reports (dueAt where the SLA policy gives one, else the Amazon 24 h
        // deadline): whatever the seller's policy, 30 h ago is overdue and a minute ago is not.
        Map<String, Instant> dueById = new LinkedHashMap<>();
        JSON.readTree(api("GET", "/tickets?status=open", token(seeded.seller()), null).body()).path("items")
                .forEach(t -> dueById.put(t.path("id").asText(), due(t)));
        List<String> shown = queueIds();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(dueById.keySet());
        assertThat(shown.stream().map(dueById::get).toList()).as("soonest due first").isSorted();
        assertThat(shown.get(0)).isEqualTo(seeded.id("Overdue question"));
        assertThat(shown.get(2)).isEqualTo(seeded.id("Recent question"));

        String overdue = "#queue-rows tr[data-ticket-id='" + seeded.id("Overdue question") + "']";
        String recent = "#queue-rows tr[data-ticket-id='" + seeded.id("Recent question") + "']";
        assertThat(page.text(overdue + " .countdown")).matches("overdue " + COUNTDOWN);
        assertThat(page.evaluate("document.querySelector(\"" + overdue + "\").classList.contains('overdue')"
                + " && document.querySelector(\"" + overdue + " .countdown\").classList.contains('overdue')").asBoolean())
                .as("the overdue ticket is marked overdue").isTrue();
        assertThat(page.evaluate("getComputedStyle(document.querySelector(\"" + overdue + " .countdown\")).color").asText())
                .as("overdue countdowns are red").isEqualTo("rgb(179, 38, 30)");
        String first = page.text(recent + " .countdown");
        assertThat(first).matches(COUNTDOWN);
        assertThat(page.evaluate("document.querySelector(\"" + recent + "\").classList.contains('overdue')").asBoolean()).isFalse();
        page.waitFor("the countdown to tick", "document.querySelector(\"" + recent + " .countdown\").textContent !== "
                + BrowserPage.quoted(first));
        assertThat(page.text("#queue-status")).isEqualTo("3 tickets");
        assertThat(page.text("#who-text")).isEqualTo("agent-anna · " + seeded.seller());
        page.screenshot("queue");
    }

    /** A countdown that has not run out: [Nd ][Nh ]MMm SSs. */
    private static final String COUNTDOWN = "(\\d+d )?(\\d+h )?\\d{1,2}m \\d{2}s";

    @Test
    @DisplayName("opening a ticket shows its conversation, its order id and its due time")
    void openingATicketShowsItsMessages() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Seeded seeded = seed("console-ticket", Map.of("Parcel missing", now.minus(Duration.ofHours(3))));
        browser.signIn("agent-anna", seeded.seller());
        String id = seeded.id("Parcel missing");
        browser.openTicket(id);

        assertThat(page.text("#ticket-title")).isEqualTo("Parcel missing");
        assertThat(page.text("#messages .message.in .message-body"))
                .isEqualTo("Hello, where is my parcel? I ordered it last week (Parcel missing).");
        assertThat(page.text("#messages .message.in .message-head strong")).isEqualTo("Buyer 1");
        assertThat(page.text("#ticket-status")).isEqualTo("Open");
        assertThat(page.text("#order-panel")).contains("12-34567-89011");
        assertThat(page.text("#ticket-due .countdown")).matches(COUNTDOWN);
        page.screenshot("ticket");
    }

    @Test
    @DisplayName("a non-compliant reply: findings highlighted in the preview, or the 'not available yet' state")
    void aNonCompliantReplyShowsTheFindingsHighlighted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Seeded seeded = seed("console-reply", Map.of("Where is it", now.minus(Duration.ofHours(1))));
        boolean complianceServed = served("POST", "/compliance/check", seeded.seller(), "{\"text\":\"hello\"}");
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Where is it"));

        String reply = "Sorry! Write to me at jane.doe@example.com or see www.example-shop.com, and please leave 5 stars.";
        page.type("#reply-text", reply);
        page.waitFor("the live preview", "document.getElementById('reply-preview').textContent === " + BrowserPage.quoted(reply));
        if (complianceServed) {
            page.waitFor("highlighted findings", "document.querySelectorAll('#reply-preview mark').length > 0"
                    + " && document.getElementById('compliance-status').dataset.state === 'findings'");
            JsonNode marks = page.evaluate("[...document.querySelectorAll('#reply-preview mark')].map(m => m.textContent)");
            assertThat(marks).isNotEmpty();
            marks.forEach(m -> assertThat(reply).contains(m.asText()));
            assertThat(page.evaluate("[...document.querySelectorAll('#reply-preview mark')]"
                    + ".some(m => m.textContent.includes('jane.doe@example.com'))").asBoolean())
                    .as("the e-mail address is highlighted").isTrue();
            assertThat(page.evaluate("document.querySelectorAll('#findings li').length").asInt())
                    .isGreaterThanOrEqualTo(marks.size());
        } else {
            page.waitFor("the compliance check's 'not available yet' state",
                    "document.querySelector('#compliance-status [data-unavailable=\"POST /compliance/check\"]') !== null");
            assertThat(page.text("#compliance-status")).contains("not available yet").contains("POST /compliance/check");
            assertThat(page.evaluate("document.querySelectorAll('#reply-preview mark').length").asInt()).isZero();
        }
        page.screenshot("reply-compliance");
    }

    @Test
    @DisplayName("a compliant reply is sent and shows in the conversation with its send state (or 'not available yet')")
    void aCompliantReplyIsSent() throws Exception {
        Seeded seeded = seed("console-send", Map.of("Send me", Instant.now().minus(Duration.ofHours(1))), "amazon");
        boolean repliesServed = served("POST", "/tickets/" + NO_TICKET + "/replies", seeded.seller(), "{\"text\":\"hello\"}");
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Send me"));
        page.type("#reply-text", "Thank you for your message. Your parcel left our warehouse yesterday and is on its way.");
        page.click("#reply-send");
        if (repliesServed) {
            page.waitFor("the reply in the conversation", "document.querySelector('#messages .message.out .message-body') !== null");
            assertThat(page.text("#messages .message.out .message-body"))
                    .isEqualTo("Thank you for your message. Your parcel left our warehouse yesterday and is on its way.");
            assertThat(page.text("#messages .message.out .message-head strong")).isEqualTo("Reply by agent-anna");
            assertThat(page.text("#messages .message.out .badge")).isNotBlank();
            assertThat(page.evaluate("document.getElementById('reply-text').value").asText()).isEmpty();
        } else {
            page.waitFor("the replies' 'not available yet' state",
                    "document.querySelector('#reply-problem [data-unavailable]') !== null");
        }
        page.screenshot("reply-sent");
    }

    @Test
    @DisplayName("assign to me, add a tag and close: each shown on the ticket (or 'not available yet')")
    void assignTagAndClose() throws Exception {
        Seeded seeded = seed("console-assign", Map.of("Assign me", Instant.now().minus(Duration.ofHours(1))));
        boolean assignServed = served("POST", "/tickets/" + NO_TICKET + "/assign", seeded.seller(), "{\"assignee\":\"x\"}");
        boolean tagsServed = served("POST", "/tickets/" + NO_TICKET + "/tags", seeded.seller(), "{\"add\":[\"x\"]}");
        boolean closeServed = served("POST", "/tickets/" + NO_TICKET + "/close", seeded.seller(), null);
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Assign me"));

        page.click("#btn-assign");
        if (assignServed) {
            page.waitFor("the assignee", "document.getElementById('ticket-assignee').textContent === 'agent-anna'");
        } else {
            page.waitFor("'not available yet'", "document.getElementById('ticket-problem').dataset.problemType"
                    + " === 'urn:deskbridge:problem:no-such-route'");
        }
        page.type("#tag-input", "vip-buyer");
        page.click("#tag-add");
        if (tagsServed) {
            page.waitFor("the new tag", "document.querySelector('#tag-list [data-tag=\"vip-buyer\"]') !== null");
        } else {
            page.waitFor("'not available yet'", "document.getElementById('ticket-problem').textContent.includes('Tags: not available yet')");
        }
        page.click("#btn-close");
        if (closeServed) {
            page.waitFor("the closed ticket", "document.getElementById('ticket-status').textContent === 'Closed'");
        } else {
            page.waitFor("'not available yet'", "document.getElementById('ticket-problem').textContent.includes('Close: not available yet')");
        }
        page.screenshot("assign-tag-close");
    }

    @Test
    @DisplayName("'no response needed' closes the ticket and it leaves the open queue")
    void noResponseNeededTakesTheTicketOutOfTheOpenQueue() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> messages = new LinkedHashMap<>();
        messages.put("Thanks, all good", now.minus(Duration.ofHours(4)));
        messages.put("Still waiting", now.minus(Duration.ofHours(5)));
        Seeded seeded = seed("console-nrn", messages);
        browser.signIn("agent-anna", seeded.seller());
        page.waitFor("two queue rows", "document.querySelectorAll('#queue-rows tr').length === 2");
        String done = seeded.id("Thanks, all good");
        browser.openTicket(done);

        page.click("#btn-no-response");
        page.waitFor("the ticket to be closed", "document.getElementById('ticket-status').textContent === 'Closed'");
        assertThat(page.evaluate("document.getElementById('btn-no-response').disabled").asBoolean()).isTrue();
        assertThat(page.text("#ticket-action-status")).isEqualTo("No response needed: done.");
        page.screenshot("no-response-needed");

        page.click("#ticket-back");
        page.waitFor("the open queue without the closed ticket", "document.body.dataset.view === 'queue'"
                + " && document.body.dataset.ready === 'true' && document.querySelectorAll('#queue-rows tr').length === 1");
        assertThat(queueIds()).containsExactly(seeded.id("Still waiting"));
        JsonNode open = JSON.readTree(api("GET", "/tickets?status=open", token(seeded.seller()), null).body()).path("items");
        assertThat(open).hasSize(1);
        page.screenshot("queue-after-no-response-needed");
    }

    @Test
    @DisplayName("an unknown ticket shows the API's problem (title, detail), not a blank screen")
    void anUnknownTicketShowsTheProblem() throws Exception {
        Seeded seeded = seed("console-problem", Map.of("Anything", Instant.now().minus(Duration.ofHours(1))));
        browser.signIn("agent-anna", seeded.seller());
        page.evaluate("location.hash = '#/tickets/" + NO_TICKET + "', true");
        page.waitFor("the problem box", "!document.getElementById('ticket-problem').hidden"
                + " && document.body.dataset.ready === 'true'");
        assertThat(page.text("#ticket-problem .problem-title")).isEqualTo("Ticket not found");
        assertThat(page.text("#ticket-problem .problem-detail")).as("a sentence for agents, not the API's text with the raw id")
                .isEqualTo("This ticket does not exist for your seller account.");
        assertThat(page.evaluate("document.getElementById('ticket-problem').dataset.problemType").asText())
                .isEqualTo("urn:deskbridge:problem:ticket-not-found");
        assertThat(page.evaluate("document.querySelector('#ticket-problem .problem-meta') === null").asBoolean())
                .as("no status or request id for agents").isTrue();
        assertThat(page.evaluate("document.getElementById('ticket-body').hidden").asBoolean())
                .as("no empty panels under the problem").isTrue();
        page.screenshot("problem");
    }

    @Test
    @DisplayName("routes the API does not serve yet (macros, evidence, refunds) show 'not available yet', never a blank screen")
    void routesNotServedYetSayNotAvailableYet() throws Exception {
        Seeded seeded = seed("console-unserved", Map.of("Later", Instant.now().minus(Duration.ofHours(1))));
        boolean macros = served("GET", "/macros", seeded.seller(), null);
        boolean evidence = served("GET", "/tickets/" + NO_TICKET + "/evidence", seeded.seller(), null);
        boolean refunds = served("POST", "/tickets/" + NO_TICKET + "/refunds", seeded.seller(), "{}");
        Assumptions.assumeFalse(macros && evidence && refunds, "the API serves macros, evidence and refunds: see the tests below");
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Later"));
        if (!macros) {
            page.waitFor("macros 'not available yet'", "document.querySelector('#macro-problem [data-unavailable=\"GET /macros\"]') !== null");
            assertThat(page.evaluate("document.getElementById('macro-select').disabled").asBoolean()).isTrue();
        }
        if (!refunds) {
            page.click("#btn-refund");
            page.click("#action-review");
            page.click("#action-confirm");
            page.waitFor("refunds 'not available yet'", "document.querySelector('#action-problem [data-unavailable]') !== null");
            page.screenshot("refund-not-available");
            page.click("#action-dismiss");
            page.waitFor("the dialog closed", "!document.getElementById('action-dialog').open");
        }
        if (!evidence) {
            page.click("#btn-evidence");
            page.waitFor("evidence 'not available yet'", "document.body.dataset.view === 'evidence'"
                    + " && document.querySelector('#evidence-problem [data-unavailable]') !== null");
            page.screenshot("evidence-not-available");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Being added to the API (helpdesk API issue). Enable each test when the ApiFunction in ~/.m2 serves its route;
    // ConsoleContractE2ETest drives the same screens against the documented contract meanwhile.

    @Test
    @DisplayName("a macro is rendered for the ticket and the text lands in the reply box")
    void aMacroFillsTheReplyBox() throws Exception {
        Seeded seeded = seed("console-macro", Map.of("Macro please", Instant.now().minus(Duration.ofHours(1))));
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Macro please"));
        page.waitFor("macros loaded", "document.querySelectorAll('#macro-select option[value]:not([value=\"\"])').length > 0");
        page.evaluate("(() => { const s = document.getElementById('macro-select'); s.selectedIndex = 1;"
                + " s.dispatchEvent(new Event('change')); return true; })()");
        page.click("#macro-insert");
        page.waitFor("rendered macro text or its missing-data problem",
                "document.getElementById('reply-text').value.length > 0 || !document.getElementById('macro-problem').hidden");
        page.screenshot("macro");
    }

    @Test
    @DisplayName("a refund: confirmation step, one Idempotency-Key for a double click, the action's state shown")
    void aRefundIsConfirmedSentOnceAndItsStateShown() throws Exception {
        Seeded seeded = seedAmazonOrder("console-refund", "Refund please", "028-4711002-0000002");
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Refund please"));
        page.click("#btn-refund");
        page.waitFor("the refund dialog", "document.getElementById('action-dialog').open");
        String key = page.evaluate("document.getElementById('action-dialog').dataset.idempotencyKey").asText();
        page.click("#action-review");
        page.waitFor("the confirmation step", "document.getElementById('action-dialog').dataset.step === 'confirm'");
        assertThat(page.text("#action-summary")).contains("Refund everything");
        page.evaluate("(() => { const b = document.getElementById('action-confirm'); b.click(); b.click(); return true; })()");
        page.waitFor("the action's state", "document.getElementById('action-dialog').dataset.step === 'state'");
        assertThat(page.evaluate("document.getElementById('action-dialog').dataset.idempotencyKey").asText()).isEqualTo(key);
        page.screenshot("refund-state");
        page.click("#action-dismiss");
        page.waitFor("one action on the ticket", "document.querySelectorAll('#actions-list li[data-action-id]').length === 1");
    }

    @Test
    @DisplayName("the evidence view lists the hash-chained entries and the chain's verification")
    void theEvidenceViewShowsTheVerifiedChain() throws Exception {
        Seeded seeded = seed("console-evidence", Map.of("Evidence", Instant.now().minus(Duration.ofHours(1))));
        browser.signIn("agent-anna", seeded.seller());
        browser.openTicket(seeded.id("Evidence"));
        page.click("#btn-evidence");
        page.waitFor("the evidence view", "document.body.dataset.view === 'evidence' && document.body.dataset.ready === 'true'");
        assertThat(page.evaluate("document.getElementById('evidence-verification').dataset.valid").asText()).isEqualTo("true");
        page.screenshot("evidence");
    }
}
