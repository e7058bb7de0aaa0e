package com.deskbridge.domain.seller;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a seller's own account with one carrier stands after its latest credentials check: {@code VERIFIED} (the
 * carrier accepted the credentials: they are stored and used for the seller's tracking), {@code REJECTED} (the carrier
 * refused them: nothing was stored; credentials verified earlier, if any, stay in use) or {@code REMOVED} (the seller's
 * own credentials were deleted: the stack's account is used again). Never holds a credential.
 *
 * @param carrier   the carrier's key ({@code dhl}, {@code ups}, {@code fedex}, {@code usps}, {@code dpd}, {@code aggregator})
 * @param stored    whether the seller has credentials of its own stored for the carrier (from this or an earlier check)
 * @param reason    why the carrier refused them (REJECTED); null otherwise
 * @param checkedBy who sent them, or removed them (the token's subject)
 */
public record CarrierConnection(String carrier, Status status, Instant checkedAt, boolean stored, String reason,
                                String checkedBy) {
    public enum Status {
        VERIFIED, REJECTED, REMOVED;

        /** The API's spelling: verified, rejected, removed. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CarrierConnection {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
