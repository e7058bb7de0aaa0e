package com.deskbridge.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The Identity API's getUser (https://developer.ebay.com/api-docs/commerce/identity/resources/user/methods/getUser):
 * who authorised Deskbridge, so onboarding stores the seller's eBay user name, immutable user id and registration
 * marketplace (EU and UK marketplaces mean eBay's digital signatures are required on refunds and cancellations).
 */
public final class EbayIdentityClient {

    /** Registration marketplaces whose sellers are EU- or UK-domiciled. */
    static final Set<String> EU_UK = Set.of("EBAY_AT", "EBAY_BE", "EBAY_DE", "EBAY_ES", "EBAY_FR", "EBAY_GB", "EBAY_IE", "EBAY_IT",
            "EBAY_NL", "EBAY_PL");

    private final EbayTransport transport;

    EbayIdentityClient(EbayTransport transport) {
        this.transport = transport;
    }

    /** The seller behind the account's token. */
    public record EbayUser(String userId, String username, String registrationMarketplaceId) {
        public boolean euOrUkDomiciled() {
            return EU_UK.contains(registrationMarketplaceId);
        }
    }

    public EbayUser user(EbayAccount account) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_USER, "/commerce/identity/v1/user/");
        JsonNode u = EbayMessagesClient.ok(r, EbayOperation.GET_USER);
        return new EbayUser(EbayJson.required(u, "userId", EbayOperation.GET_USER), EbayJson.required(u, "username", EbayOperation.GET_USER),
                EbayJson.text(u, "registrationMarketplaceId").orElse(""));
    }
}
