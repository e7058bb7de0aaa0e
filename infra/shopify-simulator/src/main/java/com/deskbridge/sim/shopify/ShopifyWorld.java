package com.deskbridge.sim.shopify;

import com.deskbridge.sim.support.SimTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Shopify simulator's world, read from the shared fixture's {@code shopify} and {@code shopifyOrders} keys
 * (FIXTURE.md) and changed by the mutations it serves. Prices are before tax ({@code taxesIncluded: false}); tax per
 * unit is the line's rate applied to the unit price, rounded to the cent. Secrets a fixture leaves out (client secret,
 * refresh tokens) are made up at start.
 */
final class ShopifyWorld {

    /** The app as installed on one shop. */
    static final class Shop {
        final String sellerId;
        final String domain;
        final String clientId;
        final String clientSecret;
        String refreshToken;
        /** The refresh token before the last rotation, accepted until the new access token is used. */
        String previousRefreshToken;
        final long maximumAvailable;
        final double restoreRate;
        double available;
        Instant availableAt;

        Shop(String sellerId, String domain, String clientId, String clientSecret, String refreshToken, long maximumAvailable,
             double restoreRate, Instant now) {
            this.sellerId = sellerId;
            this.domain = domain;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
            this.maximumAvailable = maximumAvailable;
            this.restoreRate = restoreRate;
            this.available = maximumAvailable;
            this.availableAt = now;
        }

        /** The leaky bucket's points now (restored since the last look at {@code restoreRate} per second). */
        double available(Instant now) {
            if (now.isAfter(availableAt)) {
                double seconds = Duration.between(availableAt, now).toNanos() / 1e9;
                available = Math.min(maximumAvailable, available + seconds * restoreRate);
                availableAt = now;
            }
            return available;
        }
    }

    static final class LineItem {
        final long id;
        final String sku;
        final String title;
        final int quantity;
        final BigDecimal unitPrice;
        final BigDecimal taxRate;
        int refundedQuantity;

        LineItem(long id, String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal taxRate) {
            this.id = id;
            this.sku = sku;
            this.title = title;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.taxRate = taxRate;
        }

        BigDecimal unitTax() {
            return unitPrice.multiply(taxRate).setScale(2, RoundingMode.HALF_EVEN);
        }

        BigDecimal total() {
            return unitPrice.add(unitTax()).multiply(BigDecimal.valueOf(quantity));
        }
    }

    static final class Fulfillment {
        final long id;
        final String status;
        final Instant createdAt;
        final String company;
        final String number;
        final String url;
        final Map<Long, Integer> lineItems;

        Fulfillment(long id, String status, Instant createdAt, String company, String number, String url, Map<Long, Integer> lineItems) {
            this.id = id;
            this.status = status;
            this.createdAt = createdAt;
            this.company = company;
            this.number = number;
            this.url = url;
            this.lineItems = Map.copyOf(lineItems);
        }
    }

    /** A payment ({@code SALE}) or a refund of one ({@code REFUND}, with its parent). */
    record Transaction(long id, String kind, String status, String gateway, BigDecimal amount, Long parentId, Instant createdAt) {}

    record RefundLine(long lineItemId, int quantity, BigDecimal subtotal, BigDecimal tax) {}

    static final class Refund {
        final long id;
        final Instant createdAt;
        final String note;
        final List<RefundLine> lines;
        final BigDecimal shipping;
        final List<Transaction> transactions;

        Refund(long id, Instant createdAt, String note, List<RefundLine> lines, BigDecimal shipping, List<Transaction> transactions) {
            this.id = id;
            this.createdAt = createdAt;
            this.note = note;
            this.lines = List.copyOf(lines);
            this.shipping = shipping;
            this.transactions = List.copyOf(transactions);
        }

        BigDecimal total() {
            return transactions.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static final class Order {
        final long id;
        final String shop;
        final String name;
        final String email;
        final String customerName;
        final Instant createdAt;
        Instant updatedAt;
        final String currency;
        final List<LineItem> lineItems;
        final BigDecimal shippingPrice;
        final BigDecimal shippingTax;
        final List<Fulfillment> fulfillments;
        final List<Transaction> transactions;
        final List<Refund> refunds = new ArrayList<>();
        Instant cancelledAt;
        String cancelReason;

        Order(long id, String shop, String name, String email, String customerName, Instant createdAt, String currency,
              List<LineItem> lineItems, BigDecimal shippingPrice, BigDecimal shippingTax, List<Fulfillment> fulfillments,
              List<Transaction> transactions) {
            this.id = id;
            this.shop = shop;
            this.name = name;
            this.email = email;
            this.customerName = customerName;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.currency = currency;
            this.lineItems = lineItems;
            this.shippingPrice = shippingPrice;
            this.shippingTax = shippingTax;
            this.fulfillments = fulfillments;
            this.transactions = transactions;
        }

        BigDecimal total() {
            return lineItems.stream().map(LineItem::total).reduce(shippingPrice.add(shippingTax), BigDecimal::add);
        }

        BigDecimal received() {
            return transactions.stream().filter(t -> t.kind().equals("SALE") && t.status().equals("SUCCESS"))
                    .map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal refunded() {
            return refunds.stream().map(Refund::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal shippingRefunded() {
            return refunds.stream().map(r -> r.shipping).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        Optional<LineItem> line(long lineId) {
            return lineItems.stream().filter(l -> l.id == lineId).findFirst();
        }

        int fulfilled(long lineId) {
            return fulfillments.stream().filter(f -> !f.status.equals("CANCELLED"))
                    .mapToInt(f -> f.lineItems.getOrDefault(lineId, 0)).sum();
        }

        String financialStatus() {
            BigDecimal received = received();
            if (received.signum() == 0) {
                return "PENDING";
            }
            BigDecimal refunded = refunded();
            return refunded.signum() == 0 ? "PAID" : refunded.compareTo(received) >= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
        }

        String fulfillmentStatus() {
            int ordered = lineItems.stream().mapToInt(l -> l.quantity).sum();
            int done = lineItems.stream().mapToInt(l -> Math.min(l.quantity, fulfilled(l.id))).sum();
            return done == 0 ? "UNFULFILLED" : done < ordered ? "PARTIALLY_FULFILLED" : "FULFILLED";
        }
    }

    /** An asynchronous job ({@code orderCancel}); done once {@code doneAt} has passed and the work was applied. */
    static final class Job {
        final String id;
        final Instant doneAt;
        final Runnable work;
        boolean done;

        Job(String id, Instant doneAt, Runnable work) {
            this.id = id;
            this.doneAt = doneAt;
            this.work = work;
        }
    }

    record Fault(String operation, int status, int count) {}

    final Duration latency;
    final Duration tokenLifetime;
    final Duration jobDelay;
    final List<String> apiVersions = new ArrayList<>();
    final List<Fault> faults = new ArrayList<>();
    final Map<String, Shop> shops = new LinkedHashMap<>();
    final Map<Long, Order> orders = new LinkedHashMap<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();
    private long nextId = 900_000_000L;

    ShopifyWorld(JsonNode world, Instant now) {
        JsonNode sh = world.path("shopify");
        latency = SimTime.duration(sh, "latencyMs", Duration.ZERO);
        tokenLifetime = SimTime.duration(sh, "accessTokenLifetime", Duration.ofHours(1));
        jobDelay = SimTime.duration(sh, "jobDelay", Duration.ofSeconds(2));
        sh.path("apiVersions").forEach(v -> apiVersions.add(v.asText()));
        if (apiVersions.isEmpty()) {
            apiVersions.addAll(List.of("2026-10", "2026-07", "2026-04"));
        }
        for (JsonNode f : sh.path("faults")) {
            faults.add(new Fault(f.path("operation").asText(), f.path("status").asInt(), f.path("count").asInt(1)));
        }
        JsonNode throttle = sh.path("throttle");
        for (JsonNode s : sh.path("shops")) {
            Shop shop = new Shop(text(s, "sellerId"), text(s, "shopDomain"), s.path("clientId").asText("sim-client-" + text(s, "shopDomain")),
                    s.hasNonNull("clientSecret") ? s.get("clientSecret").asText() : "shpss_sim" + UUID.randomUUID().toString().replace("-", ""),
                    s.hasNonNull("refreshToken") ? s.get("refreshToken").asText() : "shprt_sim" + UUID.randomUUID().toString().replace("-", ""),
                    s.path("throttle").path("maximumAvailable").asLong(throttle.path("maximumAvailable").asLong(2000)),
                    s.path("throttle").path("restoreRate").asDouble(throttle.path("restoreRate").asDouble(100)), now);
            shops.put(shop.domain, shop);
        }
        for (JsonNode o : world.path("shopifyOrders")) {
            Order order = order(o, now);
            orders.put(order.id, order);
        }
    }

    long newId() {
        return ++nextId;
    }

    Optional<Shop> shopByRefreshToken(String clientId, String token) {
        return shops.values().stream().filter(s -> s.clientId.equals(clientId)
                && (token.equals(s.refreshToken) || token.equals(s.previousRefreshToken))).findFirst();
    }

    private static Order order(JsonNode o, Instant now) {
        Instant created = SimTime.at(o, "createdAt", now, now.minus(Duration.ofDays(2)));
        List<LineItem> lines = new ArrayList<>();
        for (JsonNode l : o.path("lineItems")) {
            lines.add(new LineItem(l.path("id").asLong(), l.path("sku").asText(null), l.path("title").asText("Item"),
                    l.path("quantity").asInt(1), new BigDecimal(l.path("unitPrice").asText("0")),
                    new BigDecimal(l.path("taxRate").asText("0"))));
        }
        List<Fulfillment> fulfillments = new ArrayList<>();
        for (JsonNode f : o.path("fulfillments")) {
            Map<Long, Integer> qty = new LinkedHashMap<>();
            if (f.has("lineItems")) {
                f.get("lineItems").forEach(x -> qty.put(x.path("id").asLong(), x.path("quantity").asInt(1)));
            } else {
                lines.forEach(l -> qty.put(l.id, l.quantity));
            }
            fulfillments.add(new Fulfillment(f.path("id").asLong(), f.path("status").asText("SUCCESS"),
                    SimTime.at(f, "createdAt", now, created), f.path("trackingCompany").asText(null),
                    f.path("trackingNumber").asText(null), f.path("trackingUrl").asText(null), qty));
        }
        JsonNode shipping = o.path("shipping");
        BigDecimal shippingPrice = new BigDecimal(shipping.path("price").asText("0"));
        BigDecimal shippingTax = shippingPrice.multiply(new BigDecimal(shipping.path("taxRate").asText("0"))).setScale(2, RoundingMode.HALF_EVEN);
        Order order = new Order(o.path("id").asLong(), text(o, "shopDomain"), text(o, "name"), o.path("email").asText(null),
                o.path("customerName").asText(null), created, o.path("currency").asText("EUR"), lines, shippingPrice, shippingTax,
                fulfillments, new ArrayList<>());
        if (o.path("paid").asBoolean(true)) {
            order.transactions.add(new Transaction(o.path("id").asLong() * 10 + 1, "SALE", "SUCCESS",
                    o.path("gateway").asText("shopify_payments"), order.total(), null, created));
        }
        if (o.hasNonNull("cancelledAt")) {
            order.cancelledAt = SimTime.at(o.get("cancelledAt").asText(), now);
            order.cancelReason = o.path("cancelReason").asText("OTHER");
        }
        return order;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("Shopify fixture entry lacks " + field + ": " + node);
        }
        return v.asText();
    }
}
