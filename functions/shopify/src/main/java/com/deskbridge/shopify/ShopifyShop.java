package com.deskbridge.shopify;

import java.util.List;
import java.util.Objects;

/**
 * A seller's Shopify store as the client needs it.
 *
 * @param shopDomain   {@code {shop}.myshopify.com}
 * @param secretName   the app's credentials for the store: {@code client_id}, {@code client_secret} and either
 *                     {@code refresh_token} (expiring offline tokens, required for public apps from 2027-01-01) or a
 *                     non-expiring {@code access_token} (custom apps)
 * @param orderPrefixes the store's own order name prefixes besides {@code #} (Settings → Order ID format), to find
 *                     order names in buyers' e-mails
 */
public record ShopifyShop(String sellerId, String shopDomain, String secretName, List<String> orderPrefixes) {

    public ShopifyShop {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(shopDomain, "shopDomain");
        Objects.requireNonNull(secretName, "secretName");
        orderPrefixes = orderPrefixes == null ? List.of() : List.copyOf(orderPrefixes);
    }
}
