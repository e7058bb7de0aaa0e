package com.deskbridge.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cancels an order with the Admin GraphQL {@code orderCancel} mutation
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel): refund to the original payment methods,
 * restock, no customer notification (the help desk writes to the buyer itself). Shopify cancels asynchronously: the
 * mutation returns a {@code Job}; {@link #jobDone} reads whether it finished.
 */
public final class ShopifyCancelClient {

    static final String CANCEL = """
            mutation OrderCancel($orderId: ID!, $reason: OrderCancelReason!, $refundMethod: OrderCancelRefundMethodInput!,
                                 $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) {
              orderCancel(orderId: $orderId, reason: $reason, refundMethod: $refundMethod, restock: $restock,
                          notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
                job { id done }
                orderCancelUserErrors { field message code } } }
            """;
    static final String JOB = "query Job($id: ID!) { job(id: $id) { id done } }";

    private final ShopifyGraphqlClient graphql;

    ShopifyCancelClient(ShopifyGraphqlClient graphql) {
        this.graphql = graphql;
    }

    /** The cancellation job, or Shopify's refusal ({@code code} NOT_FOUND, INVALID, NO_REFUND_PERMISSION). */
    public sealed interface Result permits Started, Refused {}

    public record Started(String jobId, boolean done) implements Result {}

    public record Refused(String code, List<String> messages) implements Result {}

    /** @param reason Shopify's {@code OrderCancelReason}: CUSTOMER, DECLINED, FRAUD, INVENTORY, STAFF, OTHER */
    public Result cancel(ShopifyShop shop, String orderId, String reason, String staffNote) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode();
        vars.put("orderId", orderId);
        vars.put("reason", reason);
        vars.putObject("refundMethod").put("originalPaymentMethodsRefund", true);
        vars.put("restock", true);
        vars.put("notifyCustomer", false);
        vars.put("staffNote", staffNote);
        JsonNode payload = graphql.execute(shop, "OrderCancel", CANCEL, vars, 12).data().path("orderCancel");
        List<String> messages = new ArrayList<>();
        String code = null;
        for (JsonNode e : payload.path("orderCancelUserErrors")) {
            messages.add(e.path("message").asText());
            code = code == null ? e.path("code").asText("INVALID") : code;
        }
        if (!messages.isEmpty()) {
            return new Refused(code, messages);
        }
        JsonNode job = payload.path("job");
        if (!job.hasNonNull("id")) {
            throw new ShopifyApiException("OrderCancel", 200, null, null, "orderCancel returned neither a job nor errors");
        }
        return new Started(job.get("id").asText(), job.path("done").asBoolean(false));
    }

    public boolean jobDone(ShopifyShop shop, String jobId) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode().put("id", jobId);
        return graphql.execute(shop, "Job", JOB, vars, 2).data().path("job").path("done").asBoolean(false);
    }
}
