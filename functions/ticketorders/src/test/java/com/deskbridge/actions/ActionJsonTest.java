package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format the console posts and the API answers with (pure, no I/O). */
class ActionJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void readsTheConsolesRefundBody() throws Exception {
        ActionJson.Parsed<RefundRequest> p = ActionJson.refundRequest(json("""
                {"orderId":"028-4000001-0000001","full":false,"reason":"CustomerReturn",
                 "lines":[{"orderItemId":"40000000100001","quantity":1,
                           "components":[{"component":"PRINCIPAL","amount":"15.00","currency":"EUR"},
                                         {"component":"TAX","amount":"2.85"}]}]}"""));
        assertThat(p.ok()).isTrue();
        RefundRequest r = p.value();
        assertThat(r.reason()).isEqualTo(AdjustmentReason.CustomerReturn);
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(1);
            assertThat(l.components()).extracting(RefundRequest.ComponentAmount::component)
                    .containsExactly(RefundComponent.PRINCIPAL, RefundComponent.TAX);
            assertThat(l.components().get(1).amount()).isEqualByComparingTo(new BigDecimal("2.85"));
        });
    }

    @Test
    void namesEveryUnreadableField() throws Exception {
        ActionJson.Parsed<RefundRequest> p = ActionJson.refundRequest(json("""
                {"orderId":"028-4000001-0000001","reason":"Whatever",
                 "lines":[{"orderItemId":"40000000100001","quantity":1.5,
                           "components":[{"component":"Bonus","amount":"abc","currency":"EUR"}]}]}"""));
        assertThat(p.violations()).extracting(Violation::field).containsExactly("reason", "lines[0].quantity",
                "lines[0].components[0].component", "lines[0].components[0].amount");
        assertThat(ActionJson.cancellationRequest(json("{\"orderId\":\"x\",\"reason\":\"BuyerCanceled\"}")).value().reason())
                .isEqualTo(CancelReason.BuyerCanceled);
    }

    /**
     * Issue 12: money was parsed looser than the contract (1E-2, +1.00, spaces, "1.", ".5", other digits, JSON numbers
     * and "full":"true" reached Amazon). The documented grammar holds on the raw JSON text, booleans are real, enum
     * names exact.
     */
    @Test
    void amountsFollowTheDocumentedGrammarBooleansAreRealAndNamesExact() throws Exception {
        for (String amount : List.of("\"1E-2\"", "\"+1.00\"", "\" 1.00\"", "\"1.00 \"", "\"1.\"", "\".5\"", "\"1.234\"",
                "\"\u0661.00\"", "\"\uFF11.00\"", "\"-1\"", "\"1,50\"", "1.5", "2", "true", "\"\"", "[\"1\"]")) {
            ActionJson.Parsed<RefundRequest> p = ActionJson.refundRequest(json("{\"orderId\":\"o\",\"reason\":\"CustomerReturn\","
                    + "\"lines\":[{\"orderItemId\":\"1\",\"quantity\":1,\"components\":[{\"component\":\"PRINCIPAL\",\"amount\":"
                    + amount + "}]}]}"));
            assertThat(p.violations()).as(amount).extracting(Violation::field).containsExactly("lines[0].components[0].amount");
        }
        for (String amount : List.of("1", "1.5", "12.50", "0.01", "007.10")) {
            assertThat(ActionJson.refundRequest(json("{\"orderId\":\"o\",\"reason\":\"CustomerReturn\",\"lines\":[{"
                    + "\"orderItemId\":\"1\",\"components\":[{\"component\":\"PRINCIPAL\",\"amount\":\"" + amount + "\"}]}]}"))
                    .ok()).as(amount).isTrue();
        }
        assertThat(ActionJson.refundRequest(json("{\"orderId\":\"o\",\"reason\":\"CustomerReturn\",\"full\":\"true\"}"))
                .violations()).extracting(Violation::field).containsExactly("full");
        assertThat(ActionJson.refundRequest(json("{\"orderId\":7,\"reason\":\"customerreturn\",\"full\":true}"))
                .violations()).extracting(Violation::field).containsExactly("orderId", "reason");
        assertThat(ActionJson.refundRequest(json("{\"orderId\":\"o\",\"reason\":\"CustomerReturn\",\"lines\":[{"
                + "\"orderItemId\":\"1\",\"quantity\":\"1\",\"components\":[{\"component\":\"Principal\",\"amount\":\"1\","
                + "\"currency\":\"eur\"}]}]}")).violations()).extracting(Violation::field).containsExactly("lines[0].quantity",
                "lines[0].components[0].component", "lines[0].components[0].currency");
        assertThat(ActionJson.cancellationRequest(json("{\"orderId\":\"x\",\"reason\":\"buyercanceled\"}")).violations())
                .extracting(Violation::field).containsExactly("reason");
    }

    @Test
    void mapsResultsToStatusAndBody() {
        OrderAction a = new OrderAction("A1", "t" + "a".repeat(24), "01a1", ActionType.REFUND, ActionState.FAILED,
                "028-4000001-0000001", "A1PA6795UKMFR9", "agent-1", "15.00", "EUR", "CustomerReturn",
                Instant.parse("2026-11-20T10:00:00Z"), null, Instant.parse("2026-11-20T10:05:00Z"),
                "{\"items\":[{\"orderItemId\":\"40000000100001\",\"quantity\":1,\"components\":[{\"component\":\"PRINCIPAL\",\"amount\":\"15.00\"}]}]}",
                "att", "50001", 3L, "18028: too much");
        JsonNode body = ActionJson.action(a);
        assertThat(ActionJson.status(new ActionResult.Accepted(a, true))).isEqualTo(202);
        assertThat(body.path("state").asText()).isEqualTo("FAILED");
        assertThat(body.path("done").asBoolean()).isFalse();
        assertThat(body.path("amount").path("amount").asText()).isEqualTo("15.00");
        assertThat(body.path("feed").path("messageId").asLong()).isEqualTo(3);
        assertThat(body.path("error").asText()).isEqualTo("18028: too much");
        assertThat(body.path("lines").get(0).path("orderItemId").asText()).isEqualTo("40000000100001");
        assertThat(body.toString()).as("the action's wire format, member by member").isEqualTo("{\"actionId\":\"01a1\","
                + "\"ticketId\":\"t" + "a".repeat(24) + "\",\"type\":\"REFUND\",\"state\":\"FAILED\",\"done\":false,"
                + "\"orderId\":\"028-4000001-0000001\",\"marketplaceId\":\"A1PA6795UKMFR9\","
                + "\"amount\":{\"amount\":\"15.00\",\"currency\":\"EUR\"},\"reason\":\"CustomerReturn\",\"requestedBy\":\"agent-1\","
                + "\"requestedAt\":\"2026-11-20T10:00:00Z\",\"buyerRequestAt\":null,\"updatedAt\":\"2026-11-20T10:05:00Z\","
                + "\"feed\":{\"feedId\":\"50001\",\"messageId\":3},\"error\":\"18028: too much\",\"approval\":null,"
                + "\"lines\":[{\"orderItemId\":\"40000000100001\",\"quantity\":1,\"components\":[{\"component\":\"PRINCIPAL\","
                + "\"amount\":\"15.00\"}]}]}");
        OrderAction bare = new OrderAction("A1", "t1", "01a2", ActionType.CANCELLATION, ActionState.COMPLETED, "o", "m",
                "agent-1", null, null, null, Instant.parse("2026-11-20T10:00:00Z"), null, null, null, null, null, null, null,
                new OrderAction.Decision(true, "lead-1", Instant.parse("2026-11-20T11:00:00Z")),
                new OrderAction.ChannelRef("ebay", "c-9", null));
        assertThat(ActionJson.action(bare).toString()).isEqualTo("{\"actionId\":\"01a2\",\"ticketId\":\"t1\","
                + "\"type\":\"CANCELLATION\",\"state\":\"COMPLETED\",\"done\":true,\"orderId\":\"o\",\"marketplaceId\":\"m\","
                + "\"amount\":null,\"reason\":null,\"requestedBy\":\"agent-1\",\"requestedAt\":\"2026-11-20T10:00:00Z\","
                + "\"buyerRequestAt\":null,\"updatedAt\":null,\"feed\":null,\"error\":null,"
                + "\"approval\":{\"decision\":\"APPROVED\",\"decidedBy\":\"lead-1\",\"decidedAt\":\"2026-11-20T11:00:00Z\"},"
                + "\"channel\":{\"name\":\"ebay\",\"externalId\":\"c-9\"}}");

        ActionResult.Rejected rejected = new ActionResult.Rejected(List.of(
                new Violation("lines[0].quantity", ViolationReason.QUANTITY_ABOVE_ORDERED, "at most 2"),
                new Violation("orderId", ViolationReason.ORDER_SHIPPED, "shipped")));
        assertThat(ActionJson.status(rejected)).isEqualTo(409);
        assertThat(ActionJson.status(new ActionResult.KeyReused("x"))).isEqualTo(422);
        assertThat(ActionJson.status(new ActionResult.TicketNotFound("t"))).isEqualTo(404);
        assertThat(ActionJson.status(new ActionResult.InvalidKey("k"))).isEqualTo(400);
    }

    @Test
    void storedCommandsRoundTripExactly() {
        var refund = new com.deskbridge.orderactions.RefundCommand("A1", "M", "028-4000001-0000001", "EUR", AdjustmentReason.CustomerReturn,
                List.of(new com.deskbridge.orderactions.RefundCommand.AdjustedItem("40000000100001", 2, List.of(
                        new com.deskbridge.orderactions.RefundCommand.ComponentAdjustment(RefundComponent.PRINCIPAL,
                                com.deskbridge.orderactions.Money.of("30.00", "EUR")),
                        new com.deskbridge.orderactions.RefundCommand.ComponentAdjustment(RefundComponent.RESTOCKING_FEE,
                                com.deskbridge.orderactions.Money.of("3.10", "EUR"))))));
        assertThat(CommandJson.toRefund(CommandJson.refund(refund))).isEqualTo(refund);
        var cancel = new com.deskbridge.orderactions.OrderCancellationCommand("A1", "M", "028-4000001-0000001",
                CancelReason.NoInventory, List.of("40000000100001", "40000000100002"));
        assertThat(CommandJson.toCancellation(CommandJson.cancellation(cancel))).isEqualTo(cancel);
    }
}
