package com.deskbridge.sim.ebay;

import com.deskbridge.sim.support.DailyCallLimits;
import com.deskbridge.sim.support.SimServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local eBay at the wire level, for the calls Deskbridge makes (FIXTURE.md has the world and every operation id):
 * <ul>
 * <li>OAuth ({@code /identity/v1/oauth2/token}): the authorization code grant (with a consent stand-in at
 *     {@code /oauth2/authorize}) and the refresh token grant, HTTP Basic client authentication, eBay's OAuth error
 *     bodies ({@code invalid_client}, {@code invalid_grant}, {@code invalid_scope}, {@code unsupported_grant_type});</li>
 * <li>Message API v1 (getConversations, getConversation, sendMessage);</li>
 * <li>Fulfillment API v1 (getOrders, getOrder, getShippingFulfillments, issueRefund; refunds settle after
 *     {@code refundSettleDelay});</li>
 * <li>Post-Order API v2 cancellation (check_eligibility, create, get, approve), authorised with {@code IAF} tokens;</li>
 * <li>digital signatures (RFC 9421) required on issueRefund and cancellation create/approve for EU/UK-domiciled
 *     sellers;</li>
 * <li>daily call limits per application and API family, counted per calendar day in Pacific time, answered with 429
 *     and eBay's error 2001; expired or unknown tokens with 401 and error 1001; missing scopes with 403;</li>
 * <li>Trading API platform notifications ({@code MyMessagesM2MMessageHeader}, SOAP, signed with
 *     base64(MD5(Timestamp + DevID + AppID + CertID))) when a buyer writes.</li>
 * </ul>
 * REST errors use eBay's {@code {"errors":[{errorId, domain, category, message, longMessage}]}} shape, Post-Order errors
 * its {@code {"errorMessage":{"error":[...]}}} shape. Every response carries {@code x-ebay-c-request-id}. Time comes from the injected
 * clock.
 */
public final class EbaySimulator implements AutoCloseable {

    static final String SCOPE_BASE = "https://api.ebay.com/oauth/api_scope";
    static final String SCOPE_FULFILLMENT = SCOPE_BASE + "/sell.fulfillment";
    static final String SCOPE_FULFILLMENT_READONLY = SCOPE_BASE + "/sell.fulfillment.readonly";
    static final String SCOPE_FINANCES = SCOPE_BASE + "/sell.finances";
    static final String SCOPE_MESSAGE = SCOPE_BASE + "/commerce.message";
    static final String SCOPE_IDENTITY = SCOPE_BASE + "/commerce.identity.readonly";
    static final Set<String> REFUND_REASONS = Set.of("BUYER_CANCEL", "BUYER_RETURN", "ITEM_NOT_RECEIVED", "SELLER_WRONG_ITEM",
            "SELLER_OUT_OF_STOCK", "SELLER_FOUND_CHEAPER_PRICE", "OTHER");
    static final Set<String> SELLER_CANCEL_REASONS = Set.of("OUT_OF_STOCK_OR_CANNOT_FULFILL", "BUYER_ASKED_CANCEL", "ADDRESS_ISSUES");
    private static final Duration CANCEL_WINDOW = Duration.ofDays(30);
    private static final Pattern FILTER_RANGE = Pattern.compile("(creationdate|lastmodifieddate):\\[(.*?)\\.\\.(.*?)]");

    private record Grant(String sellerId, Instant expires, Set<String> scopes) {}

    private record Code(String sellerId, String redirectUri, Set<String> scopes, Instant expires) {}

    /** A platform notification as eBay would POST it: the SOAP envelope. */
    public record PlatformNotification(String eventName, String recipientUserId, String soapBody) {}

    private enum Api { MESSAGE, FULFILLMENT, POST_ORDER, IDENTITY }

    private final Clock clock;
    private final EbayWorld world;
    private final SimServer server;
    private final DailyCallLimits limits;
    private final Consumer<PlatformNotification> notifications;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Integer> throttled = new ConcurrentHashMap<>();

    private EbaySimulator(int port, JsonNode worldJson, Clock clock, Consumer<PlatformNotification> notifications) {
        this.clock = clock;
        this.world = new EbayWorld(worldJson, clock.instant());
        this.notifications = notifications;
        this.limits = new DailyCallLimits(clock, ZoneId.of("America/Los_Angeles"));
        List<SimServer.Route> routes = List.of(
                route("POST", "/identity/v1/oauth2/token", "oauth.token", (ex, m) -> token(ex)),
                route("GET", "/oauth2/authorize", "oauth.authorize", (ex, m) -> authorize(ex)),
                api("GET", "/commerce/message/v1/conversation", "message.getConversations", Api.MESSAGE, SCOPE_MESSAGE,
                        (ex, m, s) -> getConversations(ex, s)),
                api("GET", "/commerce/message/v1/conversation/([^/]+)", "message.getConversation", Api.MESSAGE, SCOPE_MESSAGE,
                        (ex, m, s) -> getConversation(ex, m.group(1), s)),
                api("POST", "/commerce/message/v1/send_message", "message.sendMessage", Api.MESSAGE, SCOPE_MESSAGE,
                        (ex, m, s) -> sendMessage(ex, s)),
                api("GET", "/sell/fulfillment/v1/order", "fulfillment.getOrders", Api.FULFILLMENT, SCOPE_FULFILLMENT,
                        (ex, m, s) -> getOrders(ex, s)),
                api("GET", "/sell/fulfillment/v1/order/([^/]+)", "fulfillment.getOrder", Api.FULFILLMENT, SCOPE_FULFILLMENT,
                        (ex, m, s) -> withOrder(ex, m.group(1), s, Api.FULFILLMENT, o -> {
                            o.reads++;
                            ex.json(200, EbayRenderer.order(o, s.username, clock.instant()));
                        })),
                api("GET", "/sell/fulfillment/v1/order/([^/]+)/shipping_fulfillment", "fulfillment.getShippingFulfillments",
                        Api.FULFILLMENT, SCOPE_FULFILLMENT, (ex, m, s) -> withOrder(ex, m.group(1), s, Api.FULFILLMENT,
                                o -> ex.json(200, EbayRenderer.shippingFulfillments(o)))),
                api("POST", "/sell/fulfillment/v1/order/([^/]+)/issue_refund", "fulfillment.issueRefund", Api.FULFILLMENT,
                        SCOPE_FINANCES, (ex, m, s) -> issueRefund(ex, m.group(1), s)),
                api("POST", "/post-order/v2/cancellation/check_eligibility", "postorder.checkEligibility", Api.POST_ORDER,
                        SCOPE_BASE, (ex, m, s) -> checkEligibility(ex, s)),
                api("POST", "/post-order/v2/cancellation", "postorder.createCancellation", Api.POST_ORDER, SCOPE_BASE,
                        (ex, m, s) -> createCancellation(ex, s)),
                api("GET", "/post-order/v2/cancellation/([^/]+)", "postorder.getCancellation", Api.POST_ORDER, SCOPE_BASE,
                        (ex, m, s) -> getCancellation(ex, m.group(1), s)),
                api("POST", "/post-order/v2/cancellation/([^/]+)/approve", "postorder.approveCancellation", Api.POST_ORDER,
                        SCOPE_BASE, (ex, m, s) -> approveCancellation(ex, m.group(1), s)),
                api("GET", "/commerce/identity/v1/user/?", "identity.getUser", Api.IDENTITY, SCOPE_IDENTITY,
                        (ex, m, s) -> getUser(ex, s)));
        this.server = new SimServer("ebay-sim", port, "x-ebay-c-request-id", world.latency, routes,
                (ex, m) -> restError(ex, 404, 2002, "API_ROUTING", "REQUEST", "Resource not found", "No resource at " + ex.path()));
        world.faults.forEach(f -> server.injectFault(f.operation(), f.status(), f.count()));
    }

    /**
     * Starts a simulator on {@code port} (0 = any free port) on the loopback interface.
     *
     * @param notifications receives each platform notification eBay would POST to the application's URL
     */
    public static EbaySimulator start(int port, JsonNode world, Clock clock, Consumer<PlatformNotification> notifications) {
        return new EbaySimulator(port, world, clock, notifications);
    }

    /** The eBay demo world (FIXTURE.md). */
    public static JsonNode demoWorld() {
        try (InputStream in = EbaySimulator.class.getResourceAsStream("/demo-world-ebay.json")) {
            return SimServer.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL that stands for {@code https://api.ebay.com} and {@code https://auth.ebay.com}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * A seller's secret as Deskbridge stores it: {@code client_id}, {@code client_secret}, {@code refresh_token},
     * {@code signing_jwe}, {@code signing_algorithm} and, when the simulator made the key up, {@code signing_private_key}
     * (PKCS#8, base64).
     */
    public Map<String, String> credentials(String sellerId) {
        EbayWorld.Seller s = seller(sellerId);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("client_id", world.application.clientId());
        out.put("client_secret", world.application.clientSecret());
        out.put("refresh_token", s.refreshToken);
        out.put("signing_jwe", s.signingJwe);
        out.put("signing_algorithm", s.signingAlgorithm);
        if (s.signingPrivateKeyBase64 != null) {
            out.put("signing_private_key", s.signingPrivateKeyBase64);
        }
        return out;
    }

    /** The application's Dev ID (with the client id and secret, what platform notifications are signed with). */
    public String devId() {
        return world.application.devId();
    }

    /** The RuName (redirect URL name) the consent stand-in accepts as {@code redirect_uri}. */
    public String ruName() {
        return world.application.ruName();
    }

    public int callCount(String operation) {
        return server.callCount(operation);
    }

    /** Calls of {@code operation} refused with 429 because the day's call limit was used up. */
    public int throttledCount(String operation) {
        return throttled.getOrDefault(operation, 0);
    }

    /** The next {@code count} authorised calls of {@code operation} answer {@code status} in the API's error shape. */
    public void injectFault(String operation, int status, int count) {
        server.injectFault(operation, status, count);
    }

    /** Sets the application's daily limit of an API family ({@code commerce.message}, {@code sell.fulfillment}, ...). */
    public void setCallLimit(String family, long perDay) {
        synchronized (world) {
            world.callLimits.put(family, perDay);
        }
    }

    /** Invalidates every access token issued so far; callers get 401 until they refresh. */
    public void expireAccessTokens() {
        grants.clear();
    }

    /** The seller revoked Deskbridge's access: the refresh token stops working ({@code invalid_grant}). */
    public void revokeAuthorization(String sellerId) {
        synchronized (world) {
            seller(sellerId).refreshToken = "revoked-" + UUID.randomUUID();
        }
        grants.values().removeIf(g -> g.sellerId.equals(sellerId));
    }

    /**
     * A buyer writes in an existing conversation now; the platform notification is sent.
     *
     * @return the new message's id
     */
    public String buyerWrites(String conversationId, String body) {
        EbayWorld.Conversation c;
        EbayWorld.Message m;
        synchronized (world) {
            c = world.conversations.get(conversationId);
            if (c == null) {
                throw new IllegalArgumentException("no conversation " + conversationId);
            }
            m = new EbayWorld.Message("m-" + UUID.randomUUID().toString().substring(0, 12), true, c.title, body,
                    clock.instant(), List.of());
            c.messages.add(m);
        }
        notifyMessage(c, m);
        return m.messageId();
    }

    /** A buyer starts a new conversation about a listing now; the platform notification is sent. */
    public String buyerStartsConversation(String sellerId, String buyerUsername, String itemId, String title, String body) {
        EbayWorld.Conversation c;
        EbayWorld.Message m;
        synchronized (world) {
            seller(sellerId);
            c = new EbayWorld.Conversation("c-" + UUID.randomUUID().toString().substring(0, 12), sellerId, buyerUsername, itemId,
                    title, clock.instant());
            m = new EbayWorld.Message("m-" + UUID.randomUUID().toString().substring(0, 12), true, title, body, clock.instant(), List.of());
            c.messages.add(m);
            world.conversations.put(c.conversationId, c);
        }
        notifyMessage(c, m);
        return c.conversationId;
    }

    /** The texts the seller sent in a conversation (for tests), oldest first. */
    public List<String> sellerMessages(String conversationId) {
        synchronized (world) {
            EbayWorld.Conversation c = world.conversations.get(conversationId);
            return c == null ? List.of() : c.messages.stream().filter(m -> !m.fromBuyer()).map(EbayWorld.Message::body).toList();
        }
    }

    /** Refund amounts of an order (order-level and per line), oldest first. */
    public List<BigDecimal> refunds(String orderId) {
        synchronized (world) {
            EbayWorld.Order o = world.orders.get(orderId);
            return o == null ? List.of() : o.allRefunds().stream().map(r -> r.amount).toList();
        }
    }

    public boolean cancelled(String orderId) {
        synchronized (world) {
            EbayWorld.Order o = world.orders.get(orderId);
            return o != null && o.cancelled();
        }
    }

    /** Refunds of this order fail when they would settle (the buyer's payment method refused them). */
    public void failRefunds(String orderId) {
        synchronized (world) {
            world.orders.get(orderId).allRefunds().forEach(r -> r.failed = true);
        }
    }

    /**
     * The order's PENDING refunds settle now (eBay's payment processor finished): the next read shows them REFUNDED.
     * For orders whose fixture holds refunds PENDING ({@code refundSettleDelay} of the order).
     */
    public void settleRefunds(String orderId) {
        synchronized (world) {
            Instant now = clock.instant();
            world.orders.get(orderId).allRefunds().stream().filter(r -> r.settlesAt.isAfter(now)).forEach(r -> r.settlesAt = now);
        }
    }

    /** How often the order was read with getOrder (by anyone holding the seller's token). */
    public int orderReads(String orderId) {
        synchronized (world) {
            EbayWorld.Order o = world.orders.get(orderId);
            return o == null ? 0 : o.reads;
        }
    }

    private Duration settleDelay(EbayWorld.Order o) {
        return o.refundSettleDelay != null ? o.refundSettleDelay : world.refundSettleDelay;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- OAuth -------------------------------------------------------------------------------------------------

    private void authorize(SimServer.Exchange ex) throws IOException {
        String clientId = ex.query("client_id").orElse("");
        String redirect = ex.query("redirect_uri").orElse("");
        String state = ex.query("state").orElse(null);
        if (!clientId.equals(world.application.clientId()) || !redirect.equals(world.application.ruName())
                || !"code".equals(ex.query("response_type").orElse(""))) {
            oauthError(ex, 400, "invalid_request", "client_id, redirect_uri (the RuName) and response_type=code are required");
            return;
        }
        // the stand-in for eBay's sign-in and consent page: the fixture's seller named by sim_user (or the first) agrees
        String user = ex.query("sim_user").orElse(null);
        Optional<EbayWorld.Seller> seller;
        synchronized (world) {
            seller = user == null ? world.sellers.values().stream().findFirst() : world.sellerByUsername(user);
        }
        if (seller.isEmpty()) {
            oauthError(ex, 400, "invalid_request", "unknown user");
            return;
        }
        Set<String> scopes = Set.of(ex.query("scope").orElse(SCOPE_BASE).split(" "));
        String code = "v^1.1#i^1#c^" + UUID.randomUUID();
        codes.put(code, new Code(seller.get().sellerId, redirect, scopes, clock.instant().plus(Duration.ofMinutes(5))));
        String location = "https://deskbridge.invalid/ebay/consent?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&expires_in=299" + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        ex.setHeader("Location", location);
        ex.send(302, "text/plain", new byte[0]);
    }

    private void token(SimServer.Exchange ex) throws IOException {
        Optional<Integer> fault = server.nextFault("oauth.token");
        if (fault.isPresent()) {
            oauthError(ex, fault.get(), fault.get() >= 500 ? "server_error" : "temporarily_unavailable", "Injected fault.");
            return;
        }
        String auth = ex.header("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((world.application.clientId() + ":"
                + world.application.clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (auth == null || !auth.equals(expected)) {
            oauthError(ex, 401, "invalid_client", "client authentication failed");
            return;
        }
        String contentType = ex.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            oauthError(ex, 400, "invalid_request", "request body must be application/x-www-form-urlencoded");
            return;
        }
        Map<String, List<String>> form = SimServer.form(ex.bodyText());
        String grantType = first(form, "grant_type");
        synchronized (world) {
            if (!limits.tryCall(world.application.clientId() + "|oauth." + grantType,
                    world.callLimits.getOrDefault("oauth." + grantType, 10_000L))) {
                oauthError(ex, 429, "rate_limit_exceeded", "the application exceeded its daily token requests");
                return;
            }
            if ("refresh_token".equals(grantType)) {
                Optional<EbayWorld.Seller> seller = world.sellerByRefreshToken(first(form, "refresh_token"));
                if (seller.isEmpty()) {
                    oauthError(ex, 400, "invalid_grant", "the provided authorization refresh token is invalid or was issued to another client");
                    return;
                }
                Set<String> scopes = scopes(form, seller.get().scopes);
                if (!seller.get().scopes.containsAll(scopes)) {
                    oauthError(ex, 400, "invalid_scope", "the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client");
                    return;
                }
                ObjectNode r = accessToken(seller.get().sellerId, scopes);
                ex.json(200, r);
            } else if ("authorization_code".equals(grantType)) {
                Code code = codes.remove(first(form, "code") == null ? "" : first(form, "code"));
                if (code == null || clock.instant().isAfter(code.expires) || !code.redirectUri.equals(first(form, "redirect_uri"))) {
                    oauthError(ex, 400, "invalid_grant", "the provided authorization grant code is invalid or was issued to another client");
                    return;
                }
                EbayWorld.Seller seller = seller(code.sellerId);
                ObjectNode r = accessToken(seller.sellerId, code.scopes);
                r.put("refresh_token", seller.refreshToken);
                r.put("refresh_token_expires_in", 47_304_000);
                ex.json(200, r);
            } else {
                oauthError(ex, 400, "unsupported_grant_type", "grant type in request is not supported by the authorization server");
            }
        }
    }

    private ObjectNode accessToken(String sellerId, Set<String> scopes) {
        String token = "v^1.1#i^1#p^3#I^3#r^0#f^0#t^" + Base64.getEncoder().encodeToString(
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        grants.put(token, new Grant(sellerId, clock.instant().plus(world.tokenLifetime), Set.copyOf(scopes)));
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("access_token", token);
        r.put("expires_in", world.tokenLifetime.toSeconds());
        r.put("token_type", "User Access Token");
        return r;
    }

    private static Set<String> scopes(Map<String, List<String>> form, List<String> granted) {
        String scope = first(form, "scope");
        return scope == null || scope.isBlank() ? Set.copyOf(granted) : Set.of(scope.trim().split("\\s+"));
    }

    // ---- authorised APIs ---------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface ApiHandler {
        void handle(SimServer.Exchange ex, Matcher path, EbayWorld.Seller seller) throws IOException;
    }

    private SimServer.Route api(String method, String path, String operation, Api api, String scope, ApiHandler handler) {
        return route(method, path, operation, (ex, m) -> authorised(ex, m, operation, api, scope, handler));
    }

    private static SimServer.Route route(String method, String path, String operation, SimServer.Handler handler) {
        return new SimServer.Route(method, Pattern.compile(path), operation, handler);
    }

    private void authorised(SimServer.Exchange ex, Matcher m, String operation, Api api, String scope, ApiHandler handler)
            throws IOException {
        String auth = ex.header("Authorization");
        String scheme = api == Api.POST_ORDER ? "IAF " : "Bearer ";
        Grant grant = auth == null || !auth.startsWith(scheme) ? null : grants.get(auth.substring(scheme.length()).trim());
        if (grant == null || !clock.instant().isBefore(grant.expires)) {
            error(ex, api, 401, 1001, "OAuth", "REQUEST", "Invalid access token",
                    "Invalid access token. Check the value of the Authorization HTTP request header"
                            + (api == Api.POST_ORDER ? " (IAF followed by the OAuth user token)." : "."));
            return;
        }
        boolean scoped = grant.scopes.contains(scope)
                || (scope.equals(SCOPE_FULFILLMENT) && ex.method().equals("GET") && grant.scopes.contains(SCOPE_FULFILLMENT_READONLY));
        if (!scoped) {
            error(ex, api, 403, 1100, "ACCESS", "REQUEST", "Access denied", "Insufficient permissions to fulfill the request.");
            return;
        }
        if (api == Api.POST_ORDER && ex.header("X-EBAY-C-MARKETPLACE-ID") == null) {
            error(ex, api, 400, 1001, "CANCEL", "REQUEST", "X-EBAY-C-MARKETPLACE-ID header is required", "");
            return;
        }
        Optional<Integer> fault = server.nextFault(operation);
        if (fault.isPresent()) {
            int status = fault.get();
            if (status == 200) {
                // a response cut off in transit: 200 with a body that is not JSON
                ex.send(200, "application/json", "{\"orderId\": \"12-345".getBytes(StandardCharsets.UTF_8));
            } else if (status == 429) {
                throttled.merge(operation, 1, Integer::sum);
                error(ex, api, 429, 2001, "ACCESS", "REQUEST", "Too many requests. The request limit has been reached for the resource.", "");
            } else if (status >= 500) {
                error(ex, api, status, 2003, "ACCESS", "APPLICATION", "Internal error", "There was a problem with an eBay "
                        + "internal system or process. Contact eBay developer support for assistance.");
            } else {
                error(ex, api, status, 2004, "ACCESS", "REQUEST", "Injected fault", "");
            }
            return;
        }
        synchronized (world) {
            String family = switch (api) {
                case MESSAGE -> "commerce.message";
                case FULFILLMENT -> "sell.fulfillment";
                case POST_ORDER -> "post-order";
                case IDENTITY -> "commerce.identity";
            };
            if (!limits.tryCall(world.application.clientId() + "|" + family, world.callLimits.getOrDefault(family, Long.MAX_VALUE))) {
                throttled.merge(operation, 1, Integer::sum);
                error(ex, api, 429, 2001, "ACCESS", "REQUEST", "Too many requests. The request limit has been reached for the resource.",
                        "The application used up its daily call limit of the " + family + " API; it resets at midnight Pacific time.");
                return;
            }
            handler.handle(ex, m, seller(grant.sellerId));
        }
    }

    // ---- Identity API ------------------------------------------------------------------------------------------

    private void getUser(SimServer.Exchange ex, EbayWorld.Seller s) throws IOException {
        ObjectNode u = SimServer.JSON.createObjectNode();
        u.put("userId", "u-" + Integer.toHexString(s.username.hashCode()));
        u.put("username", s.username);
        u.put("accountType", "BUSINESS");
        u.put("registrationMarketplaceId", s.marketplaceId);
        u.put("status", "CONFIRMED");
        ex.json(200, u);
    }

    // ---- Message API -------------------------------------------------------------------------------------------

    private void getConversations(SimServer.Exchange ex, EbayWorld.Seller s) throws IOException {
        if (!conversationType(ex)) {
            return;
        }
        Optional<int[]> page = paging(ex, 25, 50);
        if (page.isEmpty()) {
            return;
        }
        Instant start;
        Instant end;
        try {
            start = ex.query("start_time").map(Instant::parse).orElse(Instant.MIN);
            end = ex.query("end_time").map(Instant::parse).orElse(Instant.MAX);
        } catch (DateTimeParseException e) {
            restError(ex, 400, 355003, "API_MESSAGE", "REQUEST", "Invalid start_time or end_time", "Use ISO 8601 UTC, e.g. 2026-11-06T10:00:00.000Z");
            return;
        }
        String status = ex.query("conversation_status").orElse(null);
        String other = ex.query("other_party_username").orElse(null);
        String ref = ex.query("reference_id").orElse(null);
        List<EbayWorld.Conversation> matching = world.conversations.values().stream()
                .filter(c -> c.sellerId.equals(s.sellerId))
                .filter(c -> status == null || c.status.equals(status))
                .filter(c -> other == null || c.buyerUsername.equalsIgnoreCase(other))
                .filter(c -> ref == null || ref.equals(c.itemId))
                .filter(c -> c.messages.stream().anyMatch(msg -> !msg.createdDate().isBefore(start) && !msg.createdDate().isAfter(end)))
                .sorted(Comparator.comparing((EbayWorld.Conversation c) -> c.latest().createdDate()).reversed())
                .toList();
        int limit = page.get()[0];
        int offset = page.get()[1];
        List<ObjectNode> items = matching.stream().skip(offset).limit(limit)
                .map(c -> EbayRenderer.conversation(c, s.username)).toList();
        ex.json(200, EbayRenderer.page(href(ex), limit, offset, matching.size(),
                offset + limit < matching.size() ? nextHref(ex, offset + limit) : null, "conversations", items));
    }

    private void getConversation(SimServer.Exchange ex, String id, EbayWorld.Seller s) throws IOException {
        if (!conversationType(ex)) {
            return;
        }
        Optional<int[]> page = paging(ex, 25, 50);
        if (page.isEmpty()) {
            return;
        }
        EbayWorld.Conversation c = world.conversations.get(id);
        if (c == null || !c.sellerId.equals(s.sellerId)) {
            restError(ex, 404, 355020, "API_MESSAGE", "REQUEST", "Conversation not found", "No conversation " + id);
            return;
        }
        List<EbayWorld.Message> newestFirst = c.messages.stream()
                .sorted(Comparator.comparing(EbayWorld.Message::createdDate).reversed()).toList();
        int limit = page.get()[0];
        int offset = page.get()[1];
        List<ObjectNode> items = newestFirst.stream().skip(offset).limit(limit).map(msg -> EbayRenderer.message(msg, c, s.username)).toList();
        ObjectNode body = EbayRenderer.page(href(ex), limit, offset, newestFirst.size(),
                offset + limit < newestFirst.size() ? nextHref(ex, offset + limit) : null, "messages", items);
        body.put("conversationStatus", c.status);
        body.put("conversationTitle", c.title);
        body.put("conversationType", "FROM_MEMBERS");
        ex.json(200, body);
    }

    private void sendMessage(SimServer.Exchange ex, EbayWorld.Seller s) throws IOException {
        JsonNode req = ex.json().orElse(null);
        if (req == null || !req.isObject()) {
            restError(ex, 400, 355010, "API_MESSAGE", "REQUEST", "Invalid request", "The request body must be a SendMessageRequest");
            return;
        }
        String text = req.path("messageText").asText("");
        if (text.isBlank()) {
            restError(ex, 400, 355011, "API_MESSAGE", "REQUEST", "messageText is required", "");
            return;
        }
        if (text.length() > 2000) {
            restError(ex, 400, 355012, "API_MESSAGE", "REQUEST", "messageText is too long", "Max length: 2000 characters");
            return;
        }
        if (req.path("messageMedia").size() > 5) {
            restError(ex, 400, 355013, "API_MESSAGE", "REQUEST", "Too many media", "Up to five media per message");
            return;
        }
        EbayWorld.Conversation c;
        String conversationId = req.path("conversationId").asText(null);
        if (conversationId != null) {
            c = world.conversations.get(conversationId);
            if (c == null || !c.sellerId.equals(s.sellerId)) {
                restError(ex, 404, 355020, "API_MESSAGE", "REQUEST", "Conversation not found", "No conversation " + conversationId);
                return;
            }
            String other = req.path("otherPartyUsername").asText(null);
            if (other != null && !other.equalsIgnoreCase(c.buyerUsername)) {
                // the conversation is between the seller and one buyer: a message for someone else never joins it
                restError(ex, 400, 355021, "API_MESSAGE", "REQUEST", "Invalid otherPartyUsername",
                        "Conversation " + conversationId + " is not with " + other);
                return;
            }
        } else {
            String other = req.path("otherPartyUsername").asText(null);
            if (other == null) {
                restError(ex, 400, 355014, "API_MESSAGE", "REQUEST", "conversationId or otherPartyUsername is required", "");
                return;
            }
            String item = req.path("reference").path("referenceId").asText(null);
            c = world.conversations.values().stream().filter(x -> x.sellerId.equals(s.sellerId)
                    && x.buyerUsername.equalsIgnoreCase(other) && (item == null || item.equals(x.itemId))).findFirst().orElse(null);
            if (c == null) {
                c = new EbayWorld.Conversation("c-" + UUID.randomUUID().toString().substring(0, 12), s.sellerId, other, item,
                        "Message from " + s.username, clock.instant());
                world.conversations.put(c.conversationId, c);
            }
        }
        EbayWorld.Message m = new EbayWorld.Message("m-" + UUID.randomUUID().toString().substring(0, 12), false, c.title, text,
                clock.instant(), List.of());
        c.messages.add(m);
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("createdDate", EbayRenderer.time(m.createdDate()));
        r.put("messageBody", text);
        r.put("messageId", m.messageId());
        r.putArray("messageMedia");
        r.put("readStatus", false);
        r.put("recipientUserName", c.buyerUsername);
        r.put("senderUserName", s.username);
        r.put("subject", c.title);
        ex.json(201, r);
    }

    private boolean conversationType(SimServer.Exchange ex) throws IOException {
        String type = ex.query("conversation_type").orElse(null);
        if (!"FROM_MEMBERS".equals(type) && !"FROM_EBAY".equals(type)) {
            restError(ex, 400, 355001, "API_MESSAGE", "REQUEST", "Invalid conversation_type",
                    "conversation_type is required: FROM_EBAY or FROM_MEMBERS");
            return false;
        }
        return true;
    }

    // ---- Fulfillment API ---------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface OrderHandler {
        void handle(EbayWorld.Order order) throws IOException;
    }

    private void withOrder(SimServer.Exchange ex, String orderId, EbayWorld.Seller s, Api api, OrderHandler handler) throws IOException {
        EbayWorld.Order o = world.orders.get(orderId);
        if (o == null || !o.sellerId.equals(s.sellerId)) {
            error(ex, api, 404, 32100, "API_FULFILLMENT", "REQUEST", "Invalid Order Id", "Order " + orderId + " not found.");
            return;
        }
        handler.handle(o);
    }

    private void getOrders(SimServer.Exchange ex, EbayWorld.Seller s) throws IOException {
        Optional<int[]> page = paging(ex, 50, 200);
        if (page.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<EbayWorld.Order> matching;
        Optional<String> ids = ex.query("orderIds");
        if (ids.isPresent()) {
            List<String> wanted = List.of(ids.get().split(","));
            if (wanted.size() > 50) {
                restError(ex, 400, 32800, "API_FULFILLMENT", "REQUEST", "Too many orderIds", "At most 50 order ids");
                return;
            }
            matching = wanted.stream().map(String::trim).map(world.orders::get)
                    .filter(o -> o != null && o.sellerId.equals(s.sellerId)).toList();
        } else {
            Instant from = now.minus(Duration.ofDays(90));
            Instant to = Instant.MAX;
            boolean byModification = false;
            String filter = ex.query("filter").orElse("");
            if (!filter.isBlank()) {
                Matcher r = FILTER_RANGE.matcher(filter);
                if (!r.find()) {
                    restError(ex, 400, 30800, "API_FULFILLMENT", "REQUEST", "Invalid filter", "Supported: creationdate:[from..to], "
                            + "lastmodifieddate:[from..to]");
                    return;
                }
                try {
                    byModification = r.group(1).equals("lastmodifieddate");
                    from = r.group(2).isBlank() ? Instant.MIN : Instant.parse(r.group(2));
                    to = r.group(3).isBlank() ? Instant.MAX : Instant.parse(r.group(3));
                } catch (DateTimeParseException e) {
                    restError(ex, 400, 30801, "API_FULFILLMENT", "REQUEST", "Invalid filter date", "Use ISO 8601 UTC");
                    return;
                }
            }
            Instant f = from;
            Instant t = to;
            boolean mod = byModification;
            matching = world.orders.values().stream().filter(o -> o.sellerId.equals(s.sellerId))
                    .filter(o -> {
                        Instant at = mod ? o.lastModifiedDate : o.creationDate;
                        return !at.isBefore(f) && !at.isAfter(t);
                    })
                    .sorted(Comparator.comparing((EbayWorld.Order o) -> o.creationDate).reversed()).toList();
        }
        int limit = page.get()[0];
        int offset = page.get()[1];
        List<ObjectNode> items = matching.stream().skip(offset).limit(limit).map(o -> EbayRenderer.order(o, s.username, now)).toList();
        ex.json(200, EbayRenderer.page(href(ex), limit, offset, matching.size(),
                offset + limit < matching.size() ? nextHref(ex, offset + limit) : null, "orders", items));
    }

    private void issueRefund(SimServer.Exchange ex, String orderId, EbayWorld.Seller s) throws IOException {
        if (!signed(ex, s, Api.FULFILLMENT)) {
            return;
        }
        EbayWorld.Order o = world.orders.get(orderId);
        if (o == null || !o.sellerId.equals(s.sellerId)) {
            restError(ex, 404, 32100, "API_FULFILLMENT", "REQUEST", "Invalid Order Id", "Order " + orderId + " not found.");
            return;
        }
        JsonNode req = ex.json().orElse(null);
        if (req == null || !req.isObject()) {
            restError(ex, 400, 34800, "API_FULFILLMENT", "REQUEST", "Invalid request", "The body must be an IssueRefundRequest");
            return;
        }
        String reason = req.path("reasonForRefund").asText("");
        if (!REFUND_REASONS.contains(reason)) {
            restError(ex, 400, 34801, "API_FULFILLMENT", "REQUEST", "Invalid reasonForRefund", "One of " + REFUND_REASONS);
            return;
        }
        if (req.path("comment").asText("").length() > 100) {
            restError(ex, 400, 34808, "API_FULFILLMENT", "REQUEST", "comment is too long", "Max length: 100");
            return;
        }
        if (o.paidDate == null) {
            restError(ex, 409, 34805, "API_FULFILLMENT", "BUSINESS", "The order has not been paid", "Nothing to refund.");
            return;
        }
        JsonNode items = req.path("refundItems");
        JsonNode orderLevel = req.path("orderLevelRefundAmount");
        boolean hasItems = items.isArray() && !items.isEmpty();
        if (hasItems == orderLevel.isObject()) {
            restError(ex, 400, 34806, "API_FULFILLMENT", "REQUEST", "Specify refundItems or orderLevelRefundAmount",
                    "Exactly one of refundItems and orderLevelRefundAmount is required.");
            return;
        }
        BigDecimal remainingOrder = o.total().subtract(o.refunded());
        Instant now = clock.instant();
        List<EbayWorld.Refund> created = new ArrayList<>();
        String refundId = String.valueOf(5_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        BigDecimal sum = BigDecimal.ZERO;
        if (orderLevel.isObject()) {
            Optional<BigDecimal> amount = refundAmount(ex, orderLevel, o, "orderLevelRefundAmount");
            if (amount.isEmpty()) {
                return;
            }
            sum = amount.get();
            created.add(new EbayWorld.Refund(refundId, null, amount.get(), now, now.plus(settleDelay(o)), reason));
        } else {
            Map<String, BigDecimal> perLine = new LinkedHashMap<>();
            for (JsonNode item : items) {
                String lineItemId = item.path("lineItemId").asText(null);
                Optional<EbayWorld.LineItem> line = lineItemId == null ? Optional.empty() : o.line(lineItemId);
                if (line.isEmpty()) {
                    restError(ex, 400, 34804, "API_FULFILLMENT", "REQUEST", "Invalid lineItemId", "No line item " + lineItemId + " in order " + orderId);
                    return;
                }
                Optional<BigDecimal> amount = refundAmount(ex, item.path("refundAmount"), o, "refundItems.refundAmount");
                if (amount.isEmpty()) {
                    return;
                }
                BigDecimal already = line.get().refunded().add(perLine.getOrDefault(lineItemId, BigDecimal.ZERO));
                if (amount.get().compareTo(line.get().total().subtract(already)) > 0) {
                    restError(ex, 400, 34802, "API_FULFILLMENT", "REQUEST", "Refund amount exceeds the amount available for refund",
                            "Line item " + lineItemId + " can be refunded up to " + line.get().total().subtract(already).toPlainString()
                                    + " " + o.currency + ".");
                    return;
                }
                perLine.merge(lineItemId, amount.get(), BigDecimal::add);
                sum = sum.add(amount.get());
            }
            perLine.forEach((line, amount) -> created.add(new EbayWorld.Refund(refundId, line, amount, now,
                    now.plus(settleDelay(o)), reason)));
        }
        if (sum.compareTo(remainingOrder) > 0) {
            restError(ex, 400, 34802, "API_FULFILLMENT", "REQUEST", "Refund amount exceeds the amount available for refund",
                    "The order can be refunded up to " + remainingOrder.toPlainString() + " " + o.currency + ".");
            return;
        }
        for (EbayWorld.Refund r : created) {
            if (r.lineItemId == null) {
                o.orderRefunds.add(r);
            } else {
                o.line(r.lineItemId).orElseThrow().refunds.add(r);
            }
        }
        o.lastModifiedDate = now;
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("refundId", refundId);
        r.put("refundStatus", "PENDING");
        ex.json(200, r);
    }

    private Optional<BigDecimal> refundAmount(SimServer.Exchange ex, JsonNode amount, EbayWorld.Order o, String field) throws IOException {
        String currency = amount.path("currency").asText("");
        if (!currency.equals(o.currency)) {
            restError(ex, 400, 34803, "API_FULFILLMENT", "REQUEST", "Invalid currency", field + ".currency must be " + o.currency);
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(amount.path("value").asText(""));
            if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
                throw new NumberFormatException();
            }
            return Optional.of(value.setScale(2, RoundingMode.UNNECESSARY));
        } catch (NumberFormatException | ArithmeticException e) {
            restError(ex, 400, 34807, "API_FULFILLMENT", "REQUEST", "Invalid amount", field + ".value must be positive with at most 2 decimals");
            return Optional.empty();
        }
    }

    // ---- Post-Order cancellation -------------------------------------------------------------------------------

    private List<String> cancelProblems(EbayWorld.Order o) {
        List<String> reasons = new ArrayList<>();
        if (o.cancelled()) {
            reasons.add("ORDER_ALREADY_CANCELLED");
        }
        if (!o.fulfillments.isEmpty()) {
            reasons.add("ORDER_SHIPPED");
        }
        if (clock.instant().isAfter(o.creationDate.plus(CANCEL_WINDOW))) {
            reasons.add("CANCEL_PERIOD_EXPIRED");
        }
        return reasons;
    }

    private void checkEligibility(SimServer.Exchange ex, EbayWorld.Seller s) throws IOException {
        String orderId = ex.json().map(j -> j.path("legacyOrderId").asText(null)).orElse(null);
        EbayWorld.Order o = orderId == null ? null : world.orders.get(orderId);
        if (o == null || !o.sellerId.equals(s.sellerId)) {
            postOrderError(ex, 400, 1701, "Invalid legacyOrderId", "No order " + orderId + " for this seller");
            return;
        }
        ex.json(200, eligibility(o, cancelProblems(o)));
    }

    private ObjectNode eligibility(EbayWorld.Order o, List<String> problems) {
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("legacyOrderId", o.orderId);
        r.put("eligible", problems.isEmpty());
        r.put("eligibilityStatus", problems.isEmpty() ? "ELIGIBLE" : "NOT_ELIGIBLE");
        ArrayNode reasons = r.putArray("failureReason");
        problems.forEach(reasons::add);
        ArrayNode items = r.putArray("itemEligibilityResult");
        for (EbayWorld.LineItem l : o.lineItems) {
            ObjectNode i = items.addObject();
            i.put("itemId", l.legacyItemId);
            i.put("transactionId", l.lineItemId);
            i.put("eligible", problems.isEmpty());
            ArrayNode ir = i.putArray("failureReason");
            problems.forEach(ir::add);
        }
        return r;
    }

    private void createCancellation(SimServer.Exchange ex, EbayWorld.Seller s) throws IOException {
        if (!signed(ex, s, Api.POST_ORDER)) {
            return;
        }
        JsonNode req = ex.json().orElse(null);
        String orderId = req == null ? null : req.path("legacyOrderId").asText(null);
        EbayWorld.Order o = orderId == null ? null : world.orders.get(orderId);
        if (o == null || !o.sellerId.equals(s.sellerId)) {
            postOrderError(ex, 400, 1701, "Invalid legacyOrderId", "No order " + orderId + " for this seller");
            return;
        }
        String reason = req.path("cancelReason").asText("");
        if (!SELLER_CANCEL_REASONS.contains(reason)) {
            postOrderError(ex, 400, 1702, "Invalid cancelReason", "A seller cancels with one of " + SELLER_CANCEL_REASONS);
            return;
        }
        if (o.cancellations.stream().anyMatch(c -> c.state.equals("REQUESTED"))) {
            postOrderError(ex, 409, 1703, "A cancellation request is open for this order",
                    "The buyer asked to cancel; approve or reject that request instead of creating another.");
            return;
        }
        List<String> problems = cancelProblems(o);
        if (!problems.isEmpty()) {
            ObjectNode r = SimServer.JSON.createObjectNode();
            r.set("orderEligibilityResult", eligibility(o, problems));
            ex.json(200, r);
            return;
        }
        EbayWorld.Cancellation c = new EbayWorld.Cancellation(String.valueOf(5_100_000_000L + world.orders.size() * 1000L
                + o.cancellations.size()), "SELLER", reason, clock.instant(), "CLOSED");
        o.cancellations.add(c);
        close(o, c);
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("cancelId", c.cancelId);
        ex.json(201, r);
    }

    private void approveCancellation(SimServer.Exchange ex, String cancelId, EbayWorld.Seller s) throws IOException {
        if (!signed(ex, s, Api.POST_ORDER)) {
            return;
        }
        for (EbayWorld.Order o : world.orders.values()) {
            for (EbayWorld.Cancellation c : o.cancellations) {
                if (c.cancelId.equals(cancelId) && o.sellerId.equals(s.sellerId)) {
                    if (!c.state.equals("REQUESTED")) {
                        postOrderError(ex, 400, 1704, "The cancellation request cannot be approved", "Its state is " + c.state);
                        return;
                    }
                    if (!o.fulfillments.isEmpty()) {
                        postOrderError(ex, 400, 1705, "The order has shipped", "Reject the request and refund after the return.");
                        return;
                    }
                    c.state = "CLOSED";
                    close(o, c);
                    ex.send(200, "application/json", new byte[0]);
                    return;
                }
            }
        }
        postOrderError(ex, 404, 1706, "Invalid cancelId", "No cancellation " + cancelId + " for this seller");
    }

    private void close(EbayWorld.Order o, EbayWorld.Cancellation c) {
        Instant now = clock.instant();
        c.closedAt = now;
        o.cancelledDate = now;
        o.lastModifiedDate = now;
        BigDecimal due = o.total().subtract(o.refunded());
        if (o.paidDate != null && due.signum() > 0) {
            o.orderRefunds.add(new EbayWorld.Refund("RF-" + c.cancelId, null, due, now, now.plus(settleDelay(o)),
                    "BUYER_CANCEL"));
        }
    }

    private void getCancellation(SimServer.Exchange ex, String cancelId, EbayWorld.Seller s) throws IOException {
        for (EbayWorld.Order o : world.orders.values()) {
            for (EbayWorld.Cancellation c : o.cancellations) {
                if (c.cancelId.equals(cancelId) && o.sellerId.equals(s.sellerId)) {
                    ex.json(200, EbayRenderer.cancelDetail(o, c, o.paidDate != null));
                    return;
                }
            }
        }
        postOrderError(ex, 404, 1706, "Invalid cancelId", "No cancellation " + cancelId + " for this seller");
    }

    // ---- signatures, notifications, errors ---------------------------------------------------------------------

    private boolean signed(SimServer.Exchange ex, EbayWorld.Seller s, Api api) throws IOException {
        if (!s.euOrUk) {
            return true;
        }
        String key = ex.header("x-ebay-signature-key");
        if (key != null && !key.trim().equals(s.signingJwe)) {
            error(ex, api, 400, 215122, "ACCESS", "REQUEST", "Signature validation failed",
                    "x-ebay-signature-key is not a key of this application");
            return false;
        }
        Optional<String> problem = SignatureVerifier.problem(new SignatureVerifier.SignedRequest(ex.method(), ex.path(),
                ex.authority(), ex.body(), ex.header("Content-Digest"), key, ex.header("Signature-Input"), ex.header("Signature")),
                s.signingPublicKey, s.signingAlgorithm, clock.instant());
        if (problem.isPresent()) {
            error(ex, api, 400, 215122, "ACCESS", "REQUEST", "Signature validation failed", problem.get());
            return false;
        }
        return true;
    }

    private void notifyMessage(EbayWorld.Conversation c, EbayWorld.Message m) {
        EbayWorld.Seller seller = seller(c.sellerId);
        String timestamp = EbayRenderer.time(clock.instant());
        String signature = PlatformNotifications.signature(timestamp, world.application);
        String xml = PlatformNotifications.m2mMessageHeader(timestamp, signature, seller.username, c, m);
        notifications.accept(new PlatformNotification("MyMessagesM2MMessageHeader", seller.username, xml));
    }

    private EbayWorld.Seller seller(String sellerId) {
        EbayWorld.Seller s = world.sellers.get(sellerId);
        if (s == null) {
            throw new IllegalArgumentException("no eBay seller " + sellerId + " in the fixture");
        }
        return s;
    }

    private Optional<int[]> paging(SimServer.Exchange ex, int defaultLimit, int maxLimit) throws IOException {
        try {
            int limit = ex.query("limit").map(Integer::parseInt).orElse(defaultLimit);
            int offset = ex.query("offset").map(Integer::parseInt).orElse(0);
            if (limit < 1 || limit > maxLimit || offset < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(new int[] {limit, offset});
        } catch (NumberFormatException e) {
            restError(ex, 400, 30700, "API", "REQUEST", "Invalid limit or offset", "limit 1.." + maxLimit + ", offset >= 0");
            return Optional.empty();
        }
    }

    private String href(SimServer.Exchange ex) {
        return ex.path() + "?" + ex.queryParams().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElse("");
    }

    private String nextHref(SimServer.Exchange ex, int nextOffset) {
        Map<String, List<String>> q = new LinkedHashMap<>(ex.queryParams());
        q.put("offset", List.of(String.valueOf(nextOffset)));
        return ex.path() + "?" + q.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElse("");
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void oauthError(SimServer.Exchange ex, int status, String error, String description) throws IOException {
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("error", error);
        r.put("error_description", description);
        ex.json(status, r);
    }

    private static void error(SimServer.Exchange ex, Api api, int status, int errorId, String domain, String category, String message,
                              String longMessage) throws IOException {
        if (api == Api.POST_ORDER) {
            postOrderError(ex, status, errorId, message, longMessage);
        } else {
            restError(ex, status, errorId, domain, category, message, longMessage);
        }
    }

    private static void restError(SimServer.Exchange ex, int status, int errorId, String domain, String category, String message,
                                  String longMessage) throws IOException {
        ObjectNode r = SimServer.JSON.createObjectNode();
        ObjectNode e = r.putArray("errors").addObject();
        e.put("errorId", errorId);
        e.put("domain", domain);
        e.put("category", category);
        e.put("message", message);
        if (longMessage != null && !longMessage.isBlank()) {
            e.put("longMessage", longMessage);
        }
        ex.json(status, r);
    }

    private static void postOrderError(SimServer.Exchange ex, int status, int errorId, String message, String longMessage)
            throws IOException {
        ObjectNode r = SimServer.JSON.createObjectNode();
        // https://developer.ebay.com/Devzone/post-order/ErrorResponse.html
        ObjectNode e = r.putObject("errorMessage").putArray("error").addObject();
        e.put("errorId", errorId);
        e.put("domain", "CANCEL");
        e.put("severity", "ERROR");
        e.put("category", "REQUEST");
        e.put("message", message);
        if (longMessage != null && !longMessage.isBlank()) {
            e.put("longMessage", longMessage);
        }
        ex.json(status, r);
    }

    /** Runs the simulator alone: {@code java ... EbaySimulator [port] [fixture.json]} (system clock, notifications printed). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4040;
        JsonNode world = args.length > 1 ? SimServer.JSON.readTree(Files.readAllBytes(Path.of(args[1]))) : demoWorld();
        EbaySimulator sim = start(port, world, Clock.systemUTC(), n -> System.out.println("platform notification: " + n.soapBody()));
        System.out.println("eBay simulator at " + sim.baseUrl());
        Thread.currentThread().join();
    }
}
