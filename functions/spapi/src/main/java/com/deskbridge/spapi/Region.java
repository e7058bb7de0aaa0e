package com.deskbridge.spapi;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * SP-API's three regional endpoints (https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints). A seller's data lives in the region of its
 * marketplaces, so every call goes to the host that serves the seller's marketplace. Marketplace ids from
 * https://developer-docs.amazon.com/sp-api/docs/marketplace-ids .
 */
public enum Region {
    NA("https://sellingpartnerapi-na.amazon.com", "us-east-1"),
    EU("https://sellingpartnerapi-eu.amazon.com", "eu-west-1"),
    FE("https://sellingpartnerapi-fe.amazon.com", "us-west-2");

    private static final Map<String, Region> MARKETPLACES = Map.ofEntries(
            // North America: CA, US, MX, BR
            Map.entry("A2EUQ1WTGCTBG2", NA), Map.entry("ATVPDKIKX0DER", NA),
            Map.entry("A1AM78C64UM0Y8", NA), Map.entry("A2Q3Y263D00KWC", NA),
            // Europe: IE, ES, UK, FR, BE, NL, DE, IT, SE, ZA, PL, SA, EG, TR, AE, IN
            Map.entry("A28R8C7NBKEWEA", EU), Map.entry("A1RKKUPIHCS9HS", EU), Map.entry("A1F83G8C2ARO7P", EU),
            Map.entry("A13V1IB3VIYZZH", EU), Map.entry("AMEN7PMS3EDWL", EU), Map.entry("A1805IZSGTT6HS", EU),
            Map.entry("A1PA6795UKMFR9", EU), Map.entry("APJ6JRA9NG5V4", EU), Map.entry("A2NODRKZP88ZB9", EU),
            Map.entry("AE08WJ6YKNBMC", EU), Map.entry("A1C3SOZRARQ6R3", EU), Map.entry("A17E79C6D8DWNP", EU),
            Map.entry("ARBP9OOSHTCHU", EU), Map.entry("A33AVAJ2PDY3EV", EU), Map.entry("A2VIGQ35RCS4UG", EU),
            Map.entry("A21TJRUUN4KGV", EU),
            // Far East: SG, AU, JP
            Map.entry("A19VAU5U5O7RUS", FE), Map.entry("A39IBJ37TRP1C6", FE), Map.entry("A1VC38T7YXB528", FE));

    private final URI production;
    private final String awsRegion;

    Region(String production, String awsRegion) {
        this.production = URI.create(production);
        this.awsRegion = awsRegion;
    }

    public URI productionUrl() {
        return production;
    }

    /** The sandbox host ({@code https://sandbox.sellingpartnerapi-…}). */
    public URI sandboxUrl() {
        return URI.create(production.toString().replace("https://", "https://sandbox."));
    }

    public String awsRegion() {
        return awsRegion;
    }

    public static Optional<Region> forMarketplace(String marketplaceId) {
        return Optional.ofNullable(MARKETPLACES.get(marketplaceId));
    }

    /** The region of a marketplace; throws for an id that is not an SP-API marketplace. */
    public static Region ofMarketplace(String marketplaceId) {
        return forMarketplace(marketplaceId)
                .orElseThrow(() -> new IllegalArgumentException("unknown SP-API marketplace id: " + marketplaceId));
    }
}
