package com.deskbridge.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.channels.MessageInbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OAuth user tokens, onboarding, retries, call limits and eBay's error shapes, against the simulator over HTTP. */
class EbayAuthAndTransportTest {

    private EbayHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void oneAccessTokenServesManyCallsUntilItIsAboutToExpire() {
        h = new EbayHarness();
        EbayClient client = h.client();
        for (int i = 0; i < 5; i++) {
            assertThat(client.fulfillment().order(h.account, "12-34567-89012")).isPresent();
        }
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(1);
        h.clock.advance(Duration.ofHours(2).minusSeconds(30)); // inside the early-refresh margin of the two-hour token
        assertThat(client.fulfillment().order(h.account, "12-34567-89012")).isPresent();
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(2);
    }

    @Test
    void aRejectedAccessTokenIsReplacedAndTheCallRetriedOnce() {
        h = new EbayHarness();
        EbayClient client = h.client();
        assertThat(client.fulfillment().order(h.account, "12-34567-89012")).isPresent();
        h.sim.expireAccessTokens();
        assertThat(client.fulfillment().order(h.account, "12-34567-89012")).isPresent();
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(2);
        assertThat(h.sim.callCount("fulfillment.getOrder")).isEqualTo(3); // ok, 401, ok
    }

    @Test
    void aRevokedAuthorisationAsksTheSellerToAuthoriseAgain() {
        h = new EbayHarness();
        EbayOrderSource orders = new EbayOrderSource(h.client(), h.sellers());
        h.sim.revokeAuthorization(EbayHarness.SELLER);
        assertThatThrownBy(() -> orders.order(EbayHarness.SELLER, "12-34567-89012"))
                .isInstanceOfSatisfying(EbayAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.reauthorisationNeeded()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(h.secrets.get(EbayHarness.SECRET).get("refresh_token"));
                });
        EbayInbox inbox = new EbayInbox(h.client(), h.sellers(), EbayInbox.defaultPlan(5000), () -> 1, h.clock);
        assertThatThrownBy(() -> inbox.poll(EbayHarness.SELLER, MessageInbox.Cursor.initial(h.clock.instant())))
                .isInstanceOf(ChannelAuthorizationException.class).hasMessageContaining("authorise Deskbridge on eBay again");
    }

    @Test
    void wrongApplicationCredentialsAreNamedWithoutTheirValues() {
        h = new EbayHarness();
        h.secrets.get(EbayHarness.SECRET).put("client_secret", "PRD-wrong-secret-value");
        assertThatThrownBy(() -> h.client().fulfillment().order(h.account, "12-34567-89012"))
                .isInstanceOfSatisfying(EbayAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.reauthorisationNeeded()).isFalse();
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("PRD-wrong-secret-value");
                });
    }

    @Test
    void outagesAndThrottlingAreRetriedWithBackoff() {
        h = new EbayHarness();
        h.sim.injectFault("fulfillment.getOrder", 503, 2);
        h.sim.injectFault("message.getConversations", 429, 1);
        EbayClient client = h.client();
        assertThat(client.fulfillment().order(h.account, "12-34567-89012")).isPresent();
        assertThat(h.sim.callCount("fulfillment.getOrder")).isEqualTo(3);
        assertThat(client.messages().conversations(h.account, h.clock.instant().minus(Duration.ofDays(2)), 0).conversations()).hasSize(2);
        assertThat(h.sim.throttledCount("message.getConversations")).isEqualTo(1);
        assertThat(h.clock.sleeps()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theClientStopsAtTheDailyCallLimitUntilMidnightPacificWithoutHittingEbaysLimit() {
        h = new EbayHarness();
        EbayCallLimits limits = new EbayCallLimits(h.clock, api -> api == EbayApi.MESSAGE ? 3 : 1000);
        EbayClient client = new EbayClient(HttpClient.newHttpClient(), h.clock, h.clock::sleep, h.secretSource(),
                EbayEndpoints.local(h.sim.baseUrl()), limits, com.deskbridge.http.Backoff.standard(new java.util.SplittableRandom(1)),
                Duration.ofSeconds(10));
        EbayInbox inbox = new EbayInbox(client, h.sellers(), EbayInbox.defaultPlan(3), () -> 1, h.clock);
        MessageInbox.Cursor cursor = MessageInbox.Cursor.initial(h.clock.instant(), Duration.ofDays(2));
        MessageInbox.Poll first = inbox.poll(EbayHarness.SELLER, cursor); // 1 listing + 2 conversations = 3 Message API calls
        assertThat(first.callsMade()).isEqualTo(4); // and 1 getOrders (Fulfillment API) for the order of each message
        assertThat(limits.remainingToday(EbayApi.MESSAGE)).isZero();
        assertThatThrownBy(() -> inbox.poll(EbayHarness.SELLER, first.next()))
                .isInstanceOfSatisfying(ChannelUnavailableException.class, e -> {
                    // 10:00 UTC is 02:00 in Los Angeles: the next eBay day starts in 22 hours
                    assertThat(e.retryAfter()).contains(Duration.ofHours(22));
                    assertThat(e.getMessage()).contains("daily call limit");
                });
        assertThat(h.sim.throttledCount("message.getConversations")).isZero();
        h.clock.set(Instant.parse("2026-11-21T08:00:00Z")); // midnight Pacific
        assertThat(inbox.poll(EbayHarness.SELLER, first.next()).callsMade()).isEqualTo(1);
    }

    @Test
    void ebaysOwnLimitAnswerIsReportedAsUnavailableAfterRetries() {
        h = new EbayHarness();
        h.sim.setCallLimit("commerce.message", 1);
        EbayInbox inbox = new EbayInbox(h.client(), h.sellers(), EbayInbox.defaultPlan(5000), () -> 1, h.clock);
        assertThatThrownBy(() -> inbox.poll(EbayHarness.SELLER, MessageInbox.Cursor.initial(h.clock.instant(), Duration.ofDays(2))))
                .isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("HTTP 429");
        assertThat(h.sim.throttledCount("message.getConversation")).isPositive();
    }

    @Test
    void aMalformedResponseIsAClearErrorNotAnEmptyOrder() {
        h = new EbayHarness();
        h.sim.injectFault("fulfillment.getOrder", 200, 1);
        assertThatThrownBy(() -> h.client().fulfillment().order(h.account, "12-34567-89012"))
                .isInstanceOfSatisfying(EbayApiException.class, e -> {
                    assertThat(e.getMessage()).contains("not JSON");
                    assertThat(e.transientFailure()).isFalse();
                });
    }

    @Test
    void ebaysErrorBodyIsReadIntoTheException() {
        h = new EbayHarness();
        h.sim.injectFault("fulfillment.getOrder", 400, 1);
        assertThatThrownBy(() -> h.client().fulfillment().order(h.account, "12-34567-89012"))
                .isInstanceOfSatisfying(EbayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorId()).contains(2004);
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void onboardingTradesTheConsentCodeForARefreshTokenAndLearnsWhoTheSellerIs() throws Exception {
        h = new EbayHarness();
        EbayClient client = h.client();
        URI consent = client.oauth().consentUrl(h.secrets.get(EbayHarness.APP_SECRET).get("client_id"), h.sim.ruName(), "state-123");
        assertThat(consent.getQuery()).contains("response_type=code").contains("commerce.message").contains("sell.finances");
        // eBay's consent page: the seller signs in and agrees; eBay redirects to the RuName's URL with the code
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(consent).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("state=state-123");
        Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();

        EbayOAuth.Grant grant = client.oauth().exchangeCode(EbayHarness.APP_SECRET, h.sim.ruName(),
                java.net.URLDecoder.decode(code.group(1), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(grant.refreshToken()).isEqualTo(h.sim.credentials(EbayHarness.SELLER).get("refresh_token"));
        assertThat(grant.refreshTokenExpiresAt()).isEqualTo(h.clock.instant().plusSeconds(47_304_000));
        assertThat(grant.toString()).doesNotContain(grant.refreshToken());

        h.secrets.put("deskbridge/ebay/new-seller", Map.of("client_id", h.secrets.get(EbayHarness.SECRET).get("client_id"),
                "client_secret", h.secrets.get(EbayHarness.SECRET).get("client_secret"), "refresh_token", grant.refreshToken()));
        EbayIdentityClient.EbayUser user = client.identity().user(EbayAccount.onboarding("new-seller", "deskbridge/ebay/new-seller"));
        assertThat(user.username()).isEqualTo("deskbridge_demo_de");
        assertThat(user.registrationMarketplaceId()).isEqualTo("EBAY_DE");
        assertThat(user.euOrUkDomiciled()).isTrue();

        assertThatThrownBy(() -> client.oauth().exchangeCode(EbayHarness.APP_SECRET, h.sim.ruName(), "used-or-made-up"))
                .isInstanceOfSatisfying(EbayAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void noSecretEverReachesTheLogs() {
        h = new EbayHarness();
        StringBuilder logs = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logs.append(r.getLevel()).append(' ').append(new java.util.logging.SimpleFormatter().formatMessage(r)).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("com.deskbridge");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            EbayClient client = h.client();
            client.fulfillment().order(h.account, "12-34567-89012");
            h.sim.expireAccessTokens();
            client.fulfillment().order(h.account, "12-34567-89012");
            h.sim.injectFault("fulfillment.getOrder", 503, 1);
            client.fulfillment().order(h.account, "12-34567-89012");
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(logs).isNotEmpty();
        for (String value : h.secrets.get(EbayHarness.SECRET).values()) {
            assertThat(logs.toString()).doesNotContain(value);
        }
        assertThat(logs.toString()).doesNotContain("v^1.1#i^1#p^3");
    }
}
