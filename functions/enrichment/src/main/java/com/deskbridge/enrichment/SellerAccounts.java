package com.deskbridge.enrichment;

import com.deskbridge.spapi.SellerAccount;

/**
 * Which SP-API authorisation serves a seller's order: the secret with the seller's LWA credentials and the region of
 * the marketplace. The default names the secret {@code {prefix}{sellerId}}.
 */
@FunctionalInterface
public interface SellerAccounts {

    SellerAccount account(String sellerId, String marketplaceId);

    /** Secrets named {@code prefix + sellerId}; orders without a marketplace are read in {@code defaultMarketplaceId}'s region. */
    static SellerAccounts bySecretPrefix(String prefix, String defaultMarketplaceId) {
        return (seller, marketplace) -> SellerAccount.forMarketplace(seller, prefix + seller,
                marketplace == null ? defaultMarketplaceId : marketplace);
    }
}
