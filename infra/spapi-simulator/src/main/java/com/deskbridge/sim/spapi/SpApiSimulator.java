package com.deskbridge.sim.spapi;

import com.deskbridge.sim.support.Faults;
import com.deskbridge.sim.support.SimServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Selling Partner API: one JDK HTTP server that speaks SP-API's wire formats for the operations
 * Deskbridge uses (Login with Amazon token endpoint, Orders v2026-01-01 and v0, Fulfillment Outbound
 * 2020-07-01, Feeds 2021-06-30 with pre-signed document URLs and asynchronous processing, Reports 2021-06-30 for the
 * FBA shipments report), including
 * Amazon's failure behaviour: 403 {@code Unauthorized} for a missing/invalid/expired
 * {@code x-amz-access-token}, 404 {@code NotFound}, 429 {@code QuotaExceeded} with
 * {@code x-amzn-RateLimit-Limit} when an operation is called beyond its documented rate and burst, and
 * injectable faults. Every response carries {@code x-amzn-RequestId}. The world comes from the JSON
 * fixture described in FIXTURE.md; time from the injected clock.
 */
public final class SpApiSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpApiSimulator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> ALL_INCLUDED_DATA = Set.of("BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION",
            "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS");

    /** An access token: a selling partner's, or grantless ({@code sellerId} null) for the grantless operations. */
    private record Grant(String sellerId, Instant expires) {}

    private record Route(String method, Pattern path, SimOperation operation) {}

    private static final List<Route> ROUTES = List.of(
            new Route("POST", Pattern.compile("/auth/o2/token"), SimOperation.LWA_TOKEN),
            new Route("GET", Pattern.compile("/orders/2026-01-01/orders/([^/]+)"), SimOperation.ORDERS_GET_ORDER),
            new Route("GET", Pattern.compile("/orders/v0/orders/([^/]+)"), SimOperation.ORDERS_V0_GET_ORDER),
            new Route("GET", Pattern.compile("/orders/v0/orders/([^/]+)/orderItems"), SimOperation.ORDERS_V0_GET_ORDER_ITEMS),
            new Route("GET", Pattern.compile("/fba/outbound/2020-07-01/fulfillmentOrders/([^/]+)"), SimOperation.FBA_GET_FULFILLMENT_ORDER),
            new Route("PUT", Pattern.compile("/fba/outbound/2020-07-01/fulfillmentOrders/([^/]+)/cancel"), SimOperation.FBA_CANCEL_FULFILLMENT_ORDER),
            new Route("GET", Pattern.compile("/fba/outbound/2020-07-01/tracking"), SimOperation.FBA_GET_PACKAGE_TRACKING_DETAILS),
            new Route("POST", Pattern.compile("/feeds/2021-06-30/documents"), SimOperation.FEEDS_CREATE_FEED_DOCUMENT),
            new Route("GET", Pattern.compile("/feeds/2021-06-30/documents/([^/]+)"), SimOperation.FEEDS_GET_FEED_DOCUMENT),
            new Route("POST", Pattern.compile("/feeds/2021-06-30/feeds"), SimOperation.FEEDS_CREATE_FEED),
            new Route("GET", Pattern.compile("/feeds/2021-06-30/feeds/([^/]+)"), SimOperation.FEEDS_GET_FEED),
            new Route("DELETE", Pattern.compile("/feeds/2021-06-30/feeds/([^/]+)"), SimOperation.FEEDS_CANCEL_FEED),
            new Route("POST", Pattern.compile("/reports/2021-06-30/reports"), SimOperation.REPORTS_CREATE_REPORT),
            new Route("GET", Pattern.compile("/reports/2021-06-30/reports/([^/]+)"), SimOperation.REPORTS_GET_REPORT),
            new Route("GET", Pattern.compile("/reports/2021-06-30/documents/([^/]+)"), SimOperation.REPORTS_GET_REPORT_DOCUMENT),
            new Route("GET", Pattern.compile("/solicitations/v1/orders/([^/]+)"), SimOperation.SOLICITATIONS_GET_ACTIONS),
            new Route("POST", Pattern.compile("/solicitations/v1/orders/([^/]+)/solicitations/productReviewAndSellerFeedback"),
                    SimOperation.SOLICITATIONS_CREATE_REVIEW),
            new Route("POST", Pattern.compile("/notifications/v1/destinations"), SimOperation.NOTIFICATIONS_CREATE_DESTINATION),
            new Route("GET", Pattern.compile("/notifications/v1/destinations"), SimOperation.NOTIFICATIONS_GET_DESTINATIONS),
            new Route("POST", Pattern.compile("/notifications/v1/subscriptions/([^/]+)"), SimOperation.NOTIFICATIONS_CREATE_SUBSCRIPTION),
            new Route("GET", Pattern.compile("/notifications/v1/subscriptions/([^/]+)"), SimOperation.NOTIFICATIONS_GET_SUBSCRIPTION),
            new Route("GET", Pattern.compile("/apps/authorize/consent"), SimOperation.CONSENT),
            new Route("PUT", Pattern.compile("/documents/upload/([^/]+)"), SimOperation.DOCUMENT_UPLOAD),
            new Route("GET", Pattern.compile("/documents/download/([^/]+)"), SimOperation.DOCUMENT_DOWNLOAD));

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService ticker;
    private final Clock clock;
    private final Solicitations solicitations = new Solicitations();
    private final SimWorld world;
    private final FeedEngine feeds;
    private final ReportEngine reports;
    private final SimRateLimiter limiter;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final Authorizations authorizations;
    private final NotificationSubscriptions notifications = new NotificationSubscriptions();

    static {
        // The JDK server otherwise writes headers and body in separate TCP segments and Nagle + delayed ACK add
        // ~40 ms to every response. Read once when the JDK's server classes initialise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private SpApiSimulator(int port, JsonNode worldJson, Clock clock, Consumer<String> notificationSink) throws IOException {
        this.clock = clock;
        this.world = new SimWorld(worldJson, clock.instant());
        this.limiter = new SimRateLimiter(clock);
        this.authorizations = new Authorizations(world, clock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.feeds = new FeedEngine(world, clock, notificationSink, this::baseUrl);
        this.reports = new ReportEngine(world, clock, this::baseUrl);
        world.faults.forEach(f -> injectFault(f.operation(), f.status(), f.count()));
        this.executor = Executors.newFixedThreadPool(16, SimServer.daemon("spapi-sim"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.ticker = Executors.newSingleThreadScheduledExecutor(SimServer.daemon("spapi-sim-feeds"));
        ticker.scheduleWithFixedDelay(this::processDueFeeds, 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a simulator on {@code port} (0 = any free port) on the loopback interface.
     *
     * @param world            the shared fixture (keys {@code spapi}, {@code orders}, {@code fulfillmentOrders}; others ignored)
     * @param notificationSink receives each notification as the SQS message body JSON Amazon sends
     */
    public static SpApiSimulator start(int port, JsonNode world, Clock clock, Consumer<String> notificationSink) {
        try {
            return new SpApiSimulator(port, world, clock, notificationSink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SP-API simulator on port " + port, e);
        }
    }

    /** Starts a simulator from a fixture file. */
    public static SpApiSimulator start(int port, Path worldFile, Clock clock, Consumer<String> notificationSink) {
        try {
            return start(port, JSON.readTree(Files.readAllBytes(worldFile)), clock, notificationSink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SP-API fixture " + worldFile, e);
        }
    }

    /** The SP-API base URL to use instead of {@code https://sellingpartnerapi-eu.amazon.com}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * The seller-app credentials this simulator accepts, as a seller's SP-API secret holds them ({@code client_id},
     * {@code client_secret}, {@code refresh_token}), in fixture order. Secret parts the fixture left out were made up
     * at start.
     */
    public java.util.List<java.util.Map<String, String>> credentials() {
        return world.credentials.stream().map(c -> java.util.Map.of("client_id", c.clientId(),
                "client_secret", c.clientSecret(), "refresh_token", c.refreshToken())).toList();
    }

    /** The credentials of one simulated Amazon seller account ({@code spapi.credentials[].sellerId}), as {@link #credentials()}. */
    public java.util.Optional<java.util.Map<String, String>> credentials(String amazonSellerId) {
        return world.credentials.stream().filter(c -> c.sellerId().equals(amazonSellerId)).findFirst()
                .map(c -> java.util.Map.of("client_id", c.clientId(), "client_secret", c.clientSecret(),
                        "refresh_token", c.refreshToken()));
    }

    /**
     * The Deskbridge application's LWA client ({@code client_id}, {@code client_secret}) and {@code application_id}:
     * what the onboarding API uses for the website authorization workflow and grantless calls.
     */
    public java.util.Map<String, String> applicationCredentials() {
        return java.util.Map.of("client_id", world.applicationClientId, "client_secret", world.applicationClientSecret,
                "application_id", world.applicationId);
    }

    /** Seller Central's consent URL (the simulator plays every region's Seller Central). */
    public String consentUrl() {
        return baseUrl() + "/apps/authorize/consent";
    }

    /**
     * Every notification subscription, as {@code {sellingPartnerId, notificationType, subscriptionId, destinationId,
     * payloadVersion, arn}} (also served at {@code GET /_simulator/subscriptions}, for black-box tests).
     */
    public java.util.List<ObjectNode> subscriptions() {
        synchronized (world) {
            return notifications.all();
        }
    }

    /** The Login with Amazon token endpoint to use instead of {@code https://api.amazon.com/auth/o2/token}. */

    public String lwaUrl() {
        return baseUrl() + "/auth/o2/token";
    }

    /** Requests received for an operation id such as {@code orders.getOrder} or {@code lwa.token} (rejected ones included). */
    public int callCount(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    /** Requests of an operation answered 429 because they exceeded the documented rate/burst. */
    public int throttledCount(String operation) {
        AtomicInteger n = throttled.get(operation);
        return n == null ? 0 : n.get();
    }

    /** The next {@code count} authorised calls of {@code operation} answer {@code status} in SP-API's error shape. */
    public void injectFault(String operation, int status, int count) {
        if (SimOperation.byId(operation).isEmpty()) {
            throw new IllegalArgumentException("unknown operation " + operation + "; known: "
                    + Arrays.stream(SimOperation.values()).map(o -> o.id).toList());
        }
        faults.inject(operation, status, count);
    }

    /** The next {@code count} feeds created end FATAL instead of DONE. */
    public void failNextFeeds(int count) {
        feeds.failNextFeeds(count);
    }

    /** The next {@code count} reports requested end FATAL instead of DONE. */
    public void failNextReports(int count) {
        reports.failNextReports(count);
    }

    /** Invalidates every access token issued so far (as a revoked authorisation would); callers get 403. */
    public void revokeAccessTokens() {
        grants.clear();
    }

    /** Finishes feeds and reports whose processing delay has passed on the clock (also runs every 200 ms and before reads). */
    public void processDueFeeds() {
        try {
            synchronized (world) {
                feeds.processDue();
                reports.processDue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "feed processing failed", e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String requestId = UUID.randomUUID().toString();
            ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
            byte[] body = readAll(ex.getRequestBody());
            pause();
            String path = ex.getRequestURI().getRawPath();
            if ("GET".equals(ex.getRequestMethod()) && "/_simulator/subscriptions".equals(path)) {
                ObjectNode r = F.objectNode();
                r.putArray("subscriptions").addAll(subscriptions());
                json(ex, 200, r);
                return;
            }
            Route route = null;
            Matcher matcher = null;
            boolean pathKnown = false;
            for (Route r : ROUTES) {
                Matcher m = r.path.matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (r.method.equals(ex.getRequestMethod())) {
                        route = r;
                        matcher = m;
                        break;
                    }
                }
            }
            if (route == null) {
                error(ex, pathKnown ? 405 : 404, pathKnown ? "MethodNotAllowed" : "NotFound",
                        pathKnown ? "Method not allowed." : "Resource not found.", "");
                return;
            }
            SimOperation op = route.operation;
            calls.computeIfAbsent(op.id, k -> new AtomicInteger()).incrementAndGet();
            String id = matcher.groupCount() > 0 ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
            switch (op) {
                case LWA_TOKEN -> token(ex, body);
                case CONSENT -> consent(ex);
                case DOCUMENT_UPLOAD, DOCUMENT_DOWNLOAD -> {
                    Optional<Integer> fault = nextFault(op.id);
                    if (fault.isPresent()) {
                        s3Error(ex, fault.get(), fault.get() >= 500 ? "InternalError" : "AccessDenied", "Injected fault.");
                    } else if (op == SimOperation.DOCUMENT_UPLOAD) {
                        upload(ex, id, body);
                    } else {
                        download(ex, id);
                    }
                }
                default -> api(ex, op, id, body);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failure on " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath(), e);
            error(ex, 500, "InternalFailure", "We encountered an internal error. Please try again.", "");
        }
    }

    private void api(HttpExchange ex, SimOperation op, String id, byte[] body) throws IOException {
        String token = ex.getRequestHeaders().getFirst("x-amz-access-token");
        Grant grant = token == null ? null : grants.get(token);
        if (grant != null && (grant.sellerId == null) != op.grantless()) {
            error(ex, 403, "Unauthorized", "Access to requested resource is denied.", op.grantless()
                    ? "This operation is grantless: call it with a client_credentials access token."
                    : "A grantless access token cannot call this operation.");
            return;
        }
        if (grant == null || !clock.instant().isBefore(grant.expires)) {
            String details = token == null ? "The request is missing the x-amz-access-token header."
                    : grant == null ? "The access token you provided is revoked, malformed or invalid."
                    : "The access token you provided has expired.";
            error(ex, 403, "Unauthorized", "Access to requested resource is denied.", details);
            return;
        }
        Optional<Integer> fault = nextFault(op.id);
        if (fault.isPresent()) {
            faultResponse(ex, op, fault.get());
            return;
        }
        ex.getResponseHeaders().set("x-amzn-RateLimit-Limit", rate(op));
        if (!limiter.tryAcquire(op.id + "|" + grant.sellerId, op.rate, op.burst)) {
            throttled.computeIfAbsent(op.id, k -> new AtomicInteger()).incrementAndGet();
            error(ex, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.", "");
            return;
        }
        synchronized (world) {
            dispatch(ex, op, id, body, grant.sellerId);
        }
    }

    private void dispatch(HttpExchange ex, SimOperation op, String id, byte[] body, String sellerId) throws IOException {
        Map<String, List<String>> query = query(ex);
        switch (op) {
            case ORDERS_GET_ORDER -> {
                Set<String> included = new LinkedHashSet<>();
                for (String v : query.getOrDefault("includedData", List.of())) {
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            included.add(part.trim());
                        }
                    }
                }
                if (!ALL_INCLUDED_DATA.containsAll(included)) {
                    error(ex, 400, "InvalidInput", "Invalid Input", "includedData contains an unknown value: " + included);
                    return;
                }
                withOrder(ex, id, sellerId, o -> OrderRenderer.v2026(o, included));
            }
            case ORDERS_V0_GET_ORDER -> withOrder(ex, id, sellerId, OrderRenderer::v0Order);
            case ORDERS_V0_GET_ORDER_ITEMS -> withOrder(ex, id, sellerId, OrderRenderer::v0Items);
            case FBA_GET_FULFILLMENT_ORDER -> {
                ObjectNode o = world.fulfillmentOrders.get(id);
                if (o == null || !visibleTo(o, sellerId)) {
                    notFound(ex, "Fulfillment order " + id + " not found.");
                } else {
                    json(ex, 200, McfRenderer.fulfillmentOrder(o));
                }
            }
            case FBA_CANCEL_FULFILLMENT_ORDER -> cancelFulfillmentOrder(ex, id, sellerId);
            case SOLICITATIONS_GET_ACTIONS, SOLICITATIONS_CREATE_REVIEW -> solicitation(ex, op, id, sellerId, query);
            case FBA_GET_PACKAGE_TRACKING_DETAILS -> {
                String packageNumber = query.getOrDefault("packageNumber", List.of("")).get(0);
                if (!packageNumber.matches("\\d{1,9}")) {
                    error(ex, 400, "InvalidInput", "Invalid packageNumber.", "packageNumber must be an integer");
                    return;
                }
                List<ObjectNode> visible = world.fulfillmentOrders.values().stream().filter(o -> visibleTo(o, sellerId)).toList();
                Optional<ObjectNode> t = McfRenderer.trackingDetails(visible, Integer.parseInt(packageNumber));
                if (t.isEmpty()) {
                    notFound(ex, "Package " + packageNumber + " not found.");
                } else {
                    json(ex, 200, t.get());
                }
            }
            case FEEDS_CREATE_FEED_DOCUMENT -> {
                JsonNode req = parse(body);
                if (req == null || !req.hasNonNull("contentType")) {
                    error(ex, 400, "InvalidInput", "Invalid input", "contentType is required");
                    return;
                }
                json(ex, 201, feeds.createDocument(req.get("contentType").asText()));
            }
            case FEEDS_GET_FEED_DOCUMENT -> {
                Optional<ObjectNode> d = feeds.getDocument(id);
                if (d.isEmpty()) {
                    notFound(ex, "Feed document " + id + " not found.");
                } else {
                    json(ex, 200, d.get());
                }
            }
            case FEEDS_CREATE_FEED -> createFeed(ex, body, sellerId);
            case REPORTS_CREATE_REPORT -> createReport(ex, body, sellerId);
            case REPORTS_GET_REPORT -> {
                Optional<ObjectNode> r = reports.get(id, sellerId);
                if (r.isEmpty()) {
                    notFound(ex, "Report " + id + " not found.");
                } else {
                    json(ex, 200, r.get());
                }
            }
            case REPORTS_GET_REPORT_DOCUMENT -> {
                Optional<ObjectNode> d = reports.document(id);
                if (d.isEmpty()) {
                    notFound(ex, "Report document " + id + " not found.");
                } else {
                    json(ex, 200, d.get());
                }
            }
            case FEEDS_GET_FEED -> {
                Optional<ObjectNode> f = feeds.getFeed(id);
                if (f.isEmpty()) {
                    notFound(ex, "Feed " + id + " not found.");
                } else {
                    json(ex, 200, f.get());
                }
            }
            case FEEDS_CANCEL_FEED -> {
                Optional<Boolean> cancelled = feeds.cancel(id);
                if (cancelled.isEmpty()) {
                    notFound(ex, "Feed " + id + " not found.");
                } else if (!cancelled.get()) {
                    error(ex, 400, "InvalidInput", "Invalid input", "Only feeds in IN_QUEUE can be cancelled.");
                } else {
                    send(ex, 200, "application/json", new byte[0]);
                }
            }
            case NOTIFICATIONS_CREATE_DESTINATION -> answer(ex, notifications.createDestination(parse(body)));
            case NOTIFICATIONS_GET_DESTINATIONS -> {
                ObjectNode r = F.objectNode();
                r.set("payload", notifications.destinations());
                json(ex, 200, r);
            }
            case NOTIFICATIONS_CREATE_SUBSCRIPTION -> answer(ex, notifications.createSubscription(sellerId, id, parse(body)));
            case NOTIFICATIONS_GET_SUBSCRIPTION -> {
                Optional<ObjectNode> sub = notifications.subscription(sellerId, id);
                if (sub.isEmpty()) {
                    notFound(ex, "No subscription of type " + id + " for this selling partner.");
                } else {
                    ObjectNode r = F.objectNode();
                    r.set("payload", sub.get());
                    json(ex, 200, r);
                }
            }
            default -> notFound(ex, "Resource not found.");
        }
    }

    private static void answer(HttpExchange ex, NotificationSubscriptions.Result result) throws IOException {
        if (result.payload() == null) {
            error(ex, result.status(), result.code(), result.message(), "");
        } else {
            ObjectNode r = F.objectNode();
            r.set("payload", result.payload());
            json(ex, result.status(), r);
        }
    }

    /**
     * Seller Central's consent page after the selling partner signed in and chose Confirm: redirects to the
     * application's redirect URI with {@code state}, {@code selling_partner_id} and {@code spapi_oauth_code}
     * (https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow, steps 5-6). Who is signed in is the
     * simulator-only parameter {@code selling_partner_id} (default {@code spapi.application.consentSellerId}). An
     * unknown {@code application_id} or a missing {@code state}/{@code redirect_uri} is Seller Central's error page (400).
     */
    private void consent(HttpExchange ex) throws IOException {
        Map<String, List<String>> q = query(ex);
        String applicationId = first(q, "application_id");
        String state = first(q, "state");
        String redirect = first(q, "redirect_uri");
        if (!world.applicationId.equals(applicationId) || state == null || state.isBlank() || redirect == null
                || !(redirect.startsWith("https://") || redirect.startsWith("http://"))) {
            send(ex, 400, "text/html; charset=UTF-8", ("<html><body><h1>We couldn't authorize this application</h1>"
                    + "<p>application_id, state and redirect_uri are required.</p></body></html>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String partner = Optional.ofNullable(first(q, "selling_partner_id")).orElse(world.consentSellerId);
        String code = authorizations.issue(partner, redirect);
        String location = redirect + (redirect.contains("?") ? "&" : "?")
                + "state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)
                + "&selling_partner_id=" + java.net.URLEncoder.encode(partner, StandardCharsets.UTF_8)
                + "&spapi_oauth_code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Location", location);
        send(ex, 302, "text/html; charset=UTF-8", new byte[0]);
    }

    private void createFeed(HttpExchange ex, byte[] body, String sellerId) throws IOException {
        JsonNode req = parse(body);
        if (req == null || !req.hasNonNull("feedType") || !req.path("marketplaceIds").isArray()
                || req.path("marketplaceIds").isEmpty() || !req.hasNonNull("inputFeedDocumentId")) {
            error(ex, 400, "InvalidInput", "Invalid input", "feedType, marketplaceIds and inputFeedDocumentId are required");
            return;
        }
        List<String> markets = new ArrayList<>();
        req.get("marketplaceIds").forEach(m -> markets.add(m.asText()));
        Optional<String> feedId = feeds.createFeed(sellerId, req.get("feedType").asText(), markets, req.get("inputFeedDocumentId").asText());
        if (feedId.isEmpty()) {
            error(ex, 400, "InvalidInput", "Invalid input", "inputFeedDocumentId is unknown or its content was never uploaded");
            return;
        }
        ObjectNode r = F.objectNode();
        r.put("feedId", feedId.get());
        json(ex, 202, r);
    }

    private void createReport(HttpExchange ex, byte[] body, String sellerId) throws IOException {
        JsonNode req = parse(body);
        if (req == null || !req.hasNonNull("reportType") || !req.path("marketplaceIds").isArray() || req.path("marketplaceIds").isEmpty()) {
            error(ex, 400, "InvalidInput", "Invalid input", "reportType and marketplaceIds are required");
            return;
        }
        String type = req.get("reportType").asText();
        if (!ReportEngine.SUPPORTED.contains(type)) {
            error(ex, 400, "InvalidInput", "Invalid input", "reportType " + type + " is not served by this simulator; supported: "
                    + ReportEngine.SUPPORTED);
            return;
        }
        Instant end;
        Instant start;
        try {
            end = req.hasNonNull("dataEndTime") ? SimTimes.resolve(req.get("dataEndTime").asText(), clock.instant()) : clock.instant();
            start = req.hasNonNull("dataStartTime") ? SimTimes.resolve(req.get("dataStartTime").asText(), clock.instant())
                    : end.minus(ReportEngine.MAX_RANGE);
        } catch (RuntimeException e) {
            error(ex, 400, "InvalidInput", "Invalid input", "dataStartTime/dataEndTime must be ISO 8601 date-times");
            return;
        }
        if (start.isAfter(end) || java.time.Duration.between(start, end).compareTo(ReportEngine.MAX_RANGE) > 0) {
            error(ex, 400, "InvalidInput", "Invalid input", "the data range must be at most " + ReportEngine.MAX_RANGE.toDays()
                    + " days and start before it ends");
            return;
        }
        List<String> markets = new ArrayList<>();
        req.get("marketplaceIds").forEach(m -> markets.add(m.asText()));
        ObjectNode r = F.objectNode();
        r.put("reportId", reports.create(sellerId, type, markets, start, end));
        json(ex, 202, r);
    }

    private void cancelFulfillmentOrder(HttpExchange ex, String id, String sellerId) throws IOException {
        ObjectNode o = world.fulfillmentOrders.get(id);
        if (o == null || !visibleTo(o, sellerId)) {
            notFound(ex, "Fulfillment order " + id + " not found.");
            return;
        }
        String status = o.path("status").asText("Received").toUpperCase(Locale.ROOT);
        if (status.equals("CANCELLED")) {
            json(ex, 200, F.objectNode());
        } else if (Set.of("NEW", "RECEIVED", "PLANNING").contains(status)) {
            o.put("status", "Cancelled");
            o.put("statusUpdatedDate", clock.instant().toString());
            json(ex, 200, F.objectNode());
        } else {
            error(ex, 400, "InvalidInput", "The fulfillment order cannot be cancelled in status " + o.path("status").asText() + ".", "");
        }
    }

    private interface Renderer {
        ObjectNode render(JsonNode order);
    }

    /** Solicitations API v1: the actions an order is eligible for, and the review request (Amazon's 403 refusals). */
    private void solicitation(HttpExchange ex, SimOperation op, String orderId, String sellerId,
                              Map<String, List<String>> query) throws IOException {
        String marketplaceId = first(query, "marketplaceIds");
        if (marketplaceId == null || marketplaceId.isBlank()) {
            error(ex, 400, "InvalidInput", "Missing required parameter marketplaceIds.", "");
            return;
        }
        ObjectNode o = world.orders.get(orderId);
        if (o == null || !visibleTo(o, sellerId) || !marketplaceId.equals(o.path("marketplaceId").asText())) {
            notFound(ex, "Order " + orderId + " not found.");
            return;
        }
        Optional<String> refusal = solicitations.refusal(o, clock.instant());
        if (op == SimOperation.SOLICITATIONS_GET_ACTIONS) {
            json(ex, 200, Solicitations.actions(orderId, marketplaceId, refusal.isEmpty()));
        } else if (refusal.isPresent()) {
            error(ex, 403, "Unauthorized", refusal.get(), "");
        } else {
            solicitations.record(orderId);
            json(ex, 201, JSON.createObjectNode());
        }
    }

    private void withOrder(HttpExchange ex, String orderId, String sellerId, Renderer renderer) throws IOException {
        ObjectNode o = world.orders.get(orderId);
        if (o == null || !visibleTo(o, sellerId)) {
            notFound(ex, "Order " + orderId + " not found.");
        } else {
            json(ex, 200, renderer.render(o));
        }
    }

    private static boolean visibleTo(JsonNode entry, String sellerId) {
        return !entry.hasNonNull("sellerId") || entry.get("sellerId").asText().equals(sellerId);
    }

    private void token(HttpExchange ex, byte[] body) throws IOException {
        Optional<Integer> fault = nextFault(SimOperation.LWA_TOKEN.id);
        if (fault.isPresent()) {
            int status = fault.get();
            lwaError(ex, status, status >= 500 ? "server_error" : status == 429 ? "slow_down" : "invalid_request", "Injected fault.");
            return;
        }
        Map<String, List<String>> form = SimServer.form(new String(body, StandardCharsets.UTF_8));
        String grantType = first(form, "grant_type");
        String clientId = first(form, "client_id");
        String clientSecret = first(form, "client_secret");
        Optional<String> expectedSecret = clientId == null ? Optional.empty() : world.clientSecret(clientId);
        if (expectedSecret.isEmpty() || !expectedSecret.get().equals(clientSecret)) {
            lwaError(ex, 401, "invalid_client", "Client authentication failed");
            return;
        }
        String refreshToken;
        String seller;
        switch (grantType == null ? "" : grantType) {
            case "refresh_token" -> {
                refreshToken = first(form, "refresh_token");
                seller = refreshToken == null ? null : authorizations.sellerOfRefreshToken(clientId, refreshToken).orElse(null);
                if (seller == null) {
                    lwaError(ex, 400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
                    return;
                }
            }
            case "authorization_code" -> {
                // https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow (step 7): only the
                // application's own client may exchange the code Seller Central sent to its redirect URI
                if (!world.applicationClientId.equals(clientId)) {
                    lwaError(ex, 401, "invalid_client", "Client authentication failed");
                    return;
                }
                Authorizations.Exchange exchange = authorizations.exchange(first(form, "code"), first(form, "redirect_uri"));
                if (!exchange.ok()) {
                    lwaError(ex, 400, exchange.error(), exchange.description());
                    return;
                }
                refreshToken = exchange.refreshToken();
                seller = exchange.sellingPartnerId();
            }
            case "client_credentials" -> {
                // grantless operations (https://developer-docs.amazon.com/sp-api/docs/grantless-operations)
                String scope = first(form, "scope");
                if (!"sellingpartnerapi::notifications".equals(scope) && !"sellingpartnerapi::client_credential:rotation".equals(scope)) {
                    lwaError(ex, 400, "invalid_scope", "The request has an invalid parameter : scope");
                    return;
                }
                refreshToken = null;
                seller = null;
            }
            default -> {
                lwaError(ex, 400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
                return;
            }
        }
        String accessToken = "Atza|" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        grants.put(accessToken, new Grant(seller, clock.instant().plus(world.tokenLifetime)));
        ObjectNode r = F.objectNode();
        r.put("access_token", accessToken);
        if (refreshToken != null) {
            r.put("refresh_token", refreshToken);
        }
        r.put("token_type", "bearer");
        r.put("expires_in", world.tokenLifetime.toSeconds());
        json(ex, 200, r);
    }

    private void upload(HttpExchange ex, String documentId, byte[] body) throws IOException {
        FeedEngine.UploadResult result;
        synchronized (world) {
            result = feeds.upload(documentId, ex.getRequestHeaders().getFirst("Content-Type"), body);
        }
        switch (result) {
            case STORED -> send(ex, 200, "application/xml", new byte[0]);
            case UNKNOWN -> s3Error(ex, 404, "NoSuchKey", "The specified key does not exist.");
            default -> s3Error(ex, 403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        }
    }

    private void download(HttpExchange ex, String documentId) throws IOException {
        Optional<byte[]> content;
        Optional<String> type;
        synchronized (world) {
            content = feeds.download(documentId);
            type = feeds.downloadContentType(documentId);
            if (content.isEmpty()) {
                content = reports.download(documentId);
                type = Optional.of("text/tab-separated-values; charset=UTF-8");
            }
        }
        if (content.isEmpty()) {
            s3Error(ex, 404, "NoSuchKey", "The specified key does not exist.");
        } else {
            send(ex, 200, type.orElse("application/octet-stream"), content.get());
        }
    }

    private Optional<Integer> nextFault(String operation) {
        return faults.next(operation);
    }

    private void faultResponse(HttpExchange ex, SimOperation op, int status) throws IOException {
        switch (status) {
            case 403 -> error(ex, 403, "Unauthorized", "Access to requested resource is denied.", "");
            case 404 -> notFound(ex, "Resource not found.");
            case 429 -> {
                ex.getResponseHeaders().set("x-amzn-RateLimit-Limit", rate(op));
                throttled.computeIfAbsent(op.id, k -> new AtomicInteger()).incrementAndGet();
                error(ex, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.", "");
            }
            case 503 -> error(ex, 503, "ServiceUnavailable", "Service temporarily unavailable.", "");
            default -> error(ex, status, status >= 500 ? "InternalFailure" : "InvalidInput", "Injected fault.", "");
        }
    }

    private static String rate(SimOperation op) {
        return op.rate == Math.rint(op.rate) ? String.valueOf((long) op.rate) : String.valueOf(op.rate);
    }

    private void pause() {
        long ms = world.latency.toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void notFound(HttpExchange ex, String message) throws IOException {
        error(ex, 404, "NotFound", message, "");
    }

    private static void error(HttpExchange ex, int status, String code, String message, String details) throws IOException {
        ObjectNode r = F.objectNode();
        ObjectNode e = r.putArray("errors").addObject();
        e.put("code", code);
        e.put("message", message);
        e.put("details", details);
        json(ex, status, r);
    }

    private static void lwaError(HttpExchange ex, int status, String error, String description) throws IOException {
        ObjectNode r = F.objectNode();
        r.put("error_description", description);
        r.put("error", error);
        json(ex, status, r);
    }

    private static void s3Error(HttpExchange ex, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + ex.getResponseHeaders().getFirst("x-amzn-RequestId") + "</RequestId></Error>";
        send(ex, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, List<String>> query(HttpExchange ex) {
        String raw = ex.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : SimServer.form(raw);
    }


    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }


    /** Runs the simulator stand-alone: {@code java ... SpApiSimulator <port> <fixture.json>}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8092;
        Path fixture = args.length > 1 ? Path.of(args[1]) : null;
        JsonNode world;
        try (InputStream in = fixture != null ? Files.newInputStream(fixture)
                : SpApiSimulator.class.getResourceAsStream("/demo-world-spapi.json")) {
            world = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SpApiSimulator sim = start(port, world, Clock.systemUTC(), body -> System.out.println("notification: " + body));
        System.out.println("SP-API simulator at " + sim.baseUrl() + " (LWA " + sim.lwaUrl() + ")");
        Thread.currentThread().join();
    }
}
