package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.sim.ebay.EbaySimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * eBay and Shopify actions are confirmed back without anyone reading them (issue 15): a refund eBay accepts but settles
 * later stays SUBMITTED; the actions schedule ({@code FeedScheduleFunction}, fired through the local stack's schedule
 * trigger instead of waited for) asks eBay and records COMPLETED, and the ticket shows it. Seller {@value #SELLER} has
 * its own eBay account and order in the journeys' world; its order's refunds stay PENDING until the journey lets eBay
 * settle them ({@code refundSettleDelay}, {@link EbaySimulator#settleRefunds}).
 */
class ChannelConfirmationJourneyTest extends Journey {

    static final String SELLER = "journey-channel-confirm";
    static final String ORDER = "27-30000-00001";

    @Test
    @DisplayName("eBay: a refund eBay settles later is SUBMITTED, then COMPLETED by the actions schedule with nobody reading it; the ticket shows it")
    void aRefundEbaySettlesLaterIsConfirmedByTheSchedule() {
        String token = agentToken(SELLER);
        String externalId = intake.channelMessage(token, "ebay", SELLER, "EBAY_DE", "ebay-conv-confirm-" + System.nanoTime(), ORDER,
                "journey_confirm_buyer", "Wasserkocher defekt", "Der Wasserkocher geht nicht mehr, bitte erstatten Sie mir den Betrag.");
        String id = ticketWithMessage(token, externalId).path("id").asText();

        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token,
                Map.of("orderId", ORDER, "reason", "CustomerReturn", "full", true), "journey-confirm-refund-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String actionId = accepted.json().path("actionId").asText();
        assertThat(accepted.json().path("state").asText()).as("eBay accepted the refund, PENDING: " + accepted)
                .isEqualTo("SUBMITTED");
        assertThat(accepted.json().path("channel").path("name").asText()).isEqualTo("ebay");

        EbaySimulator ebay = JourneySystem.ebay();
        assertThat(ebay.refunds(ORDER)).containsExactly(new BigDecimal("33.90"));
        ebay.settleRefunds(ORDER); // eBay's payment processor finishes: the refund is REFUNDED at eBay from now on
        JourneySystem.fireSchedule("FeedScheduleFunction.EveryMinute");
        int eBayReads = ebay.orderReads(ORDER);

        JsonNode action = api.get("/tickets/" + id + "/actions/" + actionId, token).json();
        assertThat(action.path("state").asText()).as(action.toString()).isEqualTo("COMPLETED");
        assertThat(action.path("channel").path("externalId").asText()).isNotBlank();
        assertThat(ebay.orderReads(ORDER)).as("reading the action asked eBay nothing: the schedule had recorded it")
                .isEqualTo(eBayReads);
        JsonNode ticket = api.get("/tickets/" + id, token).json();
        assertThat(ticket.path("actions")).as(ticket.path("actions").toString()).singleElement()
                .satisfies(a -> assertThat(a.path("state").asText()).isEqualTo("COMPLETED"));
        assertThat(ebay.refunds(ORDER)).as("refunded once").hasSize(1);
    }
}
