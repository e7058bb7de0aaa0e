package com.deskbridge.domain.seller;

import com.deskbridge.domain.ticket.SellerId;
import java.util.Optional;

/** Who the sellers are: registrations by seller id and by mail alias (an alias belongs to one seller only). */
public interface SellerRegistry {

    /**
     * Registers a seller and takes its alias, both or neither.
     *
     * @throws SellerConflictException when the seller is registered already or another seller holds the alias
     */
    void register(SellerRegistration registration);

    Optional<SellerRegistration> find(SellerId seller);

    /** The seller whose mail alias this is (lower case), if any. */
    Optional<SellerId> sellerForAlias(String alias);

    /** Records the outcome of the seller's latest Amazon authorization (the seller must be registered). */
    void recordAmazonConnection(SellerId seller, AmazonConnection connection);

    /** The outcome of the seller's latest Amazon authorization, if it ever authorized. */
    Optional<AmazonConnection> amazonConnection(SellerId seller);

    /** Records the latest credentials check of the seller's own account with one carrier (replacing the earlier one). */
    void recordCarrierConnection(SellerId seller, CarrierConnection connection);

    /** The seller's carrier connections (latest check per carrier), by carrier key. */
    java.util.List<CarrierConnection> carrierConnections(SellerId seller);

    /** Remembers an authorization request's one-time nonce until {@code expires}. */
    void saveAuthorizationNonce(SellerId seller, String nonce, java.time.Instant expires);

    /**
     * Uses up an authorization request's nonce: true once, for a nonce saved for this seller and not expired at
     * {@code now}; false when it is unknown, used already or expired.
     */
    boolean consumeAuthorizationNonce(SellerId seller, String nonce, java.time.Instant now);

    /** Why a registration was refused: nothing of it was written. */
    final class SellerConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SellerConflictException(String message) {
            super(message);
        }
    }
}
