package com.deskbridge.ebay;

import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import java.util.Map;
import java.util.Objects;

/**
 * {@link EbaySellers} from the secrets port: a seller's eBay authorisation lives in the secret
 * {@code <prefix><sellerId>} with the OAuth fields {@link EbayAccount} names and the account's {@code username},
 * {@code marketplace_id} (default {@code EBAY_US}) and {@code eu_or_uk_domiciled} ({@code true}: refunds and
 * cancellations carry digital signatures). A seller without the secret, or without a user name in it, has not
 * authorised Deskbridge: {@link IllegalStateException} naming the seller and the secret, never a value.
 */
public final class EbaySecretAccounts implements EbaySellers {

    private final SecretSource secrets;
    private final String prefix;

    public EbaySecretAccounts(SecretSource secrets, String prefix) {
        this.secrets = Objects.requireNonNull(secrets);
        this.prefix = Objects.requireNonNull(prefix);
    }

    @Override
    public EbayAccount account(String sellerId) {
        String name = prefix + sellerId;
        Map<String, String> secret;
        try {
            secret = secrets.secret(name);
        } catch (MissingSecretException e) {
            throw new IllegalStateException("seller " + sellerId + " has not authorised Deskbridge on eBay (no secret " + name + ")");
        }
        String username = SecretSource.field(secret, "username", name);
        return new EbayAccount(sellerId, name, username, secret.getOrDefault("marketplace_id", "EBAY_US"),
                Boolean.parseBoolean(secret.getOrDefault("eu_or_uk_domiciled", "false")));
    }
}
