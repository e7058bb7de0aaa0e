package com.deskbridge.adapters.settings;

import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroDefinition;
import com.deskbridge.macros.MacroSettings;
import java.util.List;

/**
 * How a seller's replies are written.
 *
 * @param shopName     signs macros and automatic replies ({{SellerName}}); null until the seller sets it, and then
 *                     automatic replies stay off (a reply signed with an account id would look wrong to the buyer)
 * @param autoReplies  whether the automation rules may answer at all
 * @param sellerMacros the seller's own macros, validated together with the built-ins
 */
public record ReplySettings(String shopName, MacroSettings macroSettings, boolean autoReplies,
                            List<MacroDefinition> sellerMacros) {
    public static final ReplySettings DEFAULT = new ReplySettings(null, MacroSettings.defaults(), true, List.of());

    public ReplySettings {
        sellerMacros = List.copyOf(sellerMacros);
    }

    /** The built-ins plus the seller's macros. */
    public MacroCatalog catalog() {
        return MacroCatalog.of(macroSettings, sellerMacros);
    }
}
