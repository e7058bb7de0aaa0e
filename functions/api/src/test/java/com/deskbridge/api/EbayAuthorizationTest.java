package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.ebay.EbayCallLimits;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayEndpoints;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.SecretStore;
import com.deskbridge.http.Sleeper;
import com.deskbridge.sim.ebay.EbaySimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * eBay's authorization code grant against the eBay simulator (its consent stand-in and token endpoint): the consent URL
 * carries the application, the RuName, the scopes and a signed one-time state; the callback exchanges the code, reads
 * who consented and stores the seller's eBay account once, complete; replayed, expired and Amazon's states are refused
 * before eBay is asked, and a code eBay refuses stores nothing.
 */
class EbayAuthorizationTest {
    private final AmazonAuthorizationTest.MovableClock clock = new AmazonAuthorizationTest.MovableClock(Instant.parse("2026-12-07T07:00:00Z"));
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AmazonAuthorizationTest.Registry sellers = new AmazonAuthorizationTest.Registry();
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> stored = new HashMap<>();
    private final SellerRegistration seller = new SellerRegistration(new SellerId("acme"), List.of("A1PA6795UKMFR9"), "eu",
            "Europe/Berlin", "acme", clock.instant(), "op");
    private EbaySimulator sim;
    private EbayAuthorization ebay;

    @BeforeEach
    void start() {
        ObjectNode world = (ObjectNode) EbaySimulator.demoWorld();
        ((ObjectNode) world.get("ebay")).put("latencyMs", 0);
        sim = EbaySimulator.start(0, world, clock, n -> { });
        Map<String, String> app = new LinkedHashMap<>();
        app.put("client_id", sim.credentials("demo-seller").get("client_id"));
        app.put("client_secret", sim.credentials("demo-seller").get("client_secret"));
        app.put("ru_name", sim.ruName());
        secrets.put("ebay-app", app);
        secrets.put("key", Map.of("key", "0123456789abcdef0123456789abcdef"));
        SecretSource source = SecretSource.of(secrets);
        EbayEndpoints endpoints = EbayEndpoints.local(sim.baseUrl());
        EbayCallLimits limits = new EbayCallLimits(clock);
        HttpClient http = HttpClient.newHttpClient();
        ebay = new EbayAuthorization(source, SecretStore.of(stored), s -> new EbayClient(http, clock, Sleeper.REAL, s, endpoints, limits),
                new OnboardingState(sellers, source, "key", clock), new EbayAuthorization.Settings("deskbridge/ebay/", "ebay-app", "key"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aSellerConsentsAtEbayAndItsAccountIsStoredOnceWithWhatTheChannelReads() throws Exception {
        String url = ebay.authorize(seller).url();
        assertThat(url).startsWith(sim.baseUrl() + "/oauth2/authorize?client_id=").contains("&redirect_uri=" + sim.ruName())
                .contains("&response_type=code&scope=").contains("sell.fulfillment").contains("&state=");

        Map<String, String> redirect = consent(url);
        EbayAuthorization.Outcome outcome = ebay.complete(redirect.get("state"), redirect.get("code"));
        assertThat(outcome.seller()).isEqualTo(seller.seller());
        assertThat(outcome.username()).isEqualTo("deskbridge_demo_de");
        assertThat(outcome.marketplaceId()).isEqualTo("EBAY_DE");
        assertThat(outcome.euOrUkDomiciled()).isTrue();
        Map<String, String> account = stored.get("deskbridge/ebay/acme");
        assertThat(account).containsEntry("username", "deskbridge_demo_de").containsEntry("marketplace_id", "EBAY_DE")
                .containsEntry("eu_or_uk_domiciled", "true").containsEntry("client_id", secrets.get("ebay-app").get("client_id"))
                .containsKey("refresh_token");
        assertThat(new com.deskbridge.ebay.EbaySecretAccounts(SecretSource.of(stored), "deskbridge/ebay/").account("acme").username())
                .as("what the channels read").isEqualTo("deskbridge_demo_de");

        stored.clear();
        assertThatThrownBy(() -> ebay.complete(redirect.get("state"), redirect.get("code")))
                .isInstanceOf(OnboardingState.Refused.class).hasMessageContaining("used already");
        assertThat(stored).isEmpty();
    }

    @Test
    void expiredForeignAndForgedStatesAreRefusedBeforeEbayIsAskedAndARefusedCodeStoresNothing() throws Exception {
        Map<String, String> redirect = consent(ebay.authorize(seller).url());
        String amazonState = new OnboardingState(sellers, SecretSource.of(secrets), "key", clock).issue(seller.seller(), null).state();
        for (String refused : List.of(amazonState, "nonsense", redirect.get("state").replace('.', '!'))) {
            assertThatThrownBy(() -> ebay.complete(refused, redirect.get("code"))).isInstanceOf(OnboardingState.Refused.class);
        }
        int tokenCalls = sim.callCount("oauth.token");

        Map<String, String> later = consent(ebay.authorize(seller).url());
        clock.advance(OnboardingState.LIFETIME);
        assertThatThrownBy(() -> ebay.complete(later.get("state"), later.get("code")))
                .isInstanceOf(OnboardingState.Refused.class).hasMessageContaining("expired");
        assertThat(sim.callCount("oauth.token")).as("eBay was not asked").isEqualTo(tokenCalls);

        Map<String, String> fresh = consent(ebay.authorize(seller).url());
        assertThatThrownBy(() -> ebay.complete(fresh.get("state"), "v^1.1#i^1#wrong-code"))
                .isInstanceOf(OnboardingState.ExchangeFailed.class).hasMessageContaining("invalid_grant");
        assertThat(stored).isEmpty();
    }

    /** The seller signs in at eBay's consent page (the simulator's stand-in) and agrees: eBay's redirect's parameters. */
    private Map<String, String> consent(String url) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url + "&sim_user=deskbridge_demo_de")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(r.headers().firstValue("location").orElseThrow()).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
