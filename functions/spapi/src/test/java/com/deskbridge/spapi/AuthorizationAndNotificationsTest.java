package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The authorization-code exchange, the grantless destination calls and a seller's subscriptions, against the simulator. */
class AuthorizationAndNotificationsTest {
    private static final String REDIRECT = "https://helpdesk.example/onboarding/amazon/callback";
    private static final String APP_SECRET = "deskbridge/spapi-application";
    private static final String ARN = "arn:aws:sqs:eu-west-1:000000000000:spapi-notifications";

    @Test
    void aConsentedSellersCodeBecomesARefreshTokenThatSubscribesItToTheApplicationsDestination() throws Exception {
        try (SimulatorHarness h = new SimulatorHarness()) {
            Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
            secrets.put(APP_SECRET, h.simulator.applicationCredentials());
            SpApiClient client = new SpApiClient(HttpClient.newHttpClient(), h.clock, h.clock::sleep, SecretSource.of(secrets),
                    new InMemoryQuotaProvider(h.clock), SpApiEndpoints.local(h.simulator.baseUrl(), h.simulator.lwaUrl()),
                    Backoff.standard(new SplittableRandom(7)), Duration.ofMinutes(5));
            String code = consent(h, "A3NEWSELLER");
            String refresh = client.exchangeAuthorizationCode(h.simulator.applicationCredentials(), APP_SECRET, code, REDIRECT);
            assertThat(refresh).startsWith("Atzr|");
            assertThatThrownBy(() -> client.exchangeAuthorizationCode(h.simulator.applicationCredentials(), APP_SECRET, code, REDIRECT))
                    .isInstanceOfSatisfying(LwaAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"))
                    .hasMessageNotContaining(h.simulator.applicationCredentials().get("client_secret"));

            Map<String, String> sellerSecret = new java.util.HashMap<>(h.simulator.applicationCredentials());
            sellerSecret.put("refresh_token", refresh);
            secrets.put("deskbridge/spapi/new", sellerSecret);
            SellerAccount app = SellerAccount.grantless(APP_SECRET, Region.EU, NotificationsClient.SCOPE);
            SellerAccount seller = new SellerAccount("new", "deskbridge/spapi/new", Region.EU);
            String destination = client.notifications().destinationFor(app, "deskbridge", ARN);
            assertThat(client.notifications().destinationFor(app, "deskbridge", ARN)).as("found again, not created twice")
                    .isEqualTo(destination);
            String sub = client.notifications().subscribe(seller, "ORDER_CHANGE", destination, "1.0");
            assertThat(client.notifications().subscribe(seller, "ORDER_CHANGE", destination, "1.0")).isEqualTo(sub);
            client.notifications().subscribe(seller, "FEED_PROCESSING_FINISHED", destination, "2020-09-04");
            assertThat(h.simulator.subscriptions()).hasSize(2).allSatisfy(s -> {
                assertThat(s.path("sellingPartnerId").asText()).isEqualTo("A3NEWSELLER");
                assertThat(s.path("arn").asText()).isEqualTo(ARN);
            });
            assertThat(h.simulator.callCount("notifications.createDestination")).isEqualTo(1);
        }
    }

    /** Seller Central's consent page as a browser meets it: its redirect carries the code. */
    private static String consent(SimulatorHarness h, String partner) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(h.simulator.consentUrl()
                + "?application_id=" + URLEncoder.encode(h.simulator.applicationCredentials().get("application_id"), StandardCharsets.UTF_8)
                + "&state=s&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&selling_partner_id=" + partner))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("spapi_oauth_code=") + "spapi_oauth_code=".length());
        return URLDecoder.decode(code, StandardCharsets.UTF_8);
    }
}
