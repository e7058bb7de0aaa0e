package com.deskbridge.macros;

import java.util.Locale;
import java.util.Optional;

/**
 * The live-data fields a macro can insert, written {@code {{Name}}} in a template (product.md §5). Each has a
 * {@link Kind} that decides which value it takes and how it is formatted for the buyer's language: dates and
 * money are formatted per language by {@link MacroValues}, never by the template author.
 */
public enum Placeholder {
    CUSTOMER_NAME("CustomerName", Kind.TEXT),
    ORDER_ID("OrderID", Kind.TEXT),
    ORDER_DATE("OrderDate", Kind.DATE),
    PRODUCT_NAME("ProductName", Kind.TEXT),
    SHIP_DATE("ShipDate", Kind.DATE),
    CARRIER("Carrier", Kind.TEXT),
    TRACKING_NUMBER("TrackingNumber", Kind.TEXT),
    TRACKING_STATUS("TrackingStatus", Kind.TEXT),
    /** A carrier tracking page; only in macros for sellers who enabled carrier links (see {@link MacroSettings}). */
    TRACKING_LINK("TrackingLink", Kind.LINK),
    ESTIMATED_DELIVERY("EstimatedDelivery", Kind.DATE),
    DELIVERY_DATE("DeliveryDate", Kind.DATE),
    REFUND_AMOUNT("RefundAmount", Kind.MONEY),
    CANCEL_REASON("CancelReason", Kind.TEXT),
    SELLER_NAME("SellerName", Kind.TEXT),
    AGENT_NAME("AgentName", Kind.TEXT);

    /** What a placeholder holds. */
    public enum Kind {
        /** Free text, or text given per language (e.g. a {@link TrackingStatus}). */
        TEXT,
        /** A calendar date, formatted per language ("22.11.2026" in German). */
        DATE,
        /** An amount with its currency, formatted per language ("12,50 €" in German). */
        MONEY,
        /** An absolute https URL. */
        LINK
    }

    private final String templateName;
    private final Kind kind;

    Placeholder(String templateName, Kind kind) {
        this.templateName = templateName;
        this.kind = kind;
    }

    /** The name as written between the braces, e.g. "CustomerName". */
    public String templateName() {
        return templateName;
    }

    /** The token as written in a template, e.g. "{{CustomerName}}". */
    public String token() {
        return "{{" + templateName + "}}";
    }

    public Kind kind() {
        return kind;
    }

    /** The placeholder with exactly this template name (case-sensitive), if any. */
    public static Optional<Placeholder> byName(String name) {
        for (Placeholder p : values()) {
            if (p.templateName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The placeholder whose name differs from {@code name} only in case, spaces or underscores, if any. */
    static Optional<Placeholder> closest(String name) {
        String n = squash(name);
        for (Placeholder p : values()) {
            if (squash(p.templateName).equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String squash(String s) {
        return s.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
