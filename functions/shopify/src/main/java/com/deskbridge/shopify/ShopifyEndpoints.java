package com.deskbridge.shopify;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a store's Admin API lives: {@code https://{shop}.myshopify.com/admin/api/{version}/graphql.json} and the token
 * endpoint {@code https://{shop}.myshopify.com/admin/oauth/access_token}. Locally every store is a path under the
 * simulator ({@link #local}). The API version is pinned (Shopify releases quarterly and supports each version for a
 * year, https://shopify.dev/docs/api/usage/versioning); 2026-10 is the newest stable version at the time of writing.
 */
public record ShopifyEndpoints(String apiVersion, Optional<URI> localBase) {

    public static final String API_VERSION = "2026-10";

    public ShopifyEndpoints {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(localBase, "localBase");
    }

    public static ShopifyEndpoints production() {
        return new ShopifyEndpoints(API_VERSION, Optional.empty());
    }

    public static ShopifyEndpoints local(String baseUrl) {
        return new ShopifyEndpoints(API_VERSION, Optional.of(URI.create(baseUrl)));
    }

    URI graphql(ShopifyShop shop) {
        return shopBase(shop).resolve("admin/api/" + apiVersion + "/graphql.json");
    }

    URI token(ShopifyShop shop) {
        return shopBase(shop).resolve("admin/oauth/access_token");
    }

    private URI shopBase(ShopifyShop shop) {
        return localBase.map(b -> URI.create(b.toString().replaceAll("/$", "") + "/" + shop.shopDomain() + "/"))
                .orElseGet(() -> URI.create("https://" + shop.shopDomain() + "/"));
    }
}
