package com.deskbridge.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a store's orders with the Admin GraphQL API: by global id ({@code order(id:)}), by order name or number and by
 * customer e-mail ({@code orders(query:)} with Shopify's search syntax, https://shopify.dev/docs/api/usage/search-syntax).
 */
public final class ShopifyOrdersClient {

    static final String BY_ID = "query OrderById($id: ID!) { order(id: $id) { " + ShopifyOrder.FIELDS + " } }";
    static final String BY_NAME = "query OrderByName($query: String!) { orders(first: 1, query: $query) { nodes { "
            + ShopifyOrder.FIELDS + " } } }";
    /** A light search: ids only (a full order costs about 550 points, five of them would pass Shopify's 1,000-point cap). */
    static final String SEARCH = "query OrdersSearch($query: String!, $first: Int!) { orders(first: $first, query: $query, "
            + "sortKey: CREATED_AT, reverse: true) { nodes { id name createdAt } } }";
    /** What Shopify's cost calculation gives the order selection (25 lines, 5 fulfilments, 5 refunds of 10 lines, 10 transactions). */
    static final int ORDER_COST_ESTIMATE = 550;

    private final ShopifyGraphqlClient graphql;

    ShopifyOrdersClient(ShopifyGraphqlClient graphql) {
        this.graphql = graphql;
    }

    public Optional<ShopifyOrder> byId(ShopifyShop shop, String gid) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode().put("id", gid);
        JsonNode order = graphql.execute(shop, "OrderById", BY_ID, vars, ORDER_COST_ESTIMATE).data().path("order");
        return order.isObject() ? Optional.of(ShopifyOrder.parse(order)) : Optional.empty();
    }

    /** The order with this name ({@code #1001}, {@code SHOP-1001}), in one call. */
    public Optional<ShopifyOrder> byName(ShopifyShop shop, String name) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode().put("query", "name:" + quote(name));
        JsonNode data = graphql.execute(shop, "OrderByName", BY_NAME, vars, ORDER_COST_ESTIMATE).data();
        for (JsonNode o : ShopifyJson.items(data.path("orders"))) {
            if (o.path("name").asText().equalsIgnoreCase(name)) {
                return Optional.of(ShopifyOrder.parse(o));
            }
        }
        return Optional.empty();
    }

    /** A found order's id and name. */
    public record OrderRef(String id, String name, java.time.Instant createdAt) {}

    /** The customer's most recent orders (ids and names), newest first. */
    public List<OrderRef> byEmail(ShopifyShop shop, String email, int max) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode().put("query", "email:" + quote(email)).put("first", max);
        JsonNode data = graphql.execute(shop, "OrdersSearch", SEARCH, vars, 2 + max).data();
        List<OrderRef> out = new ArrayList<>();
        for (JsonNode o : ShopifyJson.items(data.path("orders"))) {
            out.add(new OrderRef(o.path("id").asText(), o.path("name").asText(), ShopifyJson.instant(o, "createdAt").orElse(null)));
        }
        return out;
    }

    /** Quotes a search value so spaces and colons in it are not read as syntax. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
