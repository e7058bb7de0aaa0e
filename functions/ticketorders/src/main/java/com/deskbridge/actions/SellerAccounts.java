package com.deskbridge.actions;

import com.deskbridge.spapi.Region;
import com.deskbridge.spapi.SellerAccount;

/**
 * Which SP-API authorisation acts for a seller (secret name and region). Actions need it for the order read, the
 * feed calls and the report download; the default keeps one secret per seller under a common prefix.
 */
@FunctionalInterface
public interface SellerAccounts {

    SellerAccount account(String sellerId);

    /** Secret {@code prefix + sellerId} in {@code region}. */
    static SellerAccounts byPrefix(String secretPrefix, Region region) {
        return sellerId -> new SellerAccount(sellerId, secretPrefix + sellerId, region);
    }
}
