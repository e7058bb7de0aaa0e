package com.deskbridge.actions;

import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.channels.ActionAttempts;
import com.deskbridge.ebay.EbaySecretAccounts;
import com.deskbridge.ebay.EbayCallLimits;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayEndpoints;
import com.deskbridge.ebay.EbayOrderActions;
import com.deskbridge.ebay.EbayOrderSource;
import com.deskbridge.enrichment.ChannelOrderSources;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.shopify.ShopifyClient;
import com.deskbridge.shopify.ShopifyEndpoints;
import com.deskbridge.shopify.ShopifyOrderActions;
import com.deskbridge.shopify.ShopifyOrderLinker;
import com.deskbridge.shopify.ShopifyOrderSource;
import com.deskbridge.shopify.ShopifyShop;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Which eBay account and which Shopify store a seller has, and the order gateways for them ({@link ChannelGateways}).
 * The seller configuration is one Secrets Manager secret per seller and channel (README "eBay and Shopify accounts"):
 * <ul>
 * <li>{@code EBAY_SECRET_PREFIX + sellerId}: {@code client_id}, {@code client_secret}, {@code refresh_token} (eBay's
 *     user token grant), {@code username}, {@code marketplace_id} (e.g. {@code EBAY_DE}), {@code eu_or_uk_domiciled}
 *     ({@code true} for sellers domiciled in the EU or UK) with {@code signing_jwe}, {@code signing_private_key},
 *     {@code signing_algorithm} (https://developer.ebay.com/develop/guides/digital-signatures-for-apis);</li>
 * <li>{@code SHOPIFY_SECRET_PREFIX + sellerId}: {@code shop_domain}, {@code client_id}, {@code client_secret}, and
 *     {@code refresh_token} (expiring offline tokens, rotated in place) or {@code access_token}; optional
 *     {@code order_prefixes}, comma-separated (the store's order ID format, e.g. {@code SHOP-}).</li>
 * </ul>
 * A seller without the secret has no account on that channel: its tickets' orders take Amazon's path. A ticket from
 * eBay asks eBay; a ticket from Shopify or a buyer's e-mail asks the seller's Shopify store. The same accounts serve
 * the order actions ({@link ChannelGateways}) and the order context of enrichment ({@link ChannelOrderSources}).
 */
public final class ChannelAccounts implements ChannelGateways, ChannelOrderSources {

    private final SecretSource secrets;
    private final String ebayPrefix;
    private final String shopifyPrefix;
    private final Gateway ebay;
    private final Gateway shopify;
    private final Orders ebayOrders;
    private final Orders shopifyOrders;

    ChannelAccounts(SecretSource secrets, String ebayPrefix, String shopifyPrefix, EbayClient ebayClient,
                    ShopifyClient shopifyClient, ActionAttempts attempts, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.ebayPrefix = Objects.requireNonNull(ebayPrefix);
        this.shopifyPrefix = Objects.requireNonNull(shopifyPrefix);
        EbaySecretAccounts ebayAccounts = new EbaySecretAccounts(secrets, ebayPrefix);
        this.ebay = new Gateway("ebay", new EbayOrderActions(ebayClient, ebayAccounts, attempts, clock));
        this.shopify = new Gateway("shopify", new ShopifyOrderActions(shopifyClient, this::shop, attempts, clock));
        this.ebayOrders = new Orders("eBay", new EbayOrderSource(ebayClient, ebayAccounts));
        ShopifyOrderLinker linker = new ShopifyOrderLinker(shopifyClient, this::shop, clock);
        this.shopifyOrders = new Orders("Shopify", new ShopifyOrderSource(shopifyClient, this::shop),
                (seller, subject, body, sender) -> {
                    ShopifyOrderLinker.Link link = linker.link(seller, subject, body, sender);
                    return new ChannelOrderSources.Link(link.orderName(), link.reason());
                });
    }

    /** From the environment template.yaml sets (EBAY_ENDPOINT / SHOPIFY_ENDPOINT empty: the production hosts). */
    public static ChannelAccounts fromEnvironment(DynamoDbClient dynamo, String table, Clock clock) {
        return fromEnvironment(dynamo, table, clock, java.time.Duration.ZERO);
    }

    /**
     * {@code missingSecrets}: how long a seller found without an account is taken to have none before its secret is
     * asked for again ({@link SecretsManagerSource#MISSING} where accounts are looked up per message).
     */
    public static ChannelAccounts fromEnvironment(DynamoDbClient dynamo, String table, Clock clock,
                                                  java.time.Duration missingSecrets) {
        SecretsManagerClient client = SecretsManagerSource.sharedClient(); // the container's one (not a second per refund)
        SecretSource secrets = new SecretsManagerSource(client, clock, missingSecrets);
        HttpClient http = HttpClient.newHttpClient();
        EbayEndpoints ebayEndpoints = Env.get("EBAY_ENDPOINT").filter(s -> !s.isBlank()).map(EbayEndpoints::local)
                .orElseGet(EbayEndpoints::production);
        ShopifyEndpoints shopifyEndpoints = Env.get("SHOPIFY_ENDPOINT").filter(s -> !s.isBlank()).map(ShopifyEndpoints::local)
                .orElseGet(ShopifyEndpoints::production);
        EbayClient ebay = new EbayClient(http, clock, Sleeper.REAL, secrets, ebayEndpoints, new EbayCallLimits(clock));
        ShopifyClient shopify = new ShopifyClient(http, clock, Sleeper.REAL, secrets, new SecretsManagerRefreshTokens(client),
                shopifyEndpoints);
        return new ChannelAccounts(secrets, Env.get("EBAY_SECRET_PREFIX").orElse("deskbridge/ebay/"),
                Env.get("SHOPIFY_SECRET_PREFIX").orElse("deskbridge/shopify/"), ebay, shopify,
                new DynamoDbActionAttempts(dynamo, table), clock);
    }

    @Override
    public Optional<Gateway> forTicket(String sellerId, String ticketChannel) {
        return pick(sellerId, ticketChannel, ebay, shopify);
    }

    @Override
    public Optional<Orders> orders(String sellerId, String ticketChannel) {
        return pick(sellerId, ticketChannel, ebayOrders, shopifyOrders);
    }

    /** eBay's for an eBay ticket, the store's for a Shopify or e-mail ticket, if the seller has that account. */
    private <T> Optional<T> pick(String sellerId, String ticketChannel, T onEbay, T onShopify) {
        String channel = ticketChannel == null ? "" : ticketChannel;
        if (channel.equals("ebay")) {
            return has(ebayPrefix + sellerId) ? Optional.of(onEbay) : Optional.empty();
        }
        if (channel.equals("shopify") || channel.equals("email")) {
            return has(shopifyPrefix + sellerId) ? Optional.of(onShopify) : Optional.empty();
        }
        return Optional.empty();
    }

    private boolean has(String secretName) {
        try {
            secrets.secret(secretName);
            return true;
        } catch (MissingSecretException e) {
            return false;
        }
    }

    /** The seller's store from its secret (also what verifies its webhooks); {@link MissingSecretException} without one. */
    public ShopifyShop shop(String sellerId) {
        String name = shopifyPrefix + sellerId;
        Map<String, String> s = secrets.secret(name);
        String prefixes = s.getOrDefault("order_prefixes", "");
        List<String> list = prefixes.isBlank() ? List.of()
                : Arrays.stream(prefixes.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        return new ShopifyShop(sellerId, SecretSource.field(s, "shop_domain", name), name, list);
    }
}
