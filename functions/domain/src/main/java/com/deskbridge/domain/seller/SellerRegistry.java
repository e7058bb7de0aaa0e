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

    /** Why a registration was refused: nothing of it was written. */
    final class SellerConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SellerConflictException(String message) {
            super(message);
        }
    }
}
