package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Amazon's asynchronous report pipeline (Reports API 2021-06-30) for the FBA shipments report
 * {@code GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL} (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes): a report is IN_QUEUE for the first half
 * of the configured processing delay, IN_PROGRESS for the second, then DONE with a tab-separated document (optionally
 * GZIP), CANCELLED when there is no data (Amazon's documented automatic cancellation) or FATAL when told to fail.
 * The document is rendered from the fixture's FBA orders and their {@code fbaShipments}, with every column Amazon
 * sends, buyer and address columns included, so that clients prove they drop them.
 */
final class ReportEngine {

    static final String FBA_SHIPMENTS = "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL";
    static final Set<String> SUPPORTED = Set.of(FBA_SHIPMENTS);
    /** The simulator's reading of "about a month per request" (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). */
    static final Duration MAX_RANGE = Duration.ofDays(31);

    /** The columns in Amazon's order, as seen in published samples of the flat file (UNCONFIRMED against a spec). */
    static final List<String> COLUMNS = List.of("amazon-order-id", "merchant-order-id", "shipment-id", "shipment-item-id",
            "amazon-order-item-id", "merchant-order-item-id", "purchase-date", "payments-date", "shipment-date",
            "reporting-date", "buyer-email", "buyer-name", "buyer-phone-number", "sku", "product-name", "quantity-shipped",
            "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax",
            "ship-service-level", "recipient-name", "ship-address-1", "ship-address-2", "ship-address-3", "ship-city",
            "ship-state", "ship-postal-code", "ship-country", "ship-phone-number", "bill-address-1", "bill-address-2",
            "bill-address-3", "bill-city", "bill-state", "bill-postal-code", "bill-country", "item-promotion-discount",
            "ship-promotion-discount", "carrier", "tracking-number", "estimated-arrival-date", "fulfillment-center-id",
            "fulfillment-channel", "sales-channel");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private static final class Report {
        final String id;
        final String sellerId;
        final String reportType;
        final List<String> marketplaceIds;
        final Instant from;
        final Instant to;
        final Instant created;
        boolean fatal;
        String terminalStatus;
        String documentId;

        Report(String id, String sellerId, String reportType, List<String> marketplaceIds, Instant from, Instant to, Instant created) {
            this.id = id;
            this.sellerId = sellerId;
            this.reportType = reportType;
            this.marketplaceIds = marketplaceIds;
            this.from = from;
            this.to = to;
            this.created = created;
        }
    }

    private record Document(byte[] content, boolean gzip) {}

    private final SimWorld world;
    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final Map<String, Document> documents = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(60_001_018_000L);
    private int fatalBudget;

    ReportEngine(SimWorld world, Clock clock, Supplier<String> baseUrl) {
        this.world = world;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    synchronized String create(String sellerId, String reportType, List<String> marketplaceIds, Instant from, Instant to) {
        String id = Long.toString(ids.incrementAndGet());
        Report r = new Report(id, sellerId, reportType, List.copyOf(marketplaceIds), from, to, clock.instant());
        if (fatalBudget > 0 || world.fatalReportTypes.contains(reportType)) {
            fatalBudget = Math.max(0, fatalBudget - 1);
            r.fatal = true;
        }
        reports.put(id, r);
        return id;
    }

    synchronized void failNextReports(int count) {
        fatalBudget += count;
    }

    /** The report as getReport shows it; empty when unknown or another seller's. */
    synchronized Optional<ObjectNode> get(String reportId, String sellerId) {
        processDue();
        Report r = reports.get(reportId);
        if (r == null || !r.sellerId.equals(sellerId)) {
            return Optional.empty();
        }
        ObjectNode n = F.objectNode();
        ArrayNode markets = n.putArray("marketplaceIds");
        r.marketplaceIds.forEach(markets::add);
        n.put("reportId", r.id);
        n.put("reportType", r.reportType);
        n.put("dataStartTime", r.from.toString());
        n.put("dataEndTime", r.to.toString());
        n.put("createdTime", r.created.toString());
        String status = status(r);
        n.put("processingStatus", status);
        if (!status.equals("IN_QUEUE")) {
            n.put("processingStartTime", r.created.plus(delay().dividedBy(2)).toString());
        }
        if (r.terminalStatus != null) {
            n.put("processingEndTime", r.created.plus(delay()).toString());
        }
        if (r.documentId != null) {
            n.put("reportDocumentId", r.documentId);
        }
        return Optional.of(n);
    }

    synchronized Optional<ObjectNode> document(String documentId) {
        Document d = documents.get(documentId);
        if (d == null) {
            return Optional.empty();
        }
        ObjectNode n = F.objectNode();
        n.put("reportDocumentId", documentId);
        n.put("url", FeedEngine.documentUrl(baseUrl.get(), "download", documentId));
        if (d.gzip()) {
            n.put("compressionAlgorithm", "GZIP");
        }
        return Optional.of(n);
    }

    synchronized Optional<byte[]> download(String documentId) {
        return Optional.ofNullable(documents.get(documentId)).map(d -> d.content().clone());
    }

    /** Finishes every report whose processing delay has passed on the clock. */
    synchronized void processDue() {
        Instant now = clock.instant();
        for (Report r : reports.values()) {
            if (r.terminalStatus != null || now.isBefore(r.created.plus(delay()))) {
                continue;
            }
            if (r.fatal) {
                r.terminalStatus = "FATAL";
                continue;
            }
            List<String> rows = rows(r, r.created.plus(delay()));
            if (rows.isEmpty()) {
                r.terminalStatus = "CANCELLED";
                continue;
            }
            byte[] tsv = (String.join("\t", COLUMNS) + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
            String docId = "amzn1.spdoc.1.4.eu." + UUID.randomUUID() + ".T" + r.id;
            documents.put(docId, new Document(world.compressReportDocuments ? FeedEngine.gzip(tsv) : tsv, world.compressReportDocuments));
            r.documentId = docId;
            r.terminalStatus = "DONE";
        }
    }

    private String status(Report r) {
        if (r.terminalStatus != null) {
            return r.terminalStatus;
        }
        return Duration.between(r.created, clock.instant()).compareTo(delay().dividedBy(2)) < 0 ? "IN_QUEUE" : "IN_PROGRESS";
    }

    private Duration delay() {
        return world.reportProcessingDelay;
    }

    /** One line per item of each FBA shipment of the seller's Amazon-channel FBA orders shipped in the range. */
    private List<String> rows(Report r, Instant generatedAt) {
        List<String> rows = new ArrayList<>();
        for (ObjectNode o : world.orders.values()) {
            boolean visible = !o.hasNonNull("sellerId") || o.get("sellerId").asText().equals(r.sellerId);
            if (!visible || !"AMAZON".equals(o.path("fulfilledBy").asText()) || !"AMAZON".equals(o.path("salesChannel").asText("AMAZON"))
                    || !r.marketplaceIds.contains(o.path("marketplaceId").asText())) {
                continue;
            }
            int n = 0;
            for (JsonNode s : o.path("fbaShipments")) {
                n++;
                Instant shipped = Instant.parse(s.get("shipmentDate").asText());
                if (shipped.isBefore(r.from) || shipped.isAfter(r.to) || shipped.isAfter(generatedAt)) {
                    continue;
                }
                String shipmentId = s.path("shipmentId").asText("D" + o.get("orderId").asText().replace("-", "").substring(6) + n);
                int line = 0;
                for (JsonNode item : o.path("items")) {
                    line++;
                    rows.add(row(o, s, item, shipmentId, line));
                }
            }
        }
        return rows;
    }

    private static String row(JsonNode o, JsonNode s, JsonNode item, String shipmentId, int line) {
        Map<String, String> v = new LinkedHashMap<>();
        int quantity = item.path("quantity").asInt(1);
        JsonNode buyer = o.path("buyer");
        JsonNode shipTo = o.path("shipTo");
        v.put("amazon-order-id", o.get("orderId").asText());
        v.put("merchant-order-id", o.path("merchantOrderId").asText(""));
        v.put("shipment-id", shipmentId);
        v.put("shipment-item-id", shipmentId + "-" + line);
        v.put("amazon-order-item-id", item.path("orderItemId").asText(""));
        v.put("purchase-date", time(o.path("purchaseDate")));
        v.put("payments-date", time(o.path("purchaseDate")));
        v.put("shipment-date", time(s.path("shipmentDate")));
        v.put("reporting-date", time(s.path("shipmentDate")));
        v.put("buyer-email", buyer.path("email").asText(""));
        v.put("buyer-name", buyer.path("name").asText(""));
        v.put("buyer-phone-number", buyer.path("phone").asText(""));
        v.put("sku", item.path("sku").asText(""));
        v.put("product-name", item.path("title").asText(""));
        v.put("quantity-shipped", Integer.toString(quantity));
        v.put("currency", o.path("currency").asText("EUR"));
        v.put("item-price", new BigDecimal(item.path("unitPrice").asText("0")).multiply(BigDecimal.valueOf(quantity)).toPlainString());
        v.put("ship-service-level", o.path("serviceLevel").asText("STANDARD").equals("STANDARD") ? "Standard" : "Expedited");
        v.put("recipient-name", shipTo.path("name").asText(""));
        v.put("ship-address-1", shipTo.path("addressLine1").asText(""));
        v.put("ship-address-2", shipTo.path("addressLine2").asText(""));
        v.put("ship-city", shipTo.path("city").asText(""));
        v.put("ship-state", shipTo.path("stateOrRegion").asText(""));
        v.put("ship-postal-code", shipTo.path("postalCode").asText(""));
        v.put("ship-country", shipTo.path("countryCode").asText(""));
        v.put("ship-phone-number", shipTo.path("phone").asText(""));
        v.put("carrier", s.path("carrier").asText(""));
        v.put("tracking-number", s.path("trackingNumber").asText(""));
        v.put("estimated-arrival-date", time(s.path("estimatedArrivalDate")));
        v.put("fulfillment-center-id", s.path("fulfillmentCenterId").asText(""));
        v.put("fulfillment-channel", "AFN");
        v.put("sales-channel", OrderRenderer.marketplaceName(o));
        List<String> cells = new ArrayList<>();
        for (String c : COLUMNS) {
            cells.add(v.getOrDefault(c, c.endsWith("-price") || c.endsWith("-tax") || c.endsWith("-discount") ? "0.00" : "")
                    .replaceAll("[\t\r\n]", " "));
        }
        return String.join("\t", cells);
    }

    private static String time(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull() ? "" : TIME.format(Instant.parse(v.asText()));
    }
}
