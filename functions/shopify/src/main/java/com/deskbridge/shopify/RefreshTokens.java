package com.deskbridge.shopify;

/**
 * Port: where a store's current refresh token is kept (the seller's secret). Shopify rotates the refresh token on
 * every refresh (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens),
 * so the new one must be stored at once; {@link #replace} is a compare-and-set, so that two containers refreshing at
 * the same time cannot overwrite the newer token with an older one.
 */
public interface RefreshTokens {

    /** The stored refresh token. */
    String current(ShopifyShop shop);

    /** Stores {@code next} if {@code previous} is still the stored token; false (nothing written) otherwise. */
    boolean replace(ShopifyShop shop, String previous, String next);
}
