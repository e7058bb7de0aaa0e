package com.deskbridge.macros;

import java.util.Objects;

/**
 * A seller's macro preferences.
 *
 * @param defaultLanguage     the language a macro falls back to when it has no body in the buyer's language
 * @param carrierLinksEnabled whether replies may contain a carrier tracking link ({{TrackingLink}}). Off by default:
 *                            Amazon often strips carrier links, so the safe reply gives carrier and tracking number
 *                            as plain text (https://sellercentral.amazon.com/help/hub/reference/external/G200383320). When on, the catalog also offers
 *                            {@link BuiltInMacros#FBM_SHIPPING_UPDATE_WITH_LINK} and accepts seller macros with
 *                            {{TrackingLink}}; the send path must then check replies with the compliance checker's
 *                            {@code CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS}
 */
public record MacroSettings(MacroLanguage defaultLanguage, boolean carrierLinksEnabled) {
    public MacroSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }

    /** English default, carrier links off. */
    public static MacroSettings defaults() {
        return new MacroSettings(MacroLanguage.EN, false);
    }
}
