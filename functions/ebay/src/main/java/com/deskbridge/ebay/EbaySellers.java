package com.deskbridge.ebay;

/**
 * Port: the eBay authorisation of a seller (stored at onboarding: user name, marketplace, domicile, secret name).
 * Throws {@link IllegalStateException} naming the seller when it has none.
 */
@FunctionalInterface
public interface EbaySellers {

    EbayAccount account(String sellerId);
}
