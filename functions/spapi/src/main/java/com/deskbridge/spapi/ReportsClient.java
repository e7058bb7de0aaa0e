package com.deskbridge.spapi;

import static com.deskbridge.spapi.Json.instant;
import static com.deskbridge.spapi.Json.text;
import static com.deskbridge.spapi.OrdersClient.encode;
import static com.deskbridge.spapi.OrdersClient.read;

import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Reports API 2021-06-30, for the one report a helpdesk needs: the FBA shipments report, the only documented source of
 * carrier and tracking number for Amazon-channel FBA orders (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). Reports are asynchronous:
 * createReport, poll getReport until DONE (bounded wait, injected {@link Sleeper}), getReportDocument, download
 * (GZIP undone), parse.
 *
 * <p>Amazon regenerates this near-real-time report at most every 30 minutes and createReport allows about one call
 * a minute, so {@link #fbaShipments} keeps the last report per seller and marketplace for {@link #REUSE_WINDOW} and
 * answers from it when it covers the asked range. The cache lives in this container's memory (one Lambda container,
 * lost on a cold start; acceptable: the worst case is one extra createReport). A report still processing when the
 * wait ran out is remembered too, so the next call resumes polling it instead of requesting another one. Calls for
 * the same seller and marketplace are serialised in this container, so concurrent tickets share one report.
 */
public final class ReportsClient {

    private static final Logger LOG = Logger.getLogger(ReportsClient.class.getName());
    private static final String BASE = "/reports/2021-06-30";

    /** How long a report is answered from memory: Amazon regenerates it at most every 30 min (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). */
    public static final Duration REUSE_WINDOW = Duration.ofMinutes(30);
    /** The longest data range one request may cover (about a month per request, https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). */
    public static final Duration MAX_RANGE = Duration.ofDays(30);

    /**
     * How getReport is polled: first wait, doubling up to {@code maxDelay}, giving up after {@code maxWait} in total.
     * The default gives up after 20 s so that an enrichment Lambda (30 s timeout) still writes the reason.
     */
    public record Polling(Duration firstDelay, Duration maxDelay, Duration maxWait) {
        public Polling {
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxWait.isNegative()) {
                throw new IllegalArgumentException("polling needs 0 < firstDelay <= maxDelay and maxWait >= 0");
            }
        }

        public static Polling defaults() {
            return new Polling(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
    }

    private record Cached(String reportId, Instant from, Instant to, Instant requestedAt, FbaShipmentsReport result) {}

    private final SpApiTransport transport;
    private final DocumentTransfer documents;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Polling polling;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ReportsClient(SpApiTransport transport, DocumentTransfer documents, Clock clock, Sleeper sleeper, Polling polling) {
        this.transport = transport;
        this.documents = documents;
        this.clock = clock;
        this.sleeper = sleeper;
        this.polling = Objects.requireNonNull(polling);
    }

    /** createReport; returns the report id. */
    public String createReport(SellerAccount seller, String reportType, List<String> marketplaceIds, Instant dataStartTime,
                               Instant dataEndTime) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("reportType", reportType);
        marketplaceIds.forEach(body.putArray("marketplaceIds")::add);
        if (dataStartTime != null) {
            body.put("dataStartTime", dataStartTime.toString());
        }
        if (dataEndTime != null) {
            body.put("dataEndTime", dataEndTime.toString());
        }
        HttpResponse<String> r = transport.call(seller, SpApiOperation.REPORTS_CREATE_REPORT, "POST", BASE + "/reports", body.toString());
        if (r.statusCode() / 100 != 2) {
            throw SpApiException.from(SpApiOperation.REPORTS_CREATE_REPORT, r);
        }
        return text(Json.parse(r.body()), "reportId")
                .orElseThrow(() -> new IllegalArgumentException("createReport response lacks reportId"));
    }

    public Optional<Report> getReport(SellerAccount seller, String reportId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.REPORTS_GET_REPORT, BASE + "/reports/" + encode(reportId));
        return read(r, SpApiOperation.REPORTS_GET_REPORT).map(ReportsClient::report);
    }

    public Optional<ReportDocument> getReportDocument(SellerAccount seller, String reportDocumentId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.REPORTS_GET_REPORT_DOCUMENT,
                BASE + "/documents/" + encode(reportDocumentId));
        return read(r, SpApiOperation.REPORTS_GET_REPORT_DOCUMENT).map(b -> new ReportDocument(required(b, "reportDocumentId"),
                URI.create(required(b, "url")), text(b, "compressionAlgorithm")));
    }

    /** The document's bytes from its pre-signed URL, GZIP already undone. */
    public byte[] download(ReportDocument document) {
        return documents.download(document.url(), document.gzip());
    }

    /**
     * Polls getReport until the report is DONE or CANCELLED (returned) or FATAL ({@link ReportUnavailableException}).
     * Gives up with {@link ReportUnavailableException.Reason#TIMED_OUT} after {@link Polling#maxWait()}.
     */
    public Report awaitReport(SellerAccount seller, String reportId) {
        Instant start = clock.instant();
        Duration delay = polling.firstDelay();
        while (true) {
            Report report = getReport(seller, reportId).orElseThrow(() -> new SpApiException(
                    SpApiOperation.REPORTS_GET_REPORT.id(), 404, null, "NotFound", "report " + reportId + " not found"));
            switch (report.processingStatus()) {
                case DONE, CANCELLED -> {
                    return report;
                }
                case FATAL -> throw new ReportUnavailableException(ReportUnavailableException.Reason.FATAL,
                        report.reportType(), reportId, Duration.between(start, clock.instant()));
                default -> {
                    // IN_QUEUE, IN_PROGRESS: wait
                }
            }
            Duration remaining = polling.maxWait().minus(Duration.between(start, clock.instant()));
            if (remaining.isNegative() || remaining.isZero()) {
                throw new ReportUnavailableException(ReportUnavailableException.Reason.TIMED_OUT, report.reportType(),
                        reportId, Duration.between(start, clock.instant()));
            }
            sleep(delay.compareTo(remaining) < 0 ? delay : remaining);
            delay = delay.multipliedBy(2).compareTo(polling.maxDelay()) > 0 ? polling.maxDelay() : delay.multipliedBy(2);
        }
    }

    /**
     * The FBA shipments report for {@code marketplaceId} covering at least {@code [from, to]} (at most
     * {@link #MAX_RANGE}): from memory when a report requested less than {@link #REUSE_WINDOW} ago covers the range up
     * to its request time (newer data cannot exist yet), otherwise requested, awaited, downloaded and parsed. The
     * answer may hold lines outside the range; callers pick their order with {@link FbaShipmentsReport#forOrder}.
     * A CANCELLED report (Amazon had no data) gives no lines.
     *
     * @throws ReportUnavailableException the report ended FATAL or was not ready within the polling budget
     */
    public FbaShipmentsReport fbaShipments(SellerAccount seller, String marketplaceId, Instant from, Instant to) {
        if (from.isAfter(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("FBA shipments report range must be 0.." + MAX_RANGE.toDays() + " days: " + from + ".." + to);
        }
        String key = seller.sellerId() + "|" + marketplaceId;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Instant now = clock.instant();
            Cached c = cache.get(key);
            if (c != null && covers(c, from, to, now)) {
                String id = c.reportId();
                if (c.result() != null) {
                    LOG.fine(() -> "FBA shipments report " + id + " reused for seller " + seller.sellerId());
                    return c.result();
                }
                LOG.info(() -> "resuming FBA shipments report " + id + " for seller " + seller.sellerId());
            } else {
                String id = createReport(seller, FbaShipmentsReport.REPORT_TYPE, List.of(marketplaceId), from, to);
                c = new Cached(id, from, to, now, null);
                cache.put(key, c);
            }
            Report report;
            try {
                report = awaitReport(seller, c.reportId());
            } catch (ReportUnavailableException e) {
                if (e.reason() == ReportUnavailableException.Reason.FATAL) {
                    cache.remove(key);
                }
                throw e;
            }
            List<FbaShipment> lines = List.of();
            if (report.processingStatus() == FeedProcessingStatus.DONE) {
                String documentId = report.reportDocumentId().orElseThrow(() -> new ReportUnavailableException(
                        ReportUnavailableException.Reason.FATAL, report.reportType(), report.reportId(), Duration.ZERO));
                ReportDocument document = getReportDocument(seller, documentId).orElseThrow(() -> new SpApiException(
                        SpApiOperation.REPORTS_GET_REPORT_DOCUMENT.id(), 404, null, "NotFound", "report document " + documentId + " not found"));
                lines = FbaShipmentsReport.parse(download(document));
            }
            FbaShipmentsReport result = new FbaShipmentsReport(c.reportId(), c.from(), c.to(), clock.instant(), lines);
            cache.put(key, new Cached(c.reportId(), c.from(), c.to(), c.requestedAt(), result));
            return result;
        }
    }

    private static boolean covers(Cached c, Instant from, Instant to, Instant now) {
        Instant needUntil = to.isBefore(c.requestedAt()) ? to : c.requestedAt();
        return now.isBefore(c.requestedAt().plus(REUSE_WINDOW)) && !c.from().isAfter(from) && !c.to().isBefore(needUntil);
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("sp-api reports", "interrupted while waiting for a report", e);
        }
    }

    static Report report(JsonNode r) {
        List<String> markets = new ArrayList<>();
        r.path("marketplaceIds").forEach(m -> markets.add(m.asText()));
        return new Report(required(r, "reportId"), Json.textOr(r, "reportType", ""), markets, instant(r, "dataStartTime"),
                instant(r, "dataEndTime"), instant(r, "createdTime"),
                FeedProcessingStatus.valueOf(required(r, "processingStatus").toUpperCase(Locale.ROOT)),
                instant(r, "processingStartTime"), instant(r, "processingEndTime"), text(r, "reportDocumentId"));
    }

    private static String required(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException("Reports API response lacks " + field));
    }
}
