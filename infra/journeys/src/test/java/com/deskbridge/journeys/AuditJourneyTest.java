package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compliance audit for a seller of its own: replies sent by two agents (by hand and from a macro) through the
 * running system, a seller rule added afterwards, an audit on demand finds the reply that breaks it with its agent
 * and macro, the template to fix and no buyer data; report and CSV read back, then the lead's console page.
 */
class AuditJourneyTest extends Journey {
    private static final String SELLER = "journey-audit";
    private static final String BUYER = "Margarethe Pfeiffer";
    private static final String ORDER = "028-7400001-0000001";

    /** A buyer's message for {@code agent} to answer: the ticket's id once intake made it. */
    private String ticketFor(String agent) {
        String token = api.token(agent, SELLER, false);
        String alias = "audit" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        return intake.relayMail(token, SELLER, alias, ORDER, "Frage zu meiner Bestellung",
                "Guten Tag, wann kommt meine Bestellung? Viele Grüße, " + BUYER, BUYER);
    }

    /** Sends the reply on the ticket with this buyer message; returns the ticket id (sending happens next). */
    private String reply(String agent, String messageId, String text, String macroId) {
        String token = api.token(agent, SELLER, false);
        String id = ticketWithMessage(token, messageId).path("id").asText();
        Map<String, String> body = macroId == null ? Map.of("text", text) : Map.of("text", text, "macroId", macroId);
        Api.Response sent = api.post("/tickets/" + id + "/replies", token, body, "journey-audit-" + System.nanoTime());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        return id;
    }

    private void awaitSent(String ticketId) {
        String token = agentToken(SELLER);
        await("the reply to " + ticketId + " sent", () -> api.get("/tickets/" + ticketId, token).json(), t -> {
            for (JsonNode m : t.path("messages")) {
                if ("sent".equals(m.path("sendStatus").asText())) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    @DisplayName("replies by two agents (by hand, macro) sent -> seller rule added -> POST /audits finds the macro's reply with agent and macro, no buyer name; report, list, CSV; console page")
    void anAuditFindsWhatASellerRuleAddedLaterForbidsInRepliesAlreadySent() {
        String lead = leadToken(SELLER);
        api.put("/reply-settings", lead, Map.of("shopName", "Pfeiffer Audit Shop", "defaultLanguage", "en", "autoReplies", false));
        // three buyers write at once; two agents answer (by hand, from a macro), the sender sends
        String m1 = ticketFor("agent-ann");
        String m2 = ticketFor("agent-ben");
        String m3 = ticketFor("agent-ann");
        List<String> tickets = List.of(
                reply("agent-ann", m1, "Hello " + BUYER + ", thank you for your message about order " + ORDER
                        + ". It left our warehouse today and is on its way to you.", null),
                reply("agent-ben", m2, "Hi " + BUYER + ", courier arrives before noon.", "courier-promise"),
                reply("agent-ann", m3, "Hello " + BUYER + ", we have looked into your order " + ORDER
                        + " and it is in transit.", null));
        String macroTicket = tickets.get(1);
        tickets.forEach(this::awaitSent);

        // afterwards the seller stops promising delivery times
        Api.Response settings = api.put("/audit-settings", lead, Map.of("schedule", "quarterly", "sampleSize", 50,
                "rules", List.of(Map.of("id", "no-time-promise", "phrase", "before noon",
                        "alternative", "We expect delivery by the date Amazon shows."))));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(api.put("/audit-settings", lead, Map.of("sampleSize", 0)).status()).isEqualTo(400);
        assertThat(api.get("/audit-settings", agentToken(SELLER)).status()).as("leads only").isEqualTo(403);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> period = Map.of("from", today.toString(), "to", today.plusDays(1).toString());
        String key = "journey-audit-run-" + System.nanoTime();
        Api.Response run = api.post("/audits", lead, period, key);
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        JsonNode report = run.json();
        String auditId = report.path("id").asText();
        assertThat(api.post("/audits", lead, period, key).json().path("id").asText()).as("same key, same audit").isEqualTo(auditId);
        assertThat(api.post("/audits", agentToken(SELLER), period, "journey-audit-agent-" + System.nanoTime()).status())
                .as("leads only").isEqualTo(403);

        assertThat(report.path("population").asInt()).isEqualTo(3);
        assertThat(report.path("sampled").asInt()).isEqualTo(3);
        List<String> strata = new ArrayList<>();
        report.path("strata").forEach(s -> strata.add(s.path("agentId").asText() + "|" + s.path("source").asText()));
        assertThat(strata).containsExactlyInAnyOrder("agent-ann|hand", "agent-ben|macro");
        JsonNode found = null;
        for (JsonNode v : report.path("violations")) {
            assertThat(v.toString()).as("no buyer data in the audit copy").doesNotContain("Pfeiffer", "Margarethe", ORDER);
            if (v.path("rule").asText().equals("SELLER:no-time-promise")) {
                found = v;
            }
        }
        assertThat(found).as("the seller rule's violation in " + report.path("violations")).isNotNull();
        assertThat(found.path("agentId").asText()).isEqualTo("agent-ben");
        assertThat(found.path("macroId").asText()).isEqualTo("courier-promise");
        assertThat(found.path("source").asText()).isEqualTo("macro");
        assertThat(found.path("ticketId").asText()).isEqualTo(macroTicket);
        assertThat(found.path("excerpt").asText()).contains("before noon").contains("{{CustomerName}}");
        assertThat(found.path("alternative").asText()).isEqualTo("We expect delivery by the date Amazon shows.");
        assertThat(report.path("compliantShare").asDouble()).isLessThan(1.0);
        JsonNode fix = null;
        for (JsonNode f : report.path("templatesToFix")) {
            if (f.path("macroId").asText().equals("courier-promise")) {
                fix = f;
            }
        }
        assertThat(fix).as("fix this template").isNotNull();
        assertThat(fix.path("alternatives").toString()).contains("We expect delivery by the date Amazon shows.");
        assertThat(report.path("trend").get(report.path("trend").size() - 1).path("auditId").asText()).isEqualTo(auditId);

        // read back: the report, the list, the CSV
        assertThat(api.get("/audits/" + auditId, lead).json()).isEqualTo(report);
        assertThat(api.get("/audits/au0", lead).status()).isEqualTo(404);
        JsonNode list = api.get("/audits", lead).json().path("audits");
        assertThat(list.get(0).path("id").asText()).isEqualTo(auditId);
        Api.Response csv = api.get("/audits/" + auditId + "/csv", lead);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("audit_id,period,message_key,ticket_id,sent_at,agent,source,macro,");
        assertThat(lines).hasSize(1 + report.path("violations").size());
        assertThat(csv.body()).contains("SELLER:no-time-promise").contains(",agent-ben,macro,courier-promise,")
                .doesNotContain("Pfeiffer");

        // the lead's console page: the list, the report with its violation and template, the CSV, "run audit now"
        BrowserPage page = Console.signIn(system, "lead-" + SELLER, SELLER, true);
        Console.open(page, "#/audits", "audits");
        page.waitFor("the audit in the list", "!!document.querySelector('#audits-rows tr[data-audit-id=\"" + auditId + "\"]')");
        Console.open(page, "#/audits/" + auditId, "audits");
        page.waitFor("the violation with agent and macro", "!!document.querySelector("
                + "'#audit-violations tr[data-rule=\"SELLER:no-time-promise\"][data-agent=\"agent-ben\"][data-macro=\"courier-promise\"]')");
        assertThat(page.text("#audit-templates")).contains("Fix this template: courier-promise")
                .contains("We expect delivery by the date Amazon shows.");
        assertThat(page.text("#audit-trend")).contains("compliant");
        page.click("#audit-csv");
        page.waitFor("the CSV downloaded", "document.getElementById('audit-csv-link').dataset.rows === '"
                + report.path("violations").size() + "'");
        Console.open(page, "#/audits", "audits");
        page.click("#audit-run");
        page.waitFor("a new audit opened", "document.body.dataset.view === 'audits' && document.body.dataset.ready === 'true'"
                + " && /^#\\/audits\\/au/.test(location.hash) && location.hash !== '#/audits/" + auditId + "'"
                + " && !!document.getElementById('audit-summary')");
        assertThat(api.get("/audits", lead).json().path("audits").size()).isEqualTo(2);
    }
}
