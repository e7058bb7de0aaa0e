package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's sentence-decided compliance rules on the local system, for its own seller: a long, helpful reply that ends
 * with one marketing line is refused by the reply route (problem+json with the finding spanning that line, nothing
 * recorded, the clock still running), the live preview says the same, and the same reply without the line is sent and
 * mailed to the buyer.
 */
class MarketingLineJourneyTest extends Journey {
    private static final String SELLER = "journey-marketing-line";
    private static final String ORDER = "028-5300002-0000002";
    private static final String HELPFUL = "your refund for the returned hiking poles has been issued and should reach "
            + "your card within 5 business days. The poles arrived back in good shape.";
    private static final String MARKETING = "Refer a friend and you both get 10 EUR off your next order!";

    @Test
    @DisplayName("buyer asks about a refund -> a helpful reply ending with 'refer a friend' is refused (422, the finding spans that line, nothing recorded) and flagged in the live preview -> the reply without it is sent and mailed")
    void aMarketingLineAtTheEndOfAHelpfulReplyIsRefusedAndTheReplyWithoutItSent() {
        String token = agentToken(SELLER);
        String alias = "mkt" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        String messageId = intake.relayMail(token, SELLER, alias, ORDER, "Refund?",
                "Hello, I sent the hiking poles back last week. When will I get my money?");
        String id = ticketWithMessage(token, messageId).path("id").asText();
        String withLine = "Hello Kelly,\n" + HELPFUL + "\n" + MARKETING + "\nThanks,\nSummit Gear";

        JsonNode preview = api.post("/compliance/check", token, Map.of("text", withLine)).json();
        assertThat(preview.path("blocked").asBoolean()).as(preview.toString()).isTrue();
        assertThat(preview.path("findings").findValuesAsText("excerpt")).contains(MARKETING);

        Api.Response refused = refused(token, "a reply ending with a marketing line", () -> api.post("/tickets/" + id
                + "/replies", token, Map.of("text", withLine), "journey-marketing-" + System.nanoTime()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:deskbridge:problem:reply-not-compliant");
        JsonNode marketing = null;
        for (JsonNode f : refused.json().path("findings")) {
            marketing = "MARKETING".equals(f.path("ruleId").asText()) ? f : marketing;
        }
        assertThat(marketing).as(refused.toString()).isNotNull();
        assertThat(marketing.path("excerpt").asText()).isEqualTo(MARKETING);
        assertThat(withLine.substring(marketing.path("start").asInt(), marketing.path("end").asInt())).isEqualTo(MARKETING);
        assertThat(api.get("/tickets/" + id, token).json().path("awaitingReplySince").asText())
                .as("the clock keeps running").isNotBlank();

        String helpful = "Hello Kelly,\n" + HELPFUL + "\nThanks,\nSummit Gear";
        assertThat(api.post("/compliance/check", token, Map.of("text", helpful)).json().path("blocked").asBoolean())
                .isFalse();
        Api.Response sent = api.post("/tickets/" + id + "/replies", token, Map.of("text", helpful),
                "journey-marketing-ok-" + System.nanoTime());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        Mailbox.Mail mailed = mail.await(alias, m -> m.text().contains("hiking poles"), LIMIT);
        assertThat(mailed.text()).doesNotContain("Refer a friend");
        assertThat(mailed.inReplyTo()).isEqualTo("<" + messageId + ">");
    }
}
