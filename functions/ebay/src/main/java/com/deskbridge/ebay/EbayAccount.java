package com.deskbridge.ebay;

import java.util.Objects;

/**
 * A seller's eBay authorisation as the client needs it.
 *
 * @param secretName        the secret with {@code client_id}, {@code client_secret}, {@code refresh_token} and, for
 *                          signed calls, {@code signing_jwe}, {@code signing_private_key} (PKCS#8, base64) and
 *                          {@code signing_algorithm} ({@code Ed25519} or {@code RSA})
 * @param username          the seller's eBay user name (messages from anyone else are the buyer's)
 * @param marketplaceId     the seller's marketplace ({@code EBAY_DE}), sent as {@code X-EBAY-C-MARKETPLACE-ID}
 * @param signatureRequired true for sellers domiciled in the EU or the UK: issueRefund and the Post-Order
 *                          cancellation calls then carry digital signatures
 *                          (https://developer.ebay.com/develop/guides/digital-signatures-for-apis)
 */
public record EbayAccount(String sellerId, String secretName, String username, String marketplaceId, boolean signatureRequired) {

    public EbayAccount {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(marketplaceId, "marketplaceId");
    }

    /**
     * A seller being onboarded: the secret holds the new refresh token, user name and marketplace are not known yet
     * (the Identity API's getUser tells them).
     */
    public static EbayAccount onboarding(String sellerId, String secretName) {
        return new EbayAccount(sellerId, secretName, "", "EBAY_US", false);
    }
}
