package com.deskbridge.api;

import com.deskbridge.carriers.CarrierCredentials;
import com.deskbridge.carriers.CarrierRegistry;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.carriers.SellerCarriers;
import com.deskbridge.domain.seller.CarrierConnection;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.http.SecretStore;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Connecting a seller's own carrier accounts ({@code PUT /sellers/{id}/carriers/{carrier}}): the credentials are
 * checked for shape ({@link CarrierCredentials#validate}), then tried in one cheap call to the carrier
 * ({@link CarrierRegistry#check}). Credentials the carrier accepted go to Secrets Manager under
 * {@code <prefix><seller>/<carrier>} ({@link SellerCarriers#secretName}), where enrichment's tracking look-ups for the
 * seller find them; refused ones are not stored (credentials verified earlier stay in use). Every check is recorded
 * ({@link CarrierConnection}, never a credential); a carrier that cannot be reached is no answer about the credentials:
 * nothing is stored or recorded ({@link Unreachable}). {@code DELETE} removes the seller's own credentials
 * ({@link #disconnect}). Credentials are never returned, logged or kept in memory.
 */
final class CarrierConnections {

    /** The carrier gave no usable answer: nothing was stored or recorded. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String reason) {
            super(reason);
        }
    }

    private final SellerRegistry sellers;
    private final Supplier<CarrierRegistry> carriers;
    private final SecretStore store;
    private final String prefix;
    private final Clock clock;

    /**
     * @param carriers the carrier adapters the checks are made with (they read no secret: the credentials are passed)
     * @param prefix   {@code CarrierSellerSecretPrefix}: the seller's credentials go to {@code <prefix><seller>/<carrier>}
     */
    CarrierConnections(SellerRegistry sellers, Supplier<CarrierRegistry> carriers, SecretStore store, String prefix, Clock clock) {
        this.sellers = Objects.requireNonNull(sellers);
        this.carriers = Objects.requireNonNull(carriers);
        this.store = Objects.requireNonNull(store);
        this.prefix = Objects.requireNonNull(prefix);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Checks and (when the carrier accepts them) stores the seller's credentials for one carrier.
     *
     * @throws CarrierCredentials.InvalidCredentialsException naming a missing, malformed or foreign field
     * @throws Unreachable when the carrier gave no usable answer
     */
    CarrierConnection connect(SellerId seller, TrackingUpstream upstream, Map<String, String> given, String agent) {
        Map<String, String> credentials = CarrierCredentials.validate(upstream, given);
        String carrier = CarrierSettings.key(upstream);
        boolean storedBefore = current(seller, carrier).map(CarrierConnection::stored).orElse(false);
        CarrierCredentials.Check check = carriers.get().check(upstream, credentials);
        CarrierConnection connection;
        if (check instanceof CarrierCredentials.Verified v) {
            store.put(SellerCarriers.secretName(prefix, seller.value(), upstream), credentials);
            connection = new CarrierConnection(carrier, CarrierConnection.Status.VERIFIED, v.checkedAt(), true, null, agent);
        } else if (check instanceof CarrierCredentials.Rejected r) {
            connection = new CarrierConnection(carrier, CarrierConnection.Status.REJECTED, r.checkedAt(), storedBefore,
                    r.reason() + "; nothing was stored" + (storedBefore ? " (the credentials verified earlier stay in use)" : ""),
                    agent);
        } else {
            throw new Unreachable(((CarrierCredentials.Unreachable) check).reason());
        }
        sellers.recordCarrierConnection(seller, connection);
        return connection;
    }

    /**
     * Removes the seller's own credentials for one carrier (the secret is deleted before the removal is recorded, so a
     * failure in between leaves nothing in use that the list does not show); the stack's account is used again. Removing
     * credentials that were never stored is recorded the same way and is no error.
     */
    CarrierConnection disconnect(SellerId seller, TrackingUpstream upstream, String agent) {
        store.delete(SellerCarriers.secretName(prefix, seller.value(), upstream));
        CarrierConnection connection = new CarrierConnection(CarrierSettings.key(upstream), CarrierConnection.Status.REMOVED,
                clock.instant(), false, null, agent);
        sellers.recordCarrierConnection(seller, connection);
        return connection;
    }

    /** The seller's connections by carrier key. */
    List<CarrierConnection> list(SellerId seller) {
        return sellers.carrierConnections(seller);
    }

    private Optional<CarrierConnection> current(SellerId seller, String carrier) {
        return sellers.carrierConnections(seller).stream().filter(c -> c.carrier().equals(carrier)).findFirst();
    }
}
