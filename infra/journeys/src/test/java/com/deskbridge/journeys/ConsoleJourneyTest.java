package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static com.deskbridge.journeys.JourneySystem.UNAUTHORISED;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The agent's hour in the console (issue 10): the ticket's panels with human labels and prices, kept after a reply;
 * stale macro errors cleared; the queue's last line, marketplace and triage mark; search; internal notes; the
 * customer's history; the collision warning with "send anyway". Everything through the console, checked in the API.
 */
@ResourceLock(JourneySystem.SOUTH)
@ResourceLock(JourneySystem.UNAUTHORISED)
class ConsoleJourneyTest extends Journey {
    private static final String AMAZON_COM = "ATVPDKIKX0DER";
    /** The console's label for each TrackingStatus value (openapi.yaml), never the value run together. */
    private static final Map<String, String> TRACKING_LABELS = Map.of("Pending", "Pending", "InfoReceived", "Info received",
            "InTransit", "In transit", "OutForDelivery", "Out for delivery", "AttemptFail", "Attempt fail",
            "AvailableForPickup", "Available for pickup", "Delivered", "Delivered", "Exception", "Exception", "Expired", "Expired");

    @Test
    @DisplayName("ticket: human labels, items with prices, no raw item ids; a stale macro error is cleared; order and tracking stay after a reply")
    void theTicketPanelsStayFilledAfterAReplyFromTheConsole() {
        String token = agentToken(SOUTH);
        String order = "113-5200001-0000001";
        String id = RefundJourneyTest.amazonTicket(token, SOUTH, AMAZON_COM, order, "h1g2f3d4s5a6p7o@marketplace.amazon.com",
                "Where is my backpack? The tracking page has not changed for days.");
        JsonNode ticket = api.get("/tickets/" + id, token).json();
        JsonNode shipment = ticket.path("shipments").path(0);
        String trackingNumber = shipment.path("trackingNumber").asText();
        JsonNode bottle = java.util.stream.StreamSupport.stream(ticket.path("order").path("items").spliterator(), false)
                .filter(i -> i.path("title").asText().equals("Steel bottle")).findFirst().orElseThrow();

        BrowserPage page = Console.ticket(system, "agent-" + SOUTH, SOUTH, id);
        page.waitFor("the order and its parcel", "document.getElementById('order-panel').textContent.includes('Steel bottle')"
                + " && document.getElementById('tracking-panel').textContent.includes(" + BrowserPage.quoted(trackingNumber) + ")");
        assertThat(page.text("#tracking-panel .tracking-status")).as("tracking status " + shipment.path("status").asText())
                .isEqualTo(TRACKING_LABELS.get(shipment.path("status").asText()));
        String orderPanel = page.text("#order-panel");
        assertThat(orderPanel).contains("Shipped").contains(bottle.path("itemPrice").path("currency").asText() + " "
                + bottle.path("itemPrice").path("amount").asText()).doesNotContain(bottle.path("orderItemId").asText());
        assertThat(page.text("#ticket-meta")).contains(ticket.path("marketplaceName").asText("Amazon.com"));

        // the refund confirmation cannot render before a refund: its problem goes when the agent picks another macro
        pickMacro(page, "builtin-refund-confirmation");
        page.click("#macro-insert");
        page.waitFor("the macro's problem", "!document.getElementById('macro-problem').hidden");
        assertThat(page.text("#macro-problem")).contains("RefundAmount");
        String other = page.evaluate("[...document.querySelectorAll('#macro-select option')].map(o => o.value)"
                + ".find(v => v && v !== 'builtin-refund-confirmation')").asText();
        pickMacro(page, other);
        assertThat(page.evaluate("document.getElementById('macro-problem').hidden").asBoolean()).as("no stale macro error").isTrue();

        String text = "Hello, your backpack is with UPS (" + trackingNumber + ") and should arrive soon.";
        page.type("#reply-text", text);
        page.waitFor("a clean compliance check", "document.getElementById('compliance-status').dataset.state === 'clean'");
        page.click("#reply-send");
        page.waitFor("the reply in the conversation", "[...document.querySelectorAll('#messages .message.out .message-body')]"
                + ".some(b => b.textContent === " + BrowserPage.quoted(text) + ")");
        assertThat(page.text("#order-panel")).as("the order panel after the reply").contains(order).contains("Steel bottle");
        assertThat(page.text("#tracking-panel")).as("the tracking panel after the reply").contains(trackingNumber);
        await("the console's reply sent", () -> api.get("/tickets/" + id, token).json().path("messages"),
                m -> java.util.stream.StreamSupport.stream(m.spliterator(), false)
                        .anyMatch(x -> text.equals(x.path("body").asText()) && "sent".equals(x.path("sendStatus").asText())));
    }

    @Test
    @DisplayName("queue and search: the last message's first line, the marketplace's name, 'needs triage'; search by words and by order id")
    void theQueueAndSearchShowWhatAgentsNeed() {
        String token = agentToken(SOUTH);
        String word = "zebracorn" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String first = "My " + word + " question about the steel bottle";
        String plain = intake.channelMessage(token, "amazon", SOUTH, AMAZON_COM, null, null, "w1e2r3t4y5u6i7o@marketplace.amazon.com",
                "Steel bottle lid", first + "\nDoes the lid fit the older model too?\nThanks");
        String plainId = ticketWithMessage(token, plain).path("id").asText();
        String unreadable = intake.channelMessage(token, "amazon", SOUTH, AMAZON_COM, null, null, "a9s8d7f6g5h4j3k@marketplace.amazon.com",
                "qwer", "asdf");
        JsonNode triage = ticketWithMessage(token, unreadable);
        assertThat(triage.path("tags")).as("the classifier could not read it").extracting(JsonNode::asText).contains("needs-triage");

        BrowserPage page = Console.ticket(system, "agent-" + SOUTH, SOUTH, plainId);
        page.evaluate("location.hash = '#/queue', true");
        page.waitFor("the queue", "document.body.dataset.view === 'queue' && document.body.dataset.ready === 'true'");
        page.type("#search-q", word);
        page.click("#search-submit");
        String row = "#queue-rows tr[data-ticket-id=" + BrowserPage.quoted(plainId) + "]";
        page.waitFor("the search result", "document.getElementById('queue-status').textContent.includes(" + BrowserPage.quoted(word) + ")"
                + " && document.querySelector(" + BrowserPage.quoted(row) + ") !== null");
        assertThat(page.evaluate("document.querySelectorAll('#queue-rows tr').length").asInt()).as("one ticket has the word").isEqualTo(1);
        assertThat(page.text(row + " .preview-line")).isEqualTo(first);
        assertThat(page.text(row + " .channel")).isEqualTo(api.get("/tickets/" + plainId, token).json().path("marketplaceName").asText());

        page.type("#search-q", "113-5200001-0000001");
        page.click("#search-submit");
        page.waitFor("the order's tickets", "document.getElementById('queue-status').textContent.includes('113-5200001-0000001')");
        JsonNode byOrder = api.get("/tickets/search?q=113-5200001-0000001", token).json().path("items");
        assertThat(page.evaluate("document.querySelectorAll('#queue-rows tr').length").asInt()).isEqualTo(byOrder.size());

        page.click("#search-clear");
        page.waitFor("the queue again", "document.getElementById('search-clear').hidden && document.body.dataset.ready === 'true'"
                + " && !document.getElementById('queue-status').textContent.startsWith('Loading')");
        page.type("#f-tag", "needs-triage");
        page.click("#queue-filters button[type=submit]");
        String triageRow = "#queue-rows tr[data-ticket-id=" + BrowserPage.quoted(triage.path("id").asText()) + "]";
        page.waitFor("the ticket to triage", "document.querySelector(" + BrowserPage.quoted(triageRow + " .badge.needs-triage") + ") !== null");
        assertThat(page.text(triageRow + " .badge.needs-triage")).isEqualTo("Needs triage");
        page.evaluate("document.getElementById('f-tag').value = '', true");

        page.evaluate("location.hash = " + BrowserPage.quoted("#/tickets/" + triage.path("id").asText()) + ", true");
        page.waitFor("the ticket to triage", "document.body.dataset.ready === 'true' && document.getElementById('ticket-needs-triage') !== null");
    }

    @Test
    @DisplayName("notes apart from the conversation, the customer's history, and a collision warning with 'send anyway'")
    void notesHistoryAndCollision() {
        String token = agentToken(SOUTH);
        String alias = "c1o2l3l4i5s6i7o@marketplace.amazon.com";
        String earlier = intake.channelMessage(token, "amazon", SOUTH, AMAZON_COM, null, "113-5200001-0000001", alias,
                "Backpack zip", "The zip of the backpack is stiff.");
        String earlierId = ticketWithMessage(token, earlier).path("id").asText();
        String later = intake.channelMessage(token, "amazon", SOUTH, AMAZON_COM, null, "113-5200003-0000003", alias,
                "Candles", "Do the candles come with lids?");
        String id = ticketWithMessage(token, later).path("id").asText();
        assertThat(earlierId).isNotEqualTo(id);
        await("the customer's history", () -> api.get("/tickets/" + id, token).json().path("history").path("tickets"),
                h -> h.findValuesAsText("id").contains(earlierId));

        BrowserPage page = Console.ticket(system, "agent-" + SOUTH, SOUTH, id);
        String historyRow = "#history-tickets li[data-ticket-id=" + BrowserPage.quoted(earlierId) + "]";
        page.waitFor("the earlier ticket in the history", "document.querySelector(" + BrowserPage.quoted(historyRow) + ") !== null");
        assertThat(page.text(historyRow)).contains("Backpack zip");
        assertThat(page.text("#history-orders")).contains("113-5200001-0000001");

        String note = "Buyer asked before about the backpack; offer a discount code only via Amazon.";
        page.type("#note-text", note);
        page.click("#note-add");
        page.waitFor("the note", "[...document.querySelectorAll('#notes-list .note-text')].some(n => n.textContent === "
                + BrowserPage.quoted(note) + ")");
        assertThat(page.text("#messages")).as("a note is not part of the conversation").doesNotContain(note);
        JsonNode notes = api.get("/tickets/" + id, token).json().path("notes");
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.path("text").asText()).isEqualTo(note);
            assertThat(n.path("agentId").asText()).isEqualTo("agent-" + SOUTH);
        });

        // a second agent starts writing a reply: the console warns, holds the reply back, and sends it when asked to
        String colleague = api.token("colleague-" + SOUTH, SOUTH, false);
        assertThat(api.post("/tickets/" + id + "/presence", colleague, Map.of("activity", "replying")).status()).isEqualTo(200);
        Console.reloadTicket(page, id);
        page.waitFor("the presence warning", "document.getElementById('presence').dataset.replying === 'true'");
        assertThat(page.text("#presence")).contains("colleague-" + SOUTH).contains("writing a reply");

        String text = "Hello, yes: every candle comes with its own lid.";
        page.type("#reply-text", text);
        page.waitFor("a clean compliance check", "document.getElementById('compliance-status').dataset.state === 'clean'");
        assertThat(api.post("/tickets/" + id + "/presence", colleague, Map.of("activity", "replying")).status()).isEqualTo(200);
        int before = api.get("/tickets/" + id, token).json().path("messages").size();
        page.click("#reply-send");
        page.waitFor("the collision warning", "document.querySelector('#reply-problem #reply-send-anyway') !== null");
        assertThat(page.text("#reply-problem .problem-title")).isEqualTo("Another agent is replying to this ticket");
        assertThat(page.text("#reply-problem")).contains("colleague-" + SOUTH);
        assertThat(api.get("/tickets/" + id, token).json().path("messages")).as("nothing recorded before 'send anyway'").hasSize(before);
        page.click("#reply-send-anyway");
        page.waitFor("the reply in the conversation", "[...document.querySelectorAll('#messages .message.out .message-body')]"
                + ".some(b => b.textContent === " + BrowserPage.quoted(text) + ")");
        assertThat(page.evaluate("document.getElementById('reply-problem').hidden").asBoolean()).isTrue();
        await("the reply sent once", () -> api.get("/tickets/" + id, token).json().path("messages"),
                m -> java.util.stream.StreamSupport.stream(m.spliterator(), false)
                        .filter(x -> text.equals(x.path("body").asText())).allMatch(x -> "sent".equals(x.path("sendStatus").asText()))
                        && m.size() == before + 1);
    }

    @Test
    @DisplayName("a lead's screens: metrics, SLA policy, reply settings with an own macro, tag rules; stored through the API; agents see that it is for leads")
    void aLeadsScreensInTheConsole() {
        String shop = "journey-console-lead";
        String agent = agentToken(shop);
        BrowserPage page = Console.signIn(system, "agent-" + shop, shop, false);
        assertThat(page.evaluate("document.getElementById('nav-settings').hidden").asBoolean()).as("no settings link for agents").isTrue();
        Console.open(page, "#/settings", "settings");
        assertThat(page.evaluate("!document.getElementById('settings-leads-only').hidden"
                + " && document.getElementById('settings-body').hidden").asBoolean()).isTrue();

        page = Console.signIn(system, "lead-" + shop, shop, true);
        assertThat(page.evaluate("document.getElementById('nav-settings').hidden").asBoolean()).isFalse();
        Console.open(page, "#/settings", "settings");
        page.waitFor("the metrics", "document.getElementById('metrics-overall') !== null");
        JsonNode metrics = api.get("/metrics/sla", leadToken(shop)).json();
        assertThat(page.text("#metrics-overall")).contains("of " + metrics.path("overall").path("messages").asInt() + " buyer messages");

        // SLA policy: a zone the API does not know is refused with the field named, and changes nothing
        JsonNode policyBefore = api.get("/sla-policy", agent).json();
        page.type("#sla-zone", "Mars/Olympus");
        page.click("#sla-save");
        page.waitFor("the refused policy", "!document.getElementById('sla-problem').hidden");
        assertThat(page.text("#sla-problem .problem-meta")).isEqualTo("field: timeZone");
        assertThat(api.get("/sla-policy", agent).json()).isEqualTo(policyBefore);
        page.type("#sla-zone", "Europe/Berlin");
        page.evaluate("document.getElementById('sla-inside').value = '90', true");
        page.evaluate("document.getElementById('sla-hours').value = " + BrowserPage.quoted("mon 09:00-17:00\ntue 09:00-12:00, 13:00-17:00")
                + ", true");
        page.click("#sla-save");
        page.waitFor("the saved policy", "document.getElementById('sla-status').textContent === 'Saved.'");
        JsonNode policy = api.get("/sla-policy", agent).json().path("policy");
        assertThat(policy.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(policy.path("targetInsideMinutes").asInt()).isEqualTo(90);
        assertThat(policy.path("businessHours").path("tue")).hasSize(2);
        assertThat(policy.path("businessHours").path("mon").path(0).path("closes").asText()).isEqualTo("17:00");

        page.type("#rs-shop", "Konsole Haushalt");
        page.type("#rs-macro-name", "Gift wrap");
        page.type("#rs-macro-body", "Hello {{CustomerName}}, we gift wrap order {{OrderID}} for free. {{SellerName}}");
        page.click("#rs-macro-add");
        page.click("#rs-save");
        page.waitFor("the saved reply settings", "document.getElementById('rs-status').textContent === 'Saved.'");
        JsonNode replySettings = api.get("/reply-settings", agent).json().path("replySettings");
        assertThat(replySettings.path("shopName").asText()).isEqualTo("Konsole Haushalt");
        assertThat(replySettings.path("macros")).singleElement().satisfies(m -> {
            assertThat(m.path("id").asText()).isEqualTo("gift-wrap");
            assertThat(m.path("bodies").path("en").asText()).startsWith("Hello {{CustomerName}}");
        });
        assertThat(api.get("/macros", agent).json().path("items").findValuesAsText("id")).as("the agents' macro list").contains("gift-wrap");

        page.type("#tr-name", "warranty");
        page.type("#tr-pattern", "garantie");
        page.type("#tr-tag", "warranty");
        page.click("#tr-add");
        page.click("#tr-save");
        page.waitFor("the saved rules", "document.getElementById('tr-status').textContent === 'Saved.'");
        assertThat(api.get("/tag-rules", agent).json().path("tagRules").path("rules")).singleElement()
                .satisfies(r -> assertThat(r.path("tag").asText()).isEqualTo("warranty"));
    }

    @Test
    @DisplayName("a ticket whose order cannot be read says so in a sentence for agents, never with the upstream's error text")
    void aFailedContextIsShownAsASentence() {
        String token = agentToken(UNAUTHORISED);
        String externalId = intake.channelMessage(token, "amazon", UNAUTHORISED, "A1PA6795UKMFR9", null, "028-5100002-0000002",
                "f1a2i3l4e5d6c7x@marketplace.amazon.de", "Bestellung", "Wo ist meine Bestellung?");
        String id = ticketWithMessage(token, externalId).path("id").asText();
        JsonNode failed = await("the context failed", () -> api.get("/tickets/" + id, token).json(),
                t -> "FAILED".equals(t.path("enrichment").path("state").asText()));
        BrowserPage page = Console.ticket(system, "agent-" + UNAUTHORISED, UNAUTHORISED, id);
        assertThat(page.text("#enrichment-state")).startsWith("Failed: the order details could not be loaded")
                .doesNotContain(failed.path("enrichment").path("detail").asText());
    }

    private static void pickMacro(BrowserPage page, String macroId) {
        page.waitFor("macro " + macroId, "[...document.querySelectorAll('#macro-select option')].some(o => o.value === "
                + BrowserPage.quoted(macroId) + ")");
        page.evaluate("(() => { const s = document.getElementById('macro-select'); s.value = " + BrowserPage.quoted(macroId) + ";"
                + " s.dispatchEvent(new Event('change')); return true; })()");
    }
}
