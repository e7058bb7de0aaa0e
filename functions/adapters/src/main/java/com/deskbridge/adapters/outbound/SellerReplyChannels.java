package com.deskbridge.adapters.outbound;

import com.deskbridge.domain.port.OutboundChannels;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The channels a seller's replies can leave by, as deployed: Amazon always (SMTP to the buyer's relay alias); eBay when
 * the seller has authorised Deskbridge (the secret {@code <ebayPrefix><sellerId>}, written by the eBay onboarding,
 * whose replies go through eBay's Message API {@code sendMessage}); Shopify and plain e-mail when the seller's shop
 * secret {@code <shopifyPrefix><sellerId>} names the shop's support address ({@code support_address}), the address
 * those replies are mailed from (SES in AWS, SMTP locally). A seller without the channel's secret is refused with a
 * 409 before anything is recorded. The API and the sender function both ask this one object.
 */
public final class SellerReplyChannels implements OutboundChannels {

    /** The field of the shop secret that holds the address replies are mailed from. */
    public static final String SUPPORT_ADDRESS = "support_address";
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

    private final SecretSource secrets;
    private final String ebayPrefix;
    private final String shopifyPrefix;

    public SellerReplyChannels(SecretSource secrets, String ebayPrefix, String shopifyPrefix) {
        this.secrets = Objects.requireNonNull(secrets);
        this.ebayPrefix = Objects.requireNonNull(ebayPrefix);
        this.shopifyPrefix = Objects.requireNonNull(shopifyPrefix);
    }

    /** Channels with an outbound adapter at all (every channel now; whether the seller configured it is asked below). */
    @Override
    public boolean canSend(Channel channel) {
        return true;
    }

    @Override
    public boolean canSend(SellerId seller, Channel channel) {
        return switch (channel) {
            case AMAZON -> true;
            case EBAY -> secret(ebayPrefix + seller.value()).isPresent();
            case SHOPIFY, EMAIL -> shopAddress(seller).isPresent();
        };
    }

    /** The secret name of the seller's eBay authorisation. */
    public String ebaySecretName(SellerId seller) {
        return ebayPrefix + seller.value();
    }

    /** The address the seller's Shopify and e-mail replies are mailed from, when configured and well formed. */
    public Optional<String> shopAddress(SellerId seller) {
        return secret(shopifyPrefix + seller.value()).map(s -> s.get(SUPPORT_ADDRESS))
                .map(String::trim).filter(a -> ADDRESS.matcher(a).matches());
    }

    private Optional<Map<String, String>> secret(String name) {
        try {
            return Optional.of(secrets.secret(name));
        } catch (MissingSecretException e) {
            return Optional.empty();
        }
    }
}
