package com.deskbridge.macros;

import static com.deskbridge.macros.MacroLanguage.DE;
import static com.deskbridge.macros.MacroLanguage.EN;
import static com.deskbridge.macros.MacroLanguage.ES;
import static com.deskbridge.macros.MacroLanguage.FR;
import static com.deskbridge.macros.MacroLanguage.IT;
import static com.deskbridge.macros.MacroLanguage.NL;
import static com.deskbridge.macros.MacroLanguage.PL;
import static com.deskbridge.macros.MacroLanguage.SV;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deskbridge's own macros (issue 5), in English, German, French, Italian, Spanish, Dutch, Polish and Swedish (every
 * language intake detects, so a buyer never gets the seller's default instead of their own). They follow Amazon's
 * Buyer–Seller Messaging rules (https://sellercentral.amazon.com/help/hub/reference/external/G200383320): no links (the buyer is pointed to "Your Orders" in the
 * Amazon account instead), no contact details, no marketing, and no request for a review or feedback, not even in
 * the thank-you macro. The FBM shipping update gives carrier and tracking number as plain text because Amazon often
 * strips carrier links; {@link #FBM_SHIPPING_UPDATE_WITH_LINK} adds {{TrackingLink}} and is offered only to sellers
 * with {@link MacroSettings#carrierLinksEnabled()}. Signed with the shop name only, so automatic replies (which have
 * no agent) can use them too. Every body is checked by the compliance checker in the tests. The texts live in
 * {@code builtin/<id without prefix>.<language>.txt} beside this class, read once when the class loads.
 */
public final class BuiltInMacros {
    public static final String FBM_SHIPPING_UPDATE = "builtin-fbm-shipping-update";
    public static final String FBM_SHIPPING_UPDATE_WITH_LINK = "builtin-fbm-shipping-update-link";
    public static final String FBA_AMAZON_SUPPORT = "builtin-fba-amazon-support";
    public static final String RETURN_REQUEST = "builtin-return-request";
    public static final String DAMAGED_ITEM = "builtin-damaged-item";
    public static final String CANCELLATION_CONFIRMATION = "builtin-cancellation-confirmation";
    public static final String REFUND_CONFIRMATION = "builtin-refund-confirmation";
    public static final String POSITIVE_FEEDBACK_THANKS = "builtin-positive-feedback-thanks";
    /** A cancellation asked for too late: the order has shipped; refuse the parcel or return it instead. */
    public static final String CANCELLATION_ALREADY_SHIPPED = "builtin-cancellation-already-shipped";
    /** The cancellation is on its way to Amazon (requested, not confirmed yet). */
    public static final String CANCELLATION_REQUESTED = "builtin-cancellation-requested";

    /** Ids starting with this are reserved for built-ins. */
    public static final String ID_PREFIX = "builtin-";

    private static final List<Macro> ALL = List.of(
            macro(FBM_SHIPPING_UPDATE, "Shipping update (seller-fulfilled)", bodies(FBM_SHIPPING_UPDATE),
                    "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM"),
            macro(FBM_SHIPPING_UPDATE_WITH_LINK, "Shipping update with carrier tracking link (seller-fulfilled)",
                    withTrackingLink(bodies(FBM_SHIPPING_UPDATE)), "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM"),
            macro(FBA_AMAZON_SUPPORT, "Delivery question on an FBA order: refer to Amazon customer service",
                    bodies(FBA_AMAZON_SUPPORT), "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM"),
            macro(RETURN_REQUEST, "Return request: how to start the return", bodies(RETURN_REQUEST), "RETURN"),
            macro(DAMAGED_ITEM, "Damaged item: ask for photos, offer replacement or refund", bodies(DAMAGED_ITEM),
                    "DAMAGED_ITEM"),
            macro(CANCELLATION_CONFIRMATION, "Cancellation confirmation", bodies(CANCELLATION_CONFIRMATION),
                    "CANCELLATION_REQUEST"),
            macro(REFUND_CONFIRMATION, "Refund confirmation", bodies(REFUND_CONFIRMATION), "REFUND_REQUEST"),
            macro(POSITIVE_FEEDBACK_THANKS, "Thanks for a kind message", bodies(POSITIVE_FEEDBACK_THANKS),
                    "POSITIVE_FEEDBACK"),
            macro(CANCELLATION_ALREADY_SHIPPED, "Cancellation too late: already shipped, refuse or return it instead",
                    bodies(CANCELLATION_ALREADY_SHIPPED), "CANCELLATION_REQUEST"),
            macro(CANCELLATION_REQUESTED, "Cancellation requested from Amazon (not confirmed yet)",
                    bodies(CANCELLATION_REQUESTED), "CANCELLATION_REQUEST"));

    private BuiltInMacros() {
    }

    /** Every built-in, in a stable order. */
    public static List<Macro> all() {
        return ALL;
    }

    private static Macro macro(String id, String name, Map<MacroLanguage, String> bodies, String... intents) {
        return Macro.define(new MacroDefinition(id, name, bodies, Set.of(intents)), true);
    }

    /** The macro's text in every {@link MacroLanguage}, from {@code builtin/<id>.<language>.txt}. */
    private static Map<MacroLanguage, String> bodies(String id) {
        Map<MacroLanguage, String> m = new EnumMap<>(MacroLanguage.class);
        for (MacroLanguage language : MacroLanguage.values()) {
            String file = "builtin/" + id.substring(ID_PREFIX.length()) + "." + language.name().toLowerCase(Locale.ROOT) + ".txt";
            try (InputStream in = BuiltInMacros.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in macro text missing: " + file);
                }
                m.put(language, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
        }
        return m;
    }

    private static Map<MacroLanguage, String> withTrackingLink(Map<MacroLanguage, String> bodies) {
        Map<MacroLanguage, String> labels = Map.of(EN, "Carrier tracking page", DE,
                "Sendungsverfolgung des Versanddienstleisters", FR, "Page de suivi du transporteur", IT,
                "Pagina di tracciamento del corriere", ES, "Página de seguimiento del transportista", NL,
                "Volgpagina van de vervoerder", PL, "Strona śledzenia przesyłki u przewoźnika", SV,
                "Transportörens spårningssida");
        Map<MacroLanguage, String> m = new EnumMap<>(MacroLanguage.class);
        bodies.forEach((lang, body) -> {
            String line = Placeholder.TRACKING_NUMBER.token() + "\n";
            if (!body.contains(line)) {
                throw new IllegalStateException("no tracking number line in the " + lang + " shipping update");
            }
            String colon = lang == FR ? " : " : ": ";
            m.put(lang, body.replace(line, line + labels.get(lang) + colon + Placeholder.TRACKING_LINK.token()
                    + "\n"));
        });
        return m;
    }

}
