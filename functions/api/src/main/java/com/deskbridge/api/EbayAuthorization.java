package com.deskbridge.api;

import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.ebay.EbayAccount;
import com.deskbridge.ebay.EbayAuthException;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayIdentityClient;
import com.deskbridge.ebay.EbayOAuth;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.SecretStore;
import com.deskbridge.http.UpstreamException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Connects a seller's eBay account by eBay's authorization code grant
 * (https://developer.ebay.com/api-docs/static/oauth-authorization-code-grant.html), in the pattern of Amazon's
 * ({@link AmazonAuthorization}) and with its signed, expiring, one-time state ({@link OnboardingState}, flow
 * {@value #FLOW}):
 * <ol>
 * <li>{@link #authorize}: eBay's consent URL ({@code https://auth.ebay.com/oauth2/authorize?client_id&redirect_uri=<RuName>
 * &response_type=code&scope&state}, {@link EbayOAuth#consentUrl}); the RuName's "accept URL" in eBay's developer
 * portal is this API's {@value #CALLBACK_PATH};</li>
 * <li>{@link #complete}: eBay's redirect ({@code code}, {@code state}): a forged, expired or used state is refused
 * before anything happens; the code is exchanged at eBay's token endpoint ({@code grant_type=authorization_code}, the
 * RuName as {@code redirect_uri}) for the seller's refresh token; the Identity API's getUser says which eBay user
 * consented and where it is registered; then the seller's secret {@code <EbaySecretPrefix><seller>} is written once,
 * complete, with what {@code EbaySecretAccounts} reads ({@code client_id}, {@code client_secret}, {@code refresh_token},
 * {@code username}, {@code marketplace_id}, {@code eu_or_uk_domiciled} and, when the application holds its signing key
 * from eBay's Key Management API, {@code signing_*}; https://developer.ebay.com/develop/guides/digital-signatures-for-apis).
 * That secret is the seller's eBay account: refunds, cancellations, order context and replies use it from then on.
 * The token is never logged or returned.</li>
 * </ol>
 */
final class EbayAuthorization {
    static final String FLOW = "ebay";
    /** Where eBay redirects with the code (the RuName's accept URL; API Gateway route, template.yaml). */
    static final String CALLBACK_PATH = "/onboarding/ebay/callback";
    /** eBay's authorization codes are short (about 300 characters) and URL-safe once decoded. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._~+/=#^-]{1,1024}");
    private static final List<String> SIGNING = List.of("signing_jwe", "signing_private_key", "signing_algorithm");

    /**
     * @param sellerSecretPrefix {@code EbaySecretPrefix}: the seller's account goes to {@code <prefix><seller>}
     * @param applicationSecret  the eBay application's {@code client_id}, {@code client_secret}, {@code ru_name} and,
     *                           optionally, its {@code signing_*} key
     * @param stateKeySecret     the secret whose {@code key} signs the state (shared with Amazon's flow)
     */
    record Settings(String sellerSecretPrefix, String applicationSecret, String stateKeySecret) {
    }

    /** The consent URL and until when its state is good. */
    record Consent(String url, Instant expires) {
    }

    /** The eBay account the callback connected. */
    record Outcome(SellerId seller, String username, String marketplaceId, boolean euOrUkDomiciled) {
    }

    private final SecretSource secrets;
    private final SecretStore store;
    private final Function<SecretSource, EbayClient> clients;
    private final OnboardingState states;
    private final Settings settings;

    /**
     * @param clients an eBay client over the given secrets (the callback's reads the new token before it is stored)
     */
    EbayAuthorization(SecretSource secrets, SecretStore store, Function<SecretSource, EbayClient> clients, OnboardingState states,
                      Settings settings) {
        this.secrets = Objects.requireNonNull(secrets);
        this.store = Objects.requireNonNull(store);
        this.clients = Objects.requireNonNull(clients);
        this.states = Objects.requireNonNull(states);
        this.settings = Objects.requireNonNull(settings);
    }

    /** eBay's consent URL for the seller, with a new one-time state. */
    Consent authorize(SellerRegistration seller) {
        Map<String, String> application = secrets.secret(settings.applicationSecret());
        OnboardingState.Issued issued = states.issue(seller.seller(), FLOW);
        String url = clients.apply(secrets).oauth().consentUrl(field(application, "client_id"), field(application, "ru_name"),
                issued.state()).toString();
        return new Consent(url, issued.expires());
    }

    /**
     * eBay's redirect after consent. The state is checked and used up before anything else.
     *
     * @throws OnboardingState.Refused for a forged, expired, used or foreign state, or a redirect without a code
     * @throws OnboardingState.ExchangeFailed          when eBay refused the code or could not be reached (nothing stored)
     */
    Outcome complete(String state, String code) {
        OnboardingState.Claims claims = states.verify(state, FLOW);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new OnboardingState.Refused("the redirect lacks a valid code");
        }
        if (!states.consume(claims)) {
            throw new OnboardingState.Refused("this authorization state was used already");
        }
        SellerId seller = claims.seller();
        Map<String, String> application = secrets.secret(settings.applicationSecret());
        String secretName = settings.sellerSecretPrefix() + seller.value();
        Map<String, String> account = new LinkedHashMap<>();
        account.put("client_id", field(application, "client_id"));
        account.put("client_secret", field(application, "client_secret"));
        EbayIdentityClient.EbayUser user;
        try {
            EbayOAuth.Grant grant = clients.apply(secrets).oauth().exchangeCode(settings.applicationSecret(),
                    field(application, "ru_name"), code);
            account.put("refresh_token", grant.refreshToken());
            // who consented, read with the new token before anything is stored
            SecretSource withNewToken = name -> name.equals(secretName) ? Map.copyOf(account) : secrets.secret(name);
            user = clients.apply(withNewToken).identity().user(EbayAccount.onboarding(seller.value(), secretName));
        } catch (EbayAuthException e) {
            throw new OnboardingState.ExchangeFailed(seller, "eBay refused the authorization code (" + e.error() + ")");
        } catch (UpstreamException | IllegalStateException e) {
            throw new OnboardingState.ExchangeFailed(seller, "eBay could not be reached (" + e.getMessage() + ")");
        }
        account.put("username", user.username());
        account.put("marketplace_id", user.registrationMarketplaceId().isBlank() ? "EBAY_US" : user.registrationMarketplaceId());
        account.put("eu_or_uk_domiciled", Boolean.toString(user.euOrUkDomiciled()));
        for (String f : SIGNING) {
            if (application.containsKey(f)) {
                account.put(f, application.get(f));
            }
        }
        store.put(secretName, account);
        return new Outcome(seller, user.username(), account.get("marketplace_id"), user.euOrUkDomiciled());
    }

    private String field(Map<String, String> application, String name) {
        return SecretSource.field(application, name, settings.applicationSecret());
    }
}
