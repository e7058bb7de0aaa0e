package com.deskbridge.sim.shopify;

import com.deskbridge.sim.support.SimServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A local Shopify at the wire level for what Deskbridge does with a shop (FIXTURE.md has the world):
 * <ul>
 * <li>the token endpoint {@code /{shop}/admin/oauth/access_token} with expiring offline tokens: one-hour access tokens
 *     and rotating refresh tokens, the previous refresh token kept until the new access token is first used
 *     (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens);</li>
 * <li>the Admin GraphQL endpoint {@code /{shop}/admin/api/{version}/graphql.json} ({@code X-Shopify-Access-Token}),
 *     executed by a purpose-built matcher ({@link ShopifyGraphql}) with Shopify's shapes, {@code userErrors}, GraphQL
 *     errors and {@code extensions.cost};</li>
 * <li>the calculated-query-cost throttle: a leaky bucket per app and shop ({@code maximumAvailable},
 *     {@code restoreRate} points a second), {@code THROTTLED} errors with HTTP 200 when a query's requested cost exceeds
 *     what is available, {@code MAX_COST_EXCEEDED} above 1,000 points;</li>
 * <li>{@code @idempotent(key:)} on refundCreate (required from 2026-04), asynchronous {@code orderCancel} jobs;</li>
 * <li>webhooks {@code orders/updated} and {@code refunds/create} with {@code X-Shopify-Hmac-Sha256}.</li>
 * </ul>
 * The shop is the first path segment (in production it is the host, {@code {shop}.myshopify.com}). Every response
 * carries {@code X-Request-Id}. Time comes from the injected clock.
 */
public final class ShopifySimulator implements AutoCloseable {

    static final int MAX_QUERY_COST = 1000;

    /** A webhook as Shopify POSTs it: topic, shop, headers (with the HMAC) and the raw body. */
    public record WebhookDelivery(String topic, String shopDomain, Map<String, String> headers, String body) {}

    private record Grant(String shop, Instant expires) {}

    private final Clock clock;
    private final ShopifyWorld world;
    private final ShopifyGraphql graphql;
    private final SimServer server;
    private final Consumer<WebhookDelivery> webhooks;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Integer> throttled = new ConcurrentHashMap<>();
    private final List<ShopifyGraphql.Change> pending = new ArrayList<>();

    private ShopifySimulator(int port, JsonNode worldJson, Clock clock, Consumer<WebhookDelivery> webhooks) {
        this.clock = clock;
        this.world = new ShopifyWorld(worldJson, clock.instant());
        this.webhooks = webhooks;
        this.graphql = new ShopifyGraphql(world, clock, pending::add);
        this.server = new SimServer("shopify-sim", port, "X-Request-Id", world.latency, List.of(
                new SimServer.Route("POST", Pattern.compile("/([^/]+)/admin/oauth/access_token"), "oauth.token",
                        (ex, m) -> token(ex, m.group(1))),
                new SimServer.Route("POST", Pattern.compile("/([^/]+)/admin/api/([^/]+)/graphql.json"), "graphql",
                        (ex, m) -> graphql(ex, m.group(1), m.group(2)))),
                (ex, m) -> text(ex, 404, "{\"errors\":\"Not Found\"}"));
        world.faults.forEach(f -> server.injectFault(f.operation(), f.status(), f.count()));
    }

    /** @param webhooks receives every webhook Shopify would deliver to the app's subscription URL */
    public static ShopifySimulator start(int port, JsonNode world, Clock clock, Consumer<WebhookDelivery> webhooks) {
        return new ShopifySimulator(port, world, clock, webhooks);
    }

    /** The Shopify demo world (FIXTURE.md). */
    public static JsonNode demoWorld() {
        try (InputStream in = ShopifySimulator.class.getResourceAsStream("/demo-world-shopify.json")) {
            return SimServer.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL; a shop's endpoints are under {@code {baseUrl}/{shopDomain}}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The shop's app credentials as Deskbridge stores them: {@code client_id}, {@code client_secret}, {@code refresh_token}. */
    public Map<String, String> credentials(String shopDomain) {
        synchronized (world) {
            ShopifyWorld.Shop s = shop(shopDomain);
            return Map.of("client_id", s.clientId, "client_secret", s.clientSecret, "refresh_token", s.refreshToken);
        }
    }

    public int callCount(String operation) {
        return server.callCount(operation);
    }

    /** GraphQL requests answered THROTTLED. */
    public int throttledCount() {
        return throttled.getOrDefault("graphql", 0);
    }

    /** The next {@code count} calls of {@code operation} ({@code graphql}, {@code oauth.token}) answer {@code status}. */
    public void injectFault(String operation, int status, int count) {
        server.injectFault(operation, status, count);
    }

    /** Empties the shop's cost bucket, as another app's heavy use of the same store would not, but a burst of ours would. */
    public void drainBucket(String shopDomain) {
        synchronized (world) {
            ShopifyWorld.Shop s = shop(shopDomain);
            s.available(clock.instant());
            s.available = 0;
        }
    }

    /** Invalidates every access token issued so far (401 until the client refreshes). */
    public void expireAccessTokens() {
        grants.clear();
    }

    /** The merchant uninstalled the app: refresh tokens stop working. */
    public void uninstall(String shopDomain) {
        synchronized (world) {
            ShopifyWorld.Shop s = shop(shopDomain);
            s.refreshToken = "uninstalled-" + UUID.randomUUID();
            s.previousRefreshToken = null;
        }
        grants.values().removeIf(g -> g.shop.equals(shopDomain));
    }

    /** Finishes due cancellation jobs and delivers their webhooks (also happens before every request). */
    public void processDueJobs() {
        synchronized (world) {
            graphql.processDueJobs();
        }
        deliver();
    }

    /** The seller ships: a fulfillment with tracking is added to the order and {@code orders/updated} is sent. */
    public void fulfil(String shopDomain, String orderName, String company, String number, String url) {
        synchronized (world) {
            ShopifyWorld.Order o = orderByName(shopDomain, orderName);
            Map<Long, Integer> all = new LinkedHashMap<>();
            o.lineItems.forEach(l -> all.put(l.id, l.quantity));
            o.fulfillments.add(new ShopifyWorld.Fulfillment(world.newId(), "SUCCESS", clock.instant(), company, number, url, all));
            o.updatedAt = clock.instant();
            pending.add(new ShopifyGraphql.Change("orders/updated", o, null));
        }
        deliver();
    }

    /** Refund totals of an order, oldest first (for tests). */
    public List<BigDecimal> refunds(String shopDomain, String orderName) {
        synchronized (world) {
            return orderByName(shopDomain, orderName).refunds.stream().map(ShopifyWorld.Refund::total).toList();
        }
    }

    public boolean cancelled(String shopDomain, String orderName) {
        synchronized (world) {
            return orderByName(shopDomain, orderName).cancelledAt != null;
        }
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- token endpoint ----------------------------------------------------------------------------------------

    private void token(SimServer.Exchange ex, String shopDomain) throws IOException {
        Optional<Integer> fault = server.nextFault("oauth.token");
        if (fault.isPresent()) {
            oauthError(ex, fault.get(), "server_error", "Injected fault.");
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        String contentType = ex.header("Content-Type") == null ? "" : ex.header("Content-Type");
        if (contentType.startsWith("application/json")) {
            ex.json().ifPresent(j -> j.fields().forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText())));
        } else {
            SimServer.form(ex.bodyText()).forEach((k, v) -> form.put(k, v.get(0)));
        }
        synchronized (world) {
            ShopifyWorld.Shop shop = world.shops.get(shopDomain);
            if (shop == null || !shop.clientId.equals(form.get("client_id")) || !shop.clientSecret.equals(form.get("client_secret"))) {
                oauthError(ex, 401, "invalid_client", "Client authentication failed");
                return;
            }
            if (!"refresh_token".equals(form.get("grant_type"))) {
                oauthError(ex, 400, "unsupported_grant_type", "The authorization grant type is not supported");
                return;
            }
            String presented = form.getOrDefault("refresh_token", "");
            if (!presented.equals(shop.refreshToken) && !presented.equals(shop.previousRefreshToken)) {
                oauthError(ex, 400, "invalid_grant", "The refresh token is invalid, expired or revoked");
                return;
            }
            String access = "shpat_sim" + UUID.randomUUID().toString().replace("-", "");
            String rotated = "shprt_sim" + UUID.randomUUID().toString().replace("-", "");
            if (presented.equals(shop.refreshToken)) {
                shop.previousRefreshToken = shop.refreshToken;
            }
            shop.refreshToken = rotated;
            grants.put(access, new Grant(shopDomain, clock.instant().plus(world.tokenLifetime)));
            ObjectNode r = SimServer.JSON.createObjectNode();
            r.put("access_token", access);
            r.put("expires_in", world.tokenLifetime.toSeconds());
            r.put("refresh_token", rotated);
            r.put("refresh_token_expires_in", Duration.ofDays(90).toSeconds());
            r.put("scope", "read_orders,write_orders");
            ex.json(200, r);
        }
    }

    private static void oauthError(SimServer.Exchange ex, int status, String error, String description) throws IOException {
        ObjectNode r = SimServer.JSON.createObjectNode();
        r.put("error", error);
        r.put("error_description", description);
        ex.json(status, r);
    }

    // ---- GraphQL -----------------------------------------------------------------------------------------------

    private void graphql(SimServer.Exchange ex, String shopDomain, String version) throws IOException {
        if (!world.apiVersions.contains(version)) {
            text(ex, 404, "{\"errors\":\"Not Found\"}");
            return;
        }
        String token = ex.header("X-Shopify-Access-Token");
        Grant grant = token == null ? null : grants.get(token);
        if (grant == null || !grant.shop.equals(shopDomain) || !clock.instant().isBefore(grant.expires)) {
            text(ex, 401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
            return;
        }
        Optional<Integer> fault = server.nextFault("graphql");
        if (fault.isPresent()) {
            int status = fault.get();
            switch (status) {
                case 200 -> text(ex, 200, "{\"data\":{\"order\":{\"id\":\"gid://shopify/Or");
                case 429 -> {
                    ex.setHeader("Retry-After", "1");
                    text(ex, 429, "{\"errors\":\"Too many requests\"}");
                }
                default -> text(ex, status, "{\"errors\":\"Internal Server Error\"}");
            }
            return;
        }
        JsonNode req = ex.json().orElse(null);
        if (req == null || !req.path("query").isTextual()) {
            text(ex, 400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
            return;
        }
        ObjectNode response = SimServer.JSON.createObjectNode();
        synchronized (world) {
            ShopifyWorld.Shop shop = shop(shopDomain);
            // the rotation's grace ends once the new access token is used
            shop.previousRefreshToken = null;
            graphql.processDueJobs();
            Gql.Operation op;
            try {
                op = Gql.parse(req.get("query").asText());
            } catch (Gql.SyntaxError e) {
                ArrayNode errors = response.putArray("errors");
                ObjectNode err = errors.addObject().put("message", e.getMessage());
                err.putArray("locations").addObject().put("line", e.line).put("column", e.column);
                err.putObject("extensions").put("code", "syntaxError");
                ex.json(200, response);
                return;
            }
            int requested = ShopifyGraphql.requestedCost(op);
            Instant now = clock.instant();
            double available = shop.available(now);
            if (requested > MAX_QUERY_COST) {
                response.putArray("errors").addObject().put("message", "Query cost is " + requested + ", which exceeds the single query "
                        + "max cost limit (" + MAX_QUERY_COST + ").").putObject("extensions").put("code", "MAX_COST_EXCEEDED")
                        .put("cost", requested).put("maxCost", MAX_QUERY_COST);
                response.set("extensions", cost(requested, null, shop, now));
                ex.json(200, response);
                return;
            }
            if (requested > available) {
                throttled.merge("graphql", 1, Integer::sum);
                response.putArray("errors").addObject().put("message", "Throttled").putObject("extensions").put("code", "THROTTLED")
                        .put("documentation", "https://shopify.dev/api/usage/rate-limits");
                response.set("extensions", cost(requested, null, shop, now));
                ex.json(200, response);
                return;
            }
            shop.available -= requested;
            ShopifyGraphql.Result result;
            try {
                result = graphql.execute(op, req.path("variables"), shop, version);
            } catch (ShopifyGraphql.RequestError e) {
                shop.available = Math.min(shop.maximumAvailable, shop.available + requested);
                pending.clear();
                response.putArray("errors").addObject().put("message", e.getMessage()).putObject("extensions").put("code", e.code);
                response.set("extensions", cost(requested, 0, shop, now));
                ex.json(200, response);
                return;
            }
            int actual = Math.min(requested, result.actualCost());
            shop.available = Math.min(shop.maximumAvailable, shop.available + requested - actual);
            if (result.data() != null) {
                response.set("data", result.data());
            }
            if (!result.errors().isEmpty()) {
                response.set("errors", result.errors());
            }
            response.set("extensions", cost(requested, actual, shop, now));
        }
        // the mutation's webhooks are handed over before the answer, so whoever reads them after the call finds them
        // (Shopify's own delivery is asynchronous; a test of the order would need a wait, not a race)
        deliver();
        ex.json(200, response);
    }

    private static ObjectNode cost(int requested, Integer actual, ShopifyWorld.Shop shop, Instant now) {
        ObjectNode ext = SimServer.JSON.createObjectNode();
        ObjectNode cost = ext.putObject("cost");
        cost.put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        ObjectNode status = cost.putObject("throttleStatus");
        status.put("maximumAvailable", (double) shop.maximumAvailable);
        status.put("currentlyAvailable", Math.floor(shop.available(now)));
        status.put("restoreRate", shop.restoreRate);
        return ext;
    }

    private void deliver() {
        List<ShopifyGraphql.Change> changes;
        synchronized (world) {
            changes = new ArrayList<>(pending);
            pending.clear();
        }
        for (ShopifyGraphql.Change c : changes) {
            ShopifyWorld.Shop shop;
            String body;
            synchronized (world) {
                shop = shop(c.order().shop);
                body = (c.refund() == null ? Webhooks.order(c.order()) : Webhooks.refund(c.order(), c.refund())).toString();
            }
            webhooks.accept(new WebhookDelivery(c.topic(), shop.domain, Webhooks.headers(c.topic(), shop.domain, world.apiVersions.get(0),
                    body, shop.clientSecret, clock.instant().toString()), body));
        }
    }

    private ShopifyWorld.Shop shop(String domain) {
        ShopifyWorld.Shop s = world.shops.get(domain);
        if (s == null) {
            throw new IllegalArgumentException("no shop " + domain + " in the fixture");
        }
        return s;
    }

    private ShopifyWorld.Order orderByName(String shopDomain, String name) {
        return world.orders.values().stream().filter(o -> o.shop.equals(shopDomain) && o.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order " + name + " in " + shopDomain));
    }

    private static void text(SimServer.Exchange ex, int status, String json) throws IOException {
        ex.send(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the simulator alone: {@code java ... ShopifySimulator [port] [fixture.json]} (webhooks printed). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4045;
        JsonNode world = args.length > 1 ? SimServer.JSON.readTree(Files.readAllBytes(Path.of(args[1]))) : demoWorld();
        ShopifySimulator sim = start(port, world, Clock.systemUTC(), w -> System.out.println("webhook " + w.topic() + ": " + w.body()));
        System.out.println("Shopify simulator at " + sim.baseUrl());
        Thread.currentThread().join();
    }
}
