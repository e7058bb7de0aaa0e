package com.deskbridge.actions;

import com.deskbridge.shopify.RefreshTokens;
import com.deskbridge.shopify.ShopifyShop;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Shopify's rotated refresh tokens kept where the first one is: the {@code refresh_token} field of the shop's secret.
 * Read uncached (a rotation in another container must be seen at once); replaced with {@code PutSecretValue} only while
 * the stored token is still the one this container presented (Shopify accepts the previous token for a short while,
 * so a container that lost the race still gets an access token with it).
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
 */
public final class SecretsManagerRefreshTokens implements RefreshTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecretsManagerClient client;

    public SecretsManagerRefreshTokens(SecretsManagerClient client) {
        this.client = Objects.requireNonNull(client);
    }

    @Override
    public String current(ShopifyShop shop) {
        return read(shop).path("refresh_token").asText(null);
    }

    @Override
    public synchronized boolean replace(ShopifyShop shop, String previous, String next) {
        ObjectNode secret = read(shop);
        if (!previous.equals(secret.path("refresh_token").asText(null))) {
            return false;
        }
        secret.put("refresh_token", next);
        client.putSecretValue(p -> p.secretId(shop.secretName()).secretString(secret.toString()));
        return true;
    }

    private ObjectNode read(ShopifyShop shop) {
        String value = client.getSecretValue(r -> r.secretId(shop.secretName())).secretString();
        try {
            return (ObjectNode) JSON.readTree(value);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("secret " + shop.secretName() + " is not a JSON object of string fields");
        }
    }
}
