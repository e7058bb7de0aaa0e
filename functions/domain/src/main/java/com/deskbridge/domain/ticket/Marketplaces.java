package com.deskbridge.domain.ticket;

import java.util.Map;
import java.util.Optional;

/**
 * The names people know marketplaces by ("Amazon.de"), for the ids channels send. Amazon's ids:
 * https://developer-docs.amazon.com/sp-api/docs/marketplace-ids ; eBay's MarketplaceIdEnum:
 * https://developer.ebay.com/api-docs/static/rest-request-components.html#marketpl
 */
public final class Marketplaces {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", "Amazon.com"), Map.entry("A2EUQ1WTGCTBG2", "Amazon.ca"),
            Map.entry("A1AM78C64UM0Y8", "Amazon.com.mx"), Map.entry("A2Q3Y263D00KWC", "Amazon.com.br"),
            Map.entry("A1PA6795UKMFR9", "Amazon.de"), Map.entry("A1F83G8C2ARO7P", "Amazon.co.uk"),
            Map.entry("A13V1IB3VIYZZH", "Amazon.fr"), Map.entry("APJ6JRA9NG5V4", "Amazon.it"),
            Map.entry("A1RKKUPIHCS9HS", "Amazon.es"), Map.entry("A1805IZSGTT6HS", "Amazon.nl"),
            Map.entry("A2NODRKZP88ZB9", "Amazon.se"), Map.entry("A1C3SOZRARQ6R3", "Amazon.pl"),
            Map.entry("AMEN7PMS3EDWL", "Amazon.com.be"), Map.entry("A28R8C7NBKEWEA", "Amazon.ie"),
            Map.entry("A33AVAJ2PDY3EV", "Amazon.com.tr"), Map.entry("A2VIGQ35RCS4UG", "Amazon.ae"),
            Map.entry("A17E79C6D8DWNP", "Amazon.sa"), Map.entry("ARBP9OOSHTCHU", "Amazon.eg"),
            Map.entry("A21TJRUUN4KGV", "Amazon.in"), Map.entry("A19VAU5U5O7RUS", "Amazon.sg"),
            Map.entry("A39IBJ37TRP1C6", "Amazon.com.au"), Map.entry("A1VC38T7YXB528", "Amazon.co.jp"),
            Map.entry("EBAY_US", "eBay.com"), Map.entry("EBAY_CA", "eBay.ca"), Map.entry("EBAY_GB", "eBay.co.uk"),
            Map.entry("EBAY_DE", "eBay.de"), Map.entry("EBAY_AT", "eBay.at"), Map.entry("EBAY_CH", "eBay.ch"),
            Map.entry("EBAY_FR", "eBay.fr"), Map.entry("EBAY_IT", "eBay.it"), Map.entry("EBAY_ES", "eBay.es"),
            Map.entry("EBAY_NL", "eBay.nl"), Map.entry("EBAY_BE", "eBay.be"), Map.entry("EBAY_IE", "eBay.ie"),
            Map.entry("EBAY_PL", "eBay.pl"), Map.entry("EBAY_AU", "eBay.com.au"));

    private Marketplaces() {
    }

    /** The marketplace's name, or empty for an id this list does not know (e.g. a Shopify shop). */
    public static Optional<String> name(String marketplaceId) {
        return marketplaceId == null ? Optional.empty() : Optional.ofNullable(NAMES.get(marketplaceId.trim()));
    }
}
