package com.deskbridge.spapi;

import java.util.Optional;

/**
 * Where an order goes, reduced to what tracking and SLA logic need (city, postal code, country). The name,
 * street and phone from {@code recipient.deliveryAddress} are dropped on parsing: the helpdesk does not need
 * them, and Amazon's Data Protection Policy asks us to keep as little PII as possible (https://developer-docs.amazon.com/sp-api/changelog/update-to-the-data-protection-policy).
 */
public record ShipTo(Optional<String> city, Optional<String> stateOrRegion, Optional<String> postalCode,
                     Optional<String> countryCode) {
}
