package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Amazon's review request from a ticket, for a seller that is not demo-seller (SP-API simulator's Solicitations API). */
@ResourceLock(JourneySystem.NORTH)
class ReviewRequestJourneyTest extends Journey {
    /** Delivered eleven days ago: Amazon offers the review request. */
    private static final String DELIVERED_11_DAYS_AGO = "028-5100006-0000006";
    /** Delivery due tomorrow: too early. */
    private static final String DELIVERED_RECENTLY = "028-5100001-0000001";

    @Test
    @DisplayName("eligible order -> offered -> requested once (who and when in the evidence) -> a second request is refused with 409; a recent delivery is not offered")
    void aReviewIsRequestedOnceThroughAmazonAndOnlyWhenEligible() {
        String token = agentToken(NORTH);
        String alias = "rev" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        String messageId = intake.relayMail(token, NORTH, alias, DELIVERED_11_DAYS_AGO, "Danke!",
                "Hallo, die Tassen sind angekommen, vielen Dank!");
        String id = ticketWithMessage(token, messageId).path("id").asText();
        withContext(token, id);

        JsonNode status = api.get("/tickets/" + id + "/review-request", token).json();
        assertThat(status.path("orderId").asText()).isEqualTo(DELIVERED_11_DAYS_AGO);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("eligible");
        assertThat(status.path("offered").asBoolean()).isTrue();

        Api.Response requested = api.post("/tickets/" + id + "/review-request", token, java.util.Map.of());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.json().path("state").asText()).isEqualTo("requested");
        assertThat(requested.json().path("requestedBy").asText()).isNotBlank();
        assertThat(requested.json().path("requestedAt").asText()).isNotBlank();

        Api.Response again = api.post("/tickets/" + id + "/review-request", token, java.util.Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("review-already-requested");
        JsonNode after = api.get("/tickets/" + id + "/review-request", token).json();
        assertThat(after.path("state").asText()).isEqualTo("requested");
        assertThat(after.path("offered").asBoolean()).isFalse();
        assertThat(after.path("requestedBy").asText()).isEqualTo(requested.json().path("requestedBy").asText());

        JsonNode evidence = api.get("/tickets/" + id + "/evidence", token).json();
        assertThat(evidence.toString()).contains("REVIEW_REQUESTED").contains(DELIVERED_11_DAYS_AGO);

        String alias2 = "rev" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        String message2 = intake.relayMail(token, NORTH, alias2, DELIVERED_RECENTLY, "Danke", "Danke, alles gut angekommen.");
        String id2 = ticketWithMessage(token, message2).path("id").asText();
        withContext(token, id2);
        JsonNode early = api.get("/tickets/" + id2 + "/review-request", token).json();
        assertThat(early.path("state").asText()).as(early.toString()).isEqualTo("not-eligible");
        assertThat(early.path("offered").asBoolean()).isFalse();
        Api.Response refused = api.post("/tickets/" + id2 + "/review-request", token, java.util.Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("review-not-eligible");
        assertThat(refused.json().path("detail").asText()).contains("5-30 day");
        assertThat(api.get("/tickets/" + id2 + "/review-request", token).json().path("state").asText())
                .as("a refusal records nothing").isEqualTo("not-eligible");
    }
}
