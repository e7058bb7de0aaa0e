package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The smart inbox in the console (issue 13), for its own seller (journey-inbox-ui, Amazon seller account
 * A1JOURNEYINBOX in journeys-world.json: three shipped FBM orders, each with its own DPD parcel): the console opens on
 * the inbox with the API's counts; a group of three where-is-my-order tickets with tracking is sent with one
 * confirmation (clicked twice) and each buyer gets one reply with their own tracking number at the relay mailbox;
 * a suggestion is sent in one click from the ticket; a closed ticket shows Amazon's review-request answer as a
 * sentence; a lead's page counts the agent's suggestions.
 */
class InboxConsoleJourneyTest extends Journey {
    private static final String SELLER = "journey-inbox-ui";
    private static final String AGENT = "agent-" + SELLER;
    private static final String VIEW = "where-is-my-order-tracking-known";
    private static final String[] ORDERS = {"028-5400001-0000001", "028-5400002-0000002", "028-5400003-0000003"};
    private static final String[] TRACKING = {"01405300000001", "01405300000002", "01405300000003"};

    private static String ask(String token, String alias, String order) {
        return intake.relayMail(token, SELLER, alias, order, "Where is my order?",
                "Hello, where is my parcel? I ordered a mug a few days ago and it has not arrived yet.");
    }

    /** The ticket of the buyer message, once its order and tracking are in. */
    private static String ticketOf(String token, String messageId) {
        String id = ticketWithMessage(token, messageId).path("id").asText();
        withContext(token, id);
        return id;
    }

    private static List<String> listed(String token) {
        return StreamSupport.stream(api.get("/tickets?view=" + VIEW + "&limit=100", token).json().path("items").spliterator(), false)
                .map(t -> t.path("id").asText()).toList();
    }

    private static List<JsonNode> replies(String token, String ticketId) {
        return StreamSupport.stream(api.get("/tickets/" + ticketId, token).json().path("messages").spliterator(), false)
                .filter(m -> "out".equals(m.path("direction").asText())).toList();
    }

    @Test
    @DisplayName("console opens on the inbox with the API's counts; a group of 3 where-is-my-order tickets sent with one confirmation, each buyer gets their own tracking number once; one-click suggestion; review answer; lead figures")
    void aGroupIsAnsweredInOnePassFromTheConsole() {
        String token = agentToken(SELLER);
        assertThat(api.put("/reply-settings", leadToken(SELLER), Map.of("shopName", "Inbox Haus", "defaultLanguage", "en",
                "autoReplies", false)).status()).isBetween(200, 204);
        String run = Long.toHexString(System.nanoTime());
        List<String> aliases = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        // one buyer after another: the three parcels are DPD's, whose tracking API Deskbridge calls at most once a
        // second (CarrierBudgets), so three lookups at the same instant would leave two waiting for the queue's retry
        for (int i = 0; i < ORDERS.length; i++) {
            aliases.add("inboxui" + i + run + "@marketplace.amazon.de");
            messages.add(ask(token, aliases.get(i), ORDERS[i]));
            ids.add(ticketOf(token, messages.get(i)));
        }
        await("the three tickets in " + VIEW, () -> listed(token), l -> l.containsAll(ids));

        JsonNode groups = api.get("/inbox/groups?view=" + VIEW, token).json();
        assertThat(groups.path("groups").size()).as(groups.toString()).isEqualTo(1);
        JsonNode group = groups.path("groups").get(0);
        assertThat(group.path("count").asInt()).isEqualTo(3);
        assertThat(group.path("ticketIds")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(group.path("key").asText()).isEqualTo(VIEW + ":" + group.path("macroId").asText());
        assertThat(api.get("/inbox/groups", token).status()).as("view is required").isEqualTo(400);

        // the console opens on the inbox (Console.signIn waits for it); its counts are the API's
        BrowserPage page = Console.signIn(system, AGENT, SELLER, false);
        Console.open(page, "#/inbox", "inbox");
        for (JsonNode v : api.get("/inbox", token).json().path("views")) {
            String count = "#inbox-views [data-view=" + BrowserPage.quoted(v.path("view").asText()) + "] .count";
            assertThat(page.text(count)).as(v.path("view").asText()).isEqualTo(v.path("count").asText());
        }
        assertThat(page.text("#inbox-views [data-view=" + BrowserPage.quoted(VIEW) + "] .count")).isEqualTo("3");
        assertThat(page.text("#inbox-views [data-view=" + BrowserPage.quoted(VIEW) + "] .score-reasons")).isNotNull();

        // open the view, then the group: each ticket's own reply with its own tracking number
        Console.open(page, "#/inbox/" + VIEW, "inbox-view");
        page.waitFor("the group", "document.querySelector('#inbox-groups .open-group') !== null");
        page.click("#inbox-groups .open-group");
        page.waitFor("the group's previews", "document.querySelectorAll('#group-items .group-item').length === 3");
        for (int i = 0; i < ids.size(); i++) {
            String text = page.text("#group-items li[data-ticket-id=" + BrowserPage.quoted(ids.get(i)) + "] .group-text");
            assertThat(text).as("ticket " + i + "'s preview").contains(TRACKING[i])
                    .doesNotContain(TRACKING[(i + 1) % 3]).doesNotContain(TRACKING[(i + 2) % 3]);
        }
        page.click("#group-send");
        page.waitFor("the one confirmation", "!document.getElementById('group-confirm-step').hidden");
        assertThat(page.text("#group-confirm-text")).contains("Send 3 replies");
        // a double click on the confirmation: still one reply per ticket
        page.evaluate("(() => { const b = document.getElementById('group-confirm'); b.click(); b.click(); return true; })()");
        page.waitFor("every ticket's result", "[...document.querySelectorAll('#group-items .group-item')]"
                + ".every(li => li.dataset.result === 'sent')");
        assertThat(page.text("#group-status")).startsWith("3 sent, 0 blocked, 0 not sent");
        assertThat(page.evaluate("document.getElementById('group-send').disabled").asBoolean()).as("nothing left to send").isTrue();

        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            // sent: the relay accepted it (the buyer's mailbox exists from then on)
            await("ticket " + i + "'s reply sent", () -> replies(token, id), r -> r.size() == 1 && "sent".equals(r.get(0).path("sendStatus").asText()));
            assertThat(replies(token, id).get(0).path("source").asText()).isEqualTo("suggestion");
            String own = TRACKING[i];
            Mailbox.Mail mailed = mail.await(aliases.get(i), m -> m.text().contains(own), LIMIT);
            assertThat(mailed.text()).doesNotContain(TRACKING[(i + 1) % 3]).doesNotContain(TRACKING[(i + 2) % 3]);
            assertThat(mail.inbox(aliases.get(i))).as("one reply per buyer").hasSize(1);
        }

        // one click on a ticket's suggestion
        String alias4 = "inboxui3" + run + "@marketplace.amazon.de";
        String fourth = ticketOf(token, ask(token, alias4, ORDERS[0]));
        page = Console.ticket(system, AGENT, SELLER, fourth);
        page.waitFor("a sendable suggestion", "document.querySelector('#suggestions-list .suggestion[data-sendable=\"true\"] .suggestion-send') !== null");
        assertThat(page.text("#suggestions-list .suggestion[data-sendable=\"true\"] .suggestion-text")).contains(TRACKING[0]);
        page.click("#suggestions-list .suggestion[data-sendable=\"true\"] .suggestion-send");
        page.waitFor("the suggestion sent", "document.querySelector('#suggestions-list .suggestion-result[data-state=\"sent\"]') !== null");
        await("the one-click reply sent", () -> replies(token, fourth), r -> r.size() == 1 && "sent".equals(r.get(0).path("sendStatus").asText()));
        assertThat(replies(token, fourth).get(0).path("source").asText()).isEqualTo("suggestion");
        mail.await(alias4, m -> m.text().contains(TRACKING[0]), LIMIT);

        // a resolved ticket: Amazon's answer on the review request as a sentence (the parcel is still on its way)
        assertThat(api.post("/tickets/" + ids.get(0) + "/close", token, Map.of()).status()).isBetween(200, 204);
        Console.open(page, "#/tickets/" + ids.get(0), "ticket");
        page.waitFor("the review request's answer", "document.getElementById('review-sentence') !== null");
        JsonNode review = api.get("/tickets/" + ids.get(0) + "/review-request", token).json();
        assertThat(review.path("offered").asBoolean()).as(review.toString()).isFalse();
        assertThat(page.text("#review-sentence")).contains(ORDERS[0]).contains("does not offer");
        assertThat(page.evaluate("document.getElementById('review-request').hidden").asBoolean()).isTrue();

        // the lead's page: the agent's four replies, all sent as suggested
        BrowserPage lead = Console.signIn(system, "lead-" + SELLER, SELLER, true);
        Console.open(lead, "#/team", "team");
        String row = "#team-agents-table tr[data-agent=" + BrowserPage.quoted(AGENT) + "]";
        assertThat(lead.text(row + " .replies")).isEqualTo("4");
        assertThat(lead.text(row + " .used")).isEqualTo("4");
        assertThat(Integer.parseInt(lead.text("#team-by-macro tr[data-key=" + BrowserPage.quoted(group.path("macroId").asText()) + "] .used")))
                .as("the group's macro sent as suggested").isGreaterThanOrEqualTo(3);
    }
}
