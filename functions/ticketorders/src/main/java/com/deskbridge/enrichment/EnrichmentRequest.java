package com.deskbridge.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The enrichment queue's message: "bring this ticket's order and tracking context up to date". Intake sends it when a
 * ticket is created or learns its order id, the API when an agent asks for fresh tracking, the refresh schedule for
 * in-transit parcels. Versioned JSON ({@value #VERSION}) so the producers and this consumer can change separately;
 * it carries identifiers only, never buyer data.
 */
public record EnrichmentRequest(String sellerId, String ticketId, String orderId, String marketplaceId, Reason reason) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /**
     * Order ids also take {@code #} and {@code /}: Shopify names orders {@code #1001} and its global ids are
     * {@code gid://shopify/Order/1} (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order).
     */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:#/-]{1,128}");

    /**
     * Why enrichment runs; AGENT_REFRESH and SCHEDULED_REFRESH still answer from cache while it is fresh. LINK_ORDER:
     * an e-mail or Shopify ticket that names no order; its order is looked for at the seller's store from the ticket's
     * first buyer message (the only reason without an order id).
     */
    public enum Reason { TICKET_CREATED, ORDER_KNOWN, AGENT_REFRESH, SCHEDULED_REFRESH, LINK_ORDER }

    public EnrichmentRequest {
        require(sellerId, "sellerId");
        require(ticketId, "ticketId");
        try {
            new com.deskbridge.domain.ticket.SellerId(sellerId);
            new com.deskbridge.domain.ticket.TicketId(ticketId);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException(invalid.getMessage());
        }
        if (orderId == null ? reason != Reason.LINK_ORDER : !ORDER_ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("orderId is missing or malformed");
        }
        if (marketplaceId != null && (marketplaceId.isBlank() || !ID.matcher(marketplaceId).matches())) {
            throw new IllegalArgumentException("marketplaceId is malformed");
        }
        Objects.requireNonNull(reason, "reason");
    }

    private static void require(String value, String name) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is missing or malformed");
        }
    }

    /** The queue message body intake and the API send (SQS SendMessage {@code MessageBody}). */
    public static String body(String sellerId, String ticketId, String orderId, String marketplaceId, Reason reason) {
        return new EnrichmentRequest(sellerId, ticketId, orderId, marketplaceId, reason).toJson();
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", VERSION);
        n.put("sellerId", sellerId);
        n.put("ticketId", ticketId);
        if (orderId != null) {
            n.put("orderId", orderId);
        }
        if (marketplaceId != null) {
            n.put("marketplaceId", marketplaceId);
        }
        n.put("reason", reason.name());
        return n.toString();
    }

    /**
     * Reads a message body.
     *
     * @throws IllegalArgumentException for bodies that can never be processed (poison: not JSON, unknown version,
     *                                  missing ids)
     */
    public static EnrichmentRequest parse(String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("enrichment request is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("enrichment request is not a JSON object");
        }
        int version = n.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported enrichment request version " + n.path("version"));
        }
        Reason reason;
        try {
            reason = Reason.valueOf(n.path("reason").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown enrichment reason " + n.path("reason"));
        }
        return new EnrichmentRequest(text(n, "sellerId"), text(n, "ticketId"), text(n, "orderId"),
                text(n, "marketplaceId"), reason);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
