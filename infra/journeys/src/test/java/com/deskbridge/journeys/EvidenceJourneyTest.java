package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The evidence an agent takes to an A-to-z claim: the hash-chained log, its claim export, a lead's audit export. */
@ResourceLock(JourneySystem.NORTH)
class EvidenceJourneyTest extends Journey {
    private static final String ORDER = "028-5100001-0000001";

    @Test
    @DisplayName("evidence: a verified hash chain without buyer data; the A-to-z claim export; the lead's audit export (agents refused); the console's view")
    void theEvidenceOfATicketIsAVerifiedChainAndAClaimExport() {
        String token = agentToken(NORTH);
        String lead = leadToken(NORTH);
        String alias = "e1v2i3d4e5n6c7e@marketplace.amazon.de";
        String id = RefundJourneyTest.amazonTicket(token, NORTH, "A1PA6795UKMFR9", ORDER, alias,
                "Das Paket ist laut DHL zugestellt, ich habe es aber nicht bekommen.");

        JsonNode evidence = api.get("/tickets/" + id + "/evidence", token).json();
        JsonNode entries = evidence.path("entries");
        assertThat(entries.size()).as("order snapshot and tracking observations").isGreaterThanOrEqualTo(2);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).path("previousHash").asText()).as("entry " + i + " chains to the one before")
                    .isEqualTo(entries.get(i - 1).path("hash").asText());
            assertThat(entries.get(i).path("sequence").asLong()).isGreaterThan(entries.get(i - 1).path("sequence").asLong());
        }
        assertThat(evidence.path("verification").path("valid").asBoolean()).isTrue();
        assertThat(evidence.path("headHash").asText()).isEqualTo(entries.get(entries.size() - 1).path("hash").asText());
        assertThat(evidence.toString()).as("no buyer personal data in evidence").doesNotContain(alias).doesNotContain("Jana Schmidt")
                .doesNotContain("Hauptstraße");

        JsonNode claim = api.get("/tickets/" + id + "/evidence?format=claim", token).json();
        assertThat(claim.path("order").toString()).contains(ORDER);
        assertThat(claim.path("trackingHistory")).isNotEmpty();
        assertThat(claim.path("trackingHistory").toString()).contains("00340434161094042557");
        assertThat(claim.path("verification").path("valid").asBoolean()).isTrue();

        Api.Response refused = api.get("/tickets/" + id + "/audit", token);
        assertThat(refused.status()).as("audit exports are for leads").isEqualTo(403);
        JsonNode audit = api.get("/tickets/" + id + "/audit", lead).json();
        assertThat(audit.path("sellerId").asText()).isEqualTo(NORTH);
        assertThat(audit.path("ticket").path("id").asText()).isEqualTo(id);
        assertThat(audit.path("evidence").path("headHash").asText()).isEqualTo(evidence.path("headHash").asText());

        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        page.click("#btn-evidence");
        page.waitFor("the evidence view", "document.body.dataset.view === 'evidence' && document.body.dataset.ready === 'true'");
        assertThat(page.evaluate("document.getElementById('evidence-verification').dataset.valid").asText()).isEqualTo("true");
        assertThat(page.evaluate("document.querySelectorAll('#evidence-rows tr').length").asInt()).isEqualTo(entries.size());
    }

    @Test
    @DisplayName("the A-to-z claim export of a ticket whose order lookup failed is refused with a problem (409), not a 500")
    void theClaimExportWithoutAnOrderIsRefused() {
        String token = agentToken(NORTH);
        String id = ticketWithMessage(token, intake.channelMessage(token, "amazon",
                NORTH, "A1PA6795UKMFR9", null, "028-9999999-9999999", "n1o2o3r4d5e6r7x@marketplace.amazon.de",
                "Order", "Where is order 028-9999999-9999999?")).path("id").asText();
        await("the order lookup to fail", () -> api.get("/tickets/" + id, token).json(),
                t -> "FAILED".equals(t.path("enrichment").path("state").asText()));
        Api.Response claim = api.get("/tickets/" + id + "/evidence?format=claim", token);
        assertThat(claim.status()).as(claim.toString()).isEqualTo(409);
    }
}
