package com.deskbridge.api;

import com.deskbridge.domain.seller.AmazonConnection;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.SecretStore;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.spapi.LwaAuthException;
import com.deskbridge.spapi.NotificationsClient;
import com.deskbridge.spapi.Region;
import com.deskbridge.spapi.SellerAccount;
import com.deskbridge.spapi.SpApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Connects a seller's Amazon account by SP-API's website authorization workflow
 * (https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow):
 * <ol>
 * <li>{@link #authorize}: the Seller Central authorization URI for the seller's region
 * ({@code /apps/authorize/consent?application_id=…&state=…&redirect_uri=…}) with a {@code state} that names the seller,
 * expires after {@link #STATE_LIFETIME} and carries a one-time nonce, signed with HMAC-SHA256 under a key held in
 * Secrets Manager (never in code; {@link OnboardingState}, shared with eBay's flow);</li>
 * <li>{@link #complete}: Seller Central's redirect ({@code state}, {@code selling_partner_id}, {@code spapi_oauth_code}):
 * a forged, expired or used state is refused before anything happens; the code is exchanged with Login with Amazon
 * ({@code grant_type=authorization_code}) for the seller's refresh token, which goes to Secrets Manager under
 * {@code <SpApiSecretPrefix><seller>} (never logged, never returned); then the application's notification destination
 * (the template's SP-API notifications queue; createDestination is grantless) and the seller's subscriptions
 * (FEED_PROCESSING_FINISHED, ORDER_CHANGE) are made through the Notifications API
 * (https://developer-docs.amazon.com/sp-api/docs/notifications-api-v1-use-case-guide).</li>
 * </ol>
 * Every outcome is recorded on the seller ({@link AmazonConnection}): a failed exchange leaves {@code failed} with the
 * reason, and authorizing again retries.
 */
final class AmazonAuthorization {
    /** How long a consent URL's state is good for: Seller Central sign-in and consent take a few minutes. */
    static final Duration STATE_LIFETIME = OnboardingState.LIFETIME;
    /** The notification types Deskbridge reacts to, with their payload versions (the schemas in the SP-API notifications models). */
    static final Map<String, String> SUBSCRIPTIONS = subscriptions();
    /** Where Seller Central redirects with the code (API Gateway route; template.yaml). */
    static final String CALLBACK_PATH = "/onboarding/amazon/callback";
    private static final Pattern PARTNER = Pattern.compile("[A-Z0-9]{8,20}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._|~+/=-]{1,512}");

    /**
     * Where things are: secret names, the queue notifications go to, and the Seller Central host when it is not
     * Amazon's (the simulator locally).
     *
     * @param sellerSecretPrefix    {@code SpApiSecretPrefix}: the seller's token goes to {@code <prefix><seller>}
     * @param applicationSecret     the application's LWA {@code client_id}, {@code client_secret} and {@code application_id}
     * @param stateKeySecret        the secret whose {@code key} field signs the state
     * @param notificationsQueueArn the template's SP-API notifications queue
     * @param consentBaseOverride   every region's Seller Central (the simulator), or empty for Amazon's
     * @param draftApplication      add {@code version=beta} (an application in draft status)
     * @param redirectUriOverride   the redirect URI registered for the application when it is not this API's own
     *                              {@value #CALLBACK_PATH} (a custom domain)
     */
    record Settings(String sellerSecretPrefix, String applicationSecret, String stateKeySecret, String notificationsQueueArn,
                    Optional<String> consentBaseOverride, boolean draftApplication, Region region,
                    Optional<String> redirectUriOverride) {
    }

    /**
     * The redirect URI Seller Central sends the code to: the override, or this API's callback on the host the request
     * came to ({@code x-forwarded-proto}, {@code Host}), which must be one of the application's registered redirect URIs.
     */
    String redirectUri(String proto, String host) {
        return settings.redirectUriOverride().orElseGet(() -> (proto == null ? "https" : proto) + "://" + host + CALLBACK_PATH);
    }

    /** Whose connection the callback completed, and how it stands. */
    record Outcome(SellerId seller, AmazonConnection connection) {
    }

    /** The consent URL and until when its state is good. */
    record Consent(String url, Instant expires) {
    }

    private final SellerRegistry sellers;
    private final SecretSource secrets;
    private final SecretStore store;
    private final Supplier<SpApiClient> spApi;
    private final Settings settings;
    private final Clock clock;
    private final OnboardingState states;

    AmazonAuthorization(SellerRegistry sellers, SecretSource secrets, SecretStore store, Supplier<SpApiClient> spApi,
                        Settings settings, Clock clock) {
        this.sellers = Objects.requireNonNull(sellers);
        this.secrets = Objects.requireNonNull(secrets);
        this.store = Objects.requireNonNull(store);
        this.spApi = Objects.requireNonNull(spApi);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.states = new OnboardingState(sellers, secrets, settings.stateKeySecret(), clock);
    }

    /** Seller Central's authorization URI for the seller (step 3 of the workflow), with a new one-time state. */
    Consent authorize(SellerRegistration seller, String redirectUri) {
        OnboardingState.Issued issued = states.issue(seller.seller(), null);
        Instant expires = issued.expires();
        String state = issued.state();
        String applicationId = SecretSource.field(secrets.secret(settings.applicationSecret()), "application_id",
                settings.applicationSecret());
        String url = consentBase(seller.region()) + "/apps/authorize/consent?application_id=" + enc(applicationId)
                + "&state=" + enc(state) + "&redirect_uri=" + enc(redirectUri) + (settings.draftApplication() ? "&version=beta" : "");
        return new Consent(url, expires);
    }

    /**
     * Steps 6-7 of the workflow. The state is checked (signature, expiry, then used up) before anything else; then the
     * code is exchanged, the token stored and the notifications subscribed.
     *
     * @throws OnboardingState.Refused  for a forged, expired or used state, or a callback without a code or selling partner
     * @throws OnboardingState.ExchangeFailed when Login with Amazon refused the code or could not be reached (recorded as failed)
     */
    Outcome complete(String state, String sellingPartnerId, String code, String redirectUri) {
        OnboardingState.Claims claims = states.verify(state, null);
        SellerId seller = claims.seller();
        if (sellingPartnerId == null || !PARTNER.matcher(sellingPartnerId).matches() || code == null
                || !CODE.matcher(code).matches()) {
            throw new OnboardingState.Refused("the callback lacks a valid selling_partner_id or spapi_oauth_code");
        }
        if (!states.consume(claims)) {
            throw new OnboardingState.Refused("this authorization state was used already");
        }
        Map<String, String> application = secrets.secret(settings.applicationSecret());
        String refreshToken;
        try {
            refreshToken = spApi.get().exchangeAuthorizationCode(application, settings.applicationSecret(), code, redirectUri);
        } catch (LwaAuthException e) {
            throw failed(seller, "Login with Amazon refused the authorization code (" + e.error() + ")");
        } catch (UpstreamException e) {
            throw failed(seller, "Login with Amazon could not be reached (" + e.getMessage() + ")");
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("client_id", SecretSource.field(application, "client_id", settings.applicationSecret()));
        credentials.put("client_secret", SecretSource.field(application, "client_secret", settings.applicationSecret()));
        credentials.put("refresh_token", refreshToken);
        credentials.put("selling_partner_id", sellingPartnerId);
        String secretName = settings.sellerSecretPrefix() + seller.value();
        store.put(secretName, credentials);
        AmazonConnection connection;
        try {
            connection = new AmazonConnection(AmazonConnection.Status.CONNECTED, sellingPartnerId, clock.instant(), null,
                    subscribe(new SellerAccount(seller.value(), secretName, settings.region())));
        } catch (UpstreamException | IllegalStateException e) {
            connection = new AmazonConnection(AmazonConnection.Status.NOTIFICATIONS_FAILED, sellingPartnerId, clock.instant(),
                    "subscribing to notifications failed (" + e.getMessage() + "); authorize again to retry", List.of());
        }
        sellers.recordAmazonConnection(seller, connection);
        return new Outcome(seller, connection);
    }

    private List<String> subscribe(SellerAccount seller) {
        NotificationsClient notifications = spApi.get().notifications();
        String destination = notifications.destinationFor(
                SellerAccount.grantless(settings.applicationSecret(), settings.region(), NotificationsClient.SCOPE),
                "deskbridge-spapi-notifications", settings.notificationsQueueArn());
        List<String> subscribed = new ArrayList<>();
        SUBSCRIPTIONS.forEach((type, version) -> {
            notifications.subscribe(seller, type, destination, version);
            subscribed.add(type);
        });
        return subscribed;
    }

    private OnboardingState.ExchangeFailed failed(SellerId seller, String reason) {
        sellers.recordAmazonConnection(seller, new AmazonConnection(AmazonConnection.Status.FAILED, null, clock.instant(),
                reason + "; authorize again to retry", List.of()));
        return new OnboardingState.ExchangeFailed(seller, reason);
    }

    /**
     * Seller Central for the seller's region (https://developer-docs.amazon.com/sp-api/docs/seller-central-urls): North
     * America on sellercentral.amazon.com, Europe on sellercentral-europe.amazon.com, the Far East on
     * sellercentral.amazon.co.jp.
     */
    private String consentBase(String region) {
        return settings.consentBaseOverride().orElseGet(() -> switch (region.toLowerCase(Locale.ROOT)) {
            case "na" -> "https://sellercentral.amazon.com";
            case "fe" -> "https://sellercentral.amazon.co.jp";
            default -> "https://sellercentral-europe.amazon.com";
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> subscriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("FEED_PROCESSING_FINISHED", "2020-09-04"); // FeedProcessingFinishedNotification.json
        m.put("ORDER_CHANGE", "1.0");                   // OrderChangeNotification.json
        return java.util.Collections.unmodifiableMap(m);
    }
}
