package com.deskbridge.domain.inbox;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.util.Locale;

/**
 * The smart inbox's views. Every seller has all of them from the first ticket (no set-up); which a ticket is in is a
 * pure function of the ticket ({@link InboxRules#membership}). {@link #MINE} is per agent: the agent the ticket is
 * assigned to or, unassigned, who last handled it.
 */
public enum InboxView {
    BREACHING_SOON("breaching-soon", "Breaching soon"),
    DELIVERY_PROBLEMS("delivery-problems", "Delivery problems"),
    CANCEL_BEFORE_SHIPPING("cancel-before-shipping", "Cancel before it ships"),
    REFUNDS_AND_RETURNS("refunds-and-returns", "Refunds and returns"),
    WHERE_IS_MY_ORDER_TRACKING_KNOWN("where-is-my-order-tracking-known", "Where is my order: tracking known"),
    WHERE_IS_MY_ORDER_TRACKING_UNKNOWN("where-is-my-order-tracking-unknown", "Where is my order: tracking unknown"),
    PRODUCT_QUESTIONS("product-questions", "Product questions"),
    NEEDS_TRIAGE("needs-triage", "Needs triage"),
    NO_REPLY_NEEDED("no-reply-needed", "No reply needed"),
    MINE("mine", "Mine");

    private final String wireName;
    private final String title;

    InboxView(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** @throws InvalidInputException naming {@code field} for an unknown view */
    public static InboxView parse(String raw, String field) {
        String v = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        for (InboxView view : values()) {
            if (view.wireName.equals(v)) {
                return view;
            }
        }
        throw new InvalidInputException(field, "unknown view '" + raw + "'");
    }
}
