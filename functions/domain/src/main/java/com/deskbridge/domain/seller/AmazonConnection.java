package com.deskbridge.domain.seller;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a seller's Amazon connection stands after the SP-API website authorization workflow
 * (https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow): connected (the refresh token is
 * stored, the notification subscriptions exist), connected without notifications (the token is stored, subscribing
 * failed: authorize again to retry), or failed (Login with Amazon refused or could not be reached: nothing stored,
 * authorize again). Never holds a token.
 *
 * @param sellingPartnerId Amazon's id of the seller's account (the callback's {@code selling_partner_id}); null when failed
 * @param reason           why the last attempt failed (failed, or connected without notifications); null otherwise
 * @param subscriptions    the notification types subscribed (e.g. ORDER_CHANGE)
 */
public record AmazonConnection(Status status, String sellingPartnerId, Instant updatedAt, String reason,
                               List<String> subscriptions) {
    public enum Status {
        CONNECTED, NOTIFICATIONS_FAILED, FAILED;

        /** The API's spelling: connected, notifications-failed, failed. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public AmazonConnection {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }
}
