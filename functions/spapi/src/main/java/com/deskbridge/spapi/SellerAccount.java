package com.deskbridge.spapi;

import java.util.Objects;

/**
 * One seller's authorisation of our SP-API application: which secret holds its LWA credentials
 * ({@code client_id}, {@code client_secret}, {@code refresh_token}) and which regional endpoint serves it.
 * The secret name is configuration (one secret per seller app); the secret's values never leave
 * {@link com.deskbridge.http.SecretSource}.
 */
public record SellerAccount(String sellerId, String secretName, Region region) {

    public SellerAccount {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(region, "region");
    }

    /** The {@link #sellerId()} prefix of {@link #grantless} accounts. */
    static final String GRANTLESS = "grantless:";

    /**
     * Not a seller: the application itself, for grantless operations (e.g. the Notifications API's destinations), with
     * an LWA token of {@code grant_type=client_credentials} and {@code scope}
     * (https://developer-docs.amazon.com/sp-api/docs/grantless-operations). The secret holds {@code client_id} and
     * {@code client_secret}.
     */
    public static SellerAccount grantless(String applicationSecretName, Region region, String scope) {
        return new SellerAccount(GRANTLESS + scope, applicationSecretName, region);
    }

    boolean isGrantless() {
        return sellerId.startsWith(GRANTLESS);
    }

    /** The account whose data lives in the region of {@code marketplaceId}. */
    public static SellerAccount forMarketplace(String sellerId, String secretName, String marketplaceId) {
        return new SellerAccount(sellerId, secretName, Region.ofMarketplace(marketplaceId));
    }
}
