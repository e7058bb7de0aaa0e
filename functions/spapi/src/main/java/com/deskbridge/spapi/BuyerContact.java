package com.deskbridge.spapi;

import java.util.Optional;

/**
 * The buyer as v2026 {@code includedData=BUYER} returns it: name and Amazon's anonymised relay address
 * ({@code …@marketplace.amazon.…}), used to thread buyer e-mails to the ticket. Personal data under Amazon's
 * Data Protection Policy (https://developer-docs.amazon.com/sp-api/changelog/update-to-the-data-protection-policy): store with a TTL, never log; {@link #toString()} masks it.
 */
public record BuyerContact(Optional<String> name, Optional<String> anonymisedEmail) {

    @Override
    public String toString() {
        return "BuyerContact[name=" + name.map(n -> "***").orElse("-") + ", anonymisedEmail="
                + anonymisedEmail.map(e -> "***" + e.substring(Math.max(0, e.indexOf('@')))).orElse("-") + "]";
    }
}
