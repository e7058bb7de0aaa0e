package com.deskbridge.sim.ebay;

import com.deskbridge.sim.support.SimTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The eBay simulator's world, read from the shared fixture's {@code ebay}, {@code ebaySellers}, {@code ebayOrders} and
 * {@code ebayConversations} keys (FIXTURE.md) and changed by the requests it serves (refunds, cancellations, sent
 * messages). Relative fixture times are resolved once, against the clock at load. Secrets a fixture leaves out (client
 * secret, refresh tokens, signing keys) are made up at start; the host reads them from the simulator.
 */
final class EbayWorld {

    /** The developer application: what the OAuth endpoint authenticates and notifications are signed for. */
    record Application(String clientId, String clientSecret, String devId, String ruName) {
        @Override
        public String toString() {
            return "Application[clientId=" + clientId + ", clientSecret=***, devId=" + devId + "]";
        }
    }

    /** A seller who authorised the application. */
    static final class Seller {
        final String sellerId;
        final String username;
        final String marketplaceId;
        final boolean euOrUk;
        final List<String> scopes;
        String refreshToken;
        final String signingJwe;
        final String signingAlgorithm;
        final PublicKey signingPublicKey;
        final String signingPrivateKeyBase64;

        Seller(String sellerId, String username, String marketplaceId, boolean euOrUk, List<String> scopes, String refreshToken,
               String signingJwe, String signingAlgorithm, PublicKey signingPublicKey, String signingPrivateKeyBase64) {
            this.sellerId = sellerId;
            this.username = username;
            this.marketplaceId = marketplaceId;
            this.euOrUk = euOrUk;
            this.scopes = List.copyOf(scopes);
            this.refreshToken = refreshToken;
            this.signingJwe = signingJwe;
            this.signingAlgorithm = signingAlgorithm;
            this.signingPublicKey = signingPublicKey;
            this.signingPrivateKeyBase64 = signingPrivateKeyBase64;
        }
    }

    static final class LineItem {
        final String lineItemId;
        final String legacyItemId;
        final String sku;
        final String title;
        final int quantity;
        final BigDecimal unitPrice;
        final BigDecimal shippingCost;
        final BigDecimal tax;
        final List<Refund> refunds = new ArrayList<>();

        LineItem(String lineItemId, String legacyItemId, String sku, String title, int quantity, BigDecimal unitPrice,
                 BigDecimal shippingCost, BigDecimal tax) {
            this.lineItemId = lineItemId;
            this.legacyItemId = legacyItemId;
            this.sku = sku;
            this.title = title;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.shippingCost = shippingCost;
            this.tax = tax;
        }

        BigDecimal cost() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_EVEN);
        }

        BigDecimal total() {
            return cost().add(shippingCost).add(tax);
        }

        BigDecimal refunded() {
            return refunds.stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A refund, of the whole order (lineItemId null) or of one line. */
    static final class Refund {
        final String refundId;
        final String lineItemId;
        final BigDecimal amount;
        final Instant issuedAt;
        Instant settlesAt;
        final String reason;
        boolean failed;

        Refund(String refundId, String lineItemId, BigDecimal amount, Instant issuedAt, Instant settlesAt, String reason) {
            this.refundId = refundId;
            this.lineItemId = lineItemId;
            this.amount = amount;
            this.issuedAt = issuedAt;
            this.settlesAt = settlesAt;
            this.reason = reason;
        }
    }

    static final class Fulfillment {
        final String fulfillmentId;
        final String carrierCode;
        final String trackingNumber;
        final Instant shippedDate;
        final Map<String, Integer> lineItems;

        Fulfillment(String fulfillmentId, String carrierCode, String trackingNumber, Instant shippedDate, Map<String, Integer> lineItems) {
            this.fulfillmentId = fulfillmentId;
            this.carrierCode = carrierCode;
            this.trackingNumber = trackingNumber;
            this.shippedDate = shippedDate;
            this.lineItems = Map.copyOf(lineItems);
        }
    }

    /** A cancellation: the buyer's request (state REQUESTED until the seller approves) or the seller's own. */
    static final class Cancellation {
        final String cancelId;
        final String initiator;
        final String reason;
        final Instant requestedAt;
        String state;
        Instant closedAt;

        Cancellation(String cancelId, String initiator, String reason, Instant requestedAt, String state) {
            this.cancelId = cancelId;
            this.initiator = initiator;
            this.reason = reason;
            this.requestedAt = requestedAt;
            this.state = state;
        }
    }

    static final class Order {
        final String orderId;
        final String sellerId;
        final String marketplaceId;
        final String buyerUsername;
        final String buyerName;
        final String buyerEmail;
        final String shipToCity;
        final String shipToPostalCode;
        final String shipToCountry;
        final String currency;
        final Instant creationDate;
        Instant lastModifiedDate;
        final Instant paidDate;
        final Instant shipByDate;
        final Instant minDelivery;
        final Instant maxDelivery;
        final String shippingService;
        final List<LineItem> lineItems;
        final List<Fulfillment> fulfillments;
        final List<Refund> orderRefunds = new ArrayList<>();
        final List<Cancellation> cancellations = new ArrayList<>();
        Instant cancelledDate;
        /** How long this order's new refunds stay PENDING (null: the world's {@code refundSettleDelay}). */
        Duration refundSettleDelay;
        /** getOrder calls for this order (what a test reads to see who asked eBay). */
        int reads;

        Order(String orderId, String sellerId, String marketplaceId, String buyerUsername, String buyerName, String buyerEmail,
              String shipToCity, String shipToPostalCode, String shipToCountry, String currency, Instant creationDate,
              Instant paidDate, Instant shipByDate, Instant minDelivery, Instant maxDelivery, String shippingService,
              List<LineItem> lineItems, List<Fulfillment> fulfillments) {
            this.orderId = orderId;
            this.sellerId = sellerId;
            this.marketplaceId = marketplaceId;
            this.buyerUsername = buyerUsername;
            this.buyerName = buyerName;
            this.buyerEmail = buyerEmail;
            this.shipToCity = shipToCity;
            this.shipToPostalCode = shipToPostalCode;
            this.shipToCountry = shipToCountry;
            this.currency = currency;
            this.creationDate = creationDate;
            this.lastModifiedDate = creationDate;
            this.paidDate = paidDate;
            this.shipByDate = shipByDate;
            this.minDelivery = minDelivery;
            this.maxDelivery = maxDelivery;
            this.shippingService = shippingService;
            this.lineItems = lineItems;
            this.fulfillments = fulfillments;
        }

        boolean cancelled() {
            return cancelledDate != null;
        }

        Optional<LineItem> line(String id) {
            return lineItems.stream().filter(l -> l.lineItemId.equals(id)).findFirst();
        }

        BigDecimal total() {
            return lineItems.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        List<Refund> allRefunds() {
            List<Refund> all = new ArrayList<>(orderRefunds);
            lineItems.forEach(l -> all.addAll(l.refunds));
            all.sort((a, b) -> a.issuedAt.compareTo(b.issuedAt));
            return all;
        }

        BigDecimal refunded() {
            return allRefunds().stream().filter(r -> !r.failed).map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        int shippedQuantity(String lineItemId) {
            return fulfillments.stream().mapToInt(f -> f.lineItems.getOrDefault(lineItemId, 0)).sum();
        }
    }

    /** One message of a conversation; {@code fromBuyer} false for the seller's own. */
    record Message(String messageId, boolean fromBuyer, String subject, String body, Instant createdDate, List<Media> media) {}

    record Media(String name, String type, String url) {}

    static final class Conversation {
        final String conversationId;
        final String sellerId;
        final String buyerUsername;
        final String itemId;
        final String title;
        final Instant createdDate;
        final List<Message> messages = new ArrayList<>();
        String status = "ACTIVE";

        Conversation(String conversationId, String sellerId, String buyerUsername, String itemId, String title, Instant createdDate) {
            this.conversationId = conversationId;
            this.sellerId = sellerId;
            this.buyerUsername = buyerUsername;
            this.itemId = itemId;
            this.title = title;
            this.createdDate = createdDate;
        }

        Message latest() {
            return messages.stream().max((a, b) -> a.createdDate().compareTo(b.createdDate())).orElseThrow();
        }
    }

    record Fault(String operation, int status, int count) {}

    final Application application;
    final Duration latency;
    final Duration tokenLifetime;
    final Duration refundSettleDelay;
    final Map<String, Long> callLimits = new LinkedHashMap<>();
    final List<Fault> faults = new ArrayList<>();
    final Map<String, Seller> sellers = new LinkedHashMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, Conversation> conversations = new LinkedHashMap<>();

    EbayWorld(JsonNode world, Instant now) {
        JsonNode eb = world.path("ebay");
        JsonNode app = eb.path("application");
        application = new Application(app.path("clientId").asText("Deskbrid-deskbrid-PRD-sim0000000-00000000"),
                app.hasNonNull("clientSecret") ? app.get("clientSecret").asText() : "PRD-sim-" + UUID.randomUUID(),
                app.path("devId").asText("00000000-sim0-0000-0000-000000000000"),
                app.path("ruName").asText("Deskbridge-Deskbrid-sim-abcdefg"));
        latency = SimTime.duration(eb, "latencyMs", Duration.ZERO);
        tokenLifetime = SimTime.duration(eb, "accessTokenLifetime", Duration.ofHours(2));
        refundSettleDelay = SimTime.duration(eb, "refundSettleDelay", Duration.ofMinutes(1));
        callLimits.put("oauth.refresh_token", 50_000L);
        callLimits.put("sell.fulfillment", 100_000L);
        callLimits.put("commerce.message", 5_000L);
        callLimits.put("post-order", 100_000L);
        callLimits.put("commerce.identity", 10_000L);
        eb.path("callLimits").fields().forEachRemaining(e -> callLimits.put(e.getKey(), e.getValue().asLong()));
        for (JsonNode f : eb.path("faults")) {
            faults.add(new Fault(f.path("operation").asText(), f.path("status").asInt(), f.path("count").asInt(1)));
        }
        for (JsonNode s : world.path("ebaySellers")) {
            Seller seller = seller(s);
            sellers.put(seller.sellerId, seller);
        }
        for (JsonNode o : world.path("ebayOrders")) {
            Order order = order(o, now);
            orders.put(order.orderId, order);
        }
        for (JsonNode c : world.path("ebayConversations")) {
            Conversation conv = new Conversation(text(c, "conversationId"), text(c, "sellerId"), text(c, "buyer"),
                    c.path("itemId").asText(null), c.path("title").asText(""), SimTime.at(c, "createdDate", now, now));
            for (JsonNode m : c.path("messages")) {
                List<Media> media = new ArrayList<>();
                for (JsonNode md : m.path("media")) {
                    media.add(new Media(md.path("name").asText(), md.path("type").asText("IMAGE"), md.path("url").asText()));
                }
                conv.messages.add(new Message(m.path("messageId").asText("m-" + UUID.randomUUID()),
                        !"seller".equals(m.path("from").asText("buyer")), m.path("subject").asText(conv.title),
                        m.path("body").asText(""), SimTime.at(m, "createdDate", now, now), media));
            }
            conversations.put(conv.conversationId, conv);
        }
    }

    private static Seller seller(JsonNode s) {
        String algorithm = s.path("signingAlgorithm").asText("Ed25519");
        PublicKey publicKey;
        String privateKey = null;
        if (s.hasNonNull("signingPublicKey")) {
            publicKey = SignatureVerifier.publicKey(algorithm, s.get("signingPublicKey").asText());
        } else {
            // no key in the fixture: make one up at start (nothing secret-looking is committed)
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm.equals("RSA") ? "RSA" : "Ed25519");
                KeyPair pair = gen.generateKeyPair();
                publicKey = pair.getPublic();
                privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no " + algorithm + " key generator in this JRE", e);
            }
        }
        List<String> scopes = new ArrayList<>();
        s.path("scopes").forEach(x -> scopes.add(x.asText()));
        if (scopes.isEmpty()) {
            scopes.addAll(List.of("https://api.ebay.com/oauth/api_scope", "https://api.ebay.com/oauth/api_scope/sell.fulfillment",
                    "https://api.ebay.com/oauth/api_scope/sell.finances", "https://api.ebay.com/oauth/api_scope/commerce.message",
                    "https://api.ebay.com/oauth/api_scope/commerce.identity.readonly"));
        }
        return new Seller(text(s, "sellerId"), text(s, "username"), s.path("marketplaceId").asText("EBAY_DE"),
                s.path("euOrUkDomiciled").asBoolean(true), scopes,
                s.hasNonNull("refreshToken") ? s.get("refreshToken").asText() : "v^1.1#i^1#r^1#sim" + UUID.randomUUID(),
                s.hasNonNull("signingJwe") ? s.get("signingJwe").asText() : "eyJzaW0iOiJqd2UifQ." + UUID.randomUUID(),
                algorithm, publicKey, privateKey);
    }

    private static Order order(JsonNode o, Instant now) {
        Instant created = SimTime.at(o, "creationDate", now, now.minus(Duration.ofDays(2)));
        List<LineItem> lines = new ArrayList<>();
        int n = 0;
        for (JsonNode l : o.path("lineItems")) {
            n++;
            lines.add(new LineItem(l.path("lineItemId").asText(text(o, "orderId").replace("-", "") + "0" + n),
                    l.path("itemId").asText("1100000000" + n), l.path("sku").asText(null), l.path("title").asText("Item " + n),
                    l.path("quantity").asInt(1), money(l, "unitPrice"), money(l, "shippingCost"), money(l, "tax")));
        }
        List<Fulfillment> fulfillments = new ArrayList<>();
        for (JsonNode f : o.path("shippingFulfillments")) {
            Map<String, Integer> qty = new LinkedHashMap<>();
            if (f.has("lineItems")) {
                f.get("lineItems").forEach(x -> qty.put(x.path("lineItemId").asText(), x.path("quantity").asInt(1)));
            } else {
                lines.forEach(l -> qty.put(l.lineItemId, l.quantity));
            }
            fulfillments.add(new Fulfillment(f.path("fulfillmentId").asText(f.path("trackingNumber").asText()),
                    f.path("carrier").asText(), f.path("trackingNumber").asText(), SimTime.at(f, "shippedDate", now, created), qty));
        }
        JsonNode buyer = o.path("buyer");
        JsonNode shipTo = o.path("shipTo");
        Order order = new Order(text(o, "orderId"), text(o, "sellerId"), o.path("marketplaceId").asText("EBAY_DE"),
                buyer.path("username").asText("buyer"), buyer.path("name").asText(null), buyer.path("email").asText(null),
                shipTo.path("city").asText(null), shipTo.path("postalCode").asText(null), shipTo.path("countryCode").asText("DE"),
                o.path("currency").asText("EUR"), created,
                o.path("paid").asBoolean(true) ? SimTime.at(o, "paidDate", now, created) : null,
                SimTime.at(o, "shipByDate", now, created.plus(Duration.ofDays(2))),
                SimTime.at(o, "minEstimatedDeliveryDate", now, created.plus(Duration.ofDays(3))),
                SimTime.at(o, "maxEstimatedDeliveryDate", now, created.plus(Duration.ofDays(5))),
                o.path("shippingService").asText("DE_DHLPaket"), lines, fulfillments);
        for (JsonNode r : o.path("refunds")) {
            Instant at = SimTime.at(r, "date", now, created);
            Refund refund = new Refund(r.path("refundId").asText("RF-" + UUID.randomUUID()), r.path("lineItemId").asText(null),
                    new BigDecimal(r.path("amount").asText("0")), at, at, r.path("reason").asText("OTHER"));
            if (refund.lineItemId == null) {
                order.orderRefunds.add(refund);
            } else {
                order.line(refund.lineItemId).orElseThrow(() -> new IllegalArgumentException("refund for unknown line "
                        + refund.lineItemId)).refunds.add(refund);
            }
        }
        JsonNode cancel = o.path("buyerCancelRequest");
        if (cancel.isObject()) {
            order.cancellations.add(new Cancellation(cancel.path("cancelId").asText("5" + Math.abs(order.orderId.hashCode())),
                    "BUYER", cancel.path("reason").asText("ORDER_MISTAKE"), SimTime.at(cancel, "requestedAt", now, now), "REQUESTED"));
        }
        if (o.hasNonNull("cancelledDate")) {
            order.cancelledDate = SimTime.at(o.get("cancelledDate").asText(), now);
        }
        if (o.hasNonNull("refundSettleDelay")) {
            order.refundSettleDelay = SimTime.duration(o, "refundSettleDelay", null);
        }
        return order;
    }

    Optional<Seller> sellerByRefreshToken(String token) {
        return sellers.values().stream().filter(s -> s.refreshToken.equals(token)).findFirst();
    }

    Optional<Seller> sellerByUsername(String username) {
        return sellers.values().stream().filter(s -> s.username.equalsIgnoreCase(username)).findFirst();
    }

    private static BigDecimal money(JsonNode node, String field) {
        return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()).setScale(2, RoundingMode.HALF_EVEN)
                : BigDecimal.ZERO.setScale(2);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("eBay fixture entry lacks " + field + ": " + node);
        }
        return v.asText();
    }
}
