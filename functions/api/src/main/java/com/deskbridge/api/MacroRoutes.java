package com.deskbridge.api;

import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroValues;
import com.deskbridge.macros.Placeholder;
import com.deskbridge.macros.RenderResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Macros for the reply box: the seller's catalog (built-ins and own macros) and a macro rendered with the ticket's
 * live data, with its compliance findings, or the placeholders that have no value yet (never blank text).
 */
final class MacroRoutes {
    private static final ComplianceChecker LINKS_ALLOWED = new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS);
    private final ComplianceChecker compliance;

    MacroRoutes(ComplianceChecker compliance) {
        this.compliance = compliance;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record MacroJson(String id, String name, boolean builtIn, List<String> languages, List<String> intents,
                     List<String> placeholders) {
    }

    record Catalog(List<MacroJson> items) {
    }

    record Rendered(String macroId, String text, String language, ComplianceJson.ReportJson compliance) {
    }

    static Catalog catalog(MacroCatalog catalog, String intent) {
        List<Macro> macros = intent == null ? catalog.all() : catalog.suggest(intent);
        return new Catalog(macros.stream().map(m -> new MacroJson(m.id(), m.name(), m.builtIn(),
                m.languages().stream().map(MacroLanguage::code).sorted().toList(), m.intents().stream().sorted().toList(),
                m.requiredPlaceholders().stream().map(Placeholder::templateName).sorted().toList())).toList());
    }

    /** @throws ApiProblem 404 for an unknown macro, 422 naming the placeholders without a value */
    Rendered render(ReplySettings settings, TicketDetail ticket, String macroId, MacroLanguage language) {
        MacroCatalog catalog = settings.catalog();
        if (catalog.find(macroId).isEmpty()) {
            throw new ApiProblem("macro-not-found", "Macro not found", 404, "no macro " + macroId + " for this seller",
                    "macroId", null);
        }
        RenderResult result = catalog.render(macroId, values(settings, ticket), language);
        if (result instanceof RenderResult.MissingValues missing) {
            throw new ApiProblem("macro-values-missing", "Macro needs values the ticket does not have", 422,
                    "no value yet for " + missing.missing().stream().map(Placeholder::token).toList()
                            + ": fill them in by hand or wait for the order and tracking data", "macroId",
                    Map.of("missing", missing.missing().stream().map(Placeholder::templateName).toList()));
        }
        RenderResult.Rendered rendered = (RenderResult.Rendered) result;
        ComplianceChecker checker = settings.macroSettings().carrierLinksEnabled() ? LINKS_ALLOWED : compliance;
        return new Rendered(macroId, rendered.text(), rendered.language().code(),
                ComplianceJson.report(checker.check(OutgoingMessage.of(rendered.text()))));
    }

    /** What the ticket itself knows; order and tracking values join when the ticket carries them. */
    static MacroValues values(ReplySettings settings, TicketDetail ticket) {
        MacroValues.Builder values = MacroValues.builder();
        if (settings.shopName() != null) {
            values.text(Placeholder.SELLER_NAME, settings.shopName());
        }
        if (ticket.ticket().orderId() != null) {
            values.text(Placeholder.ORDER_ID, ticket.ticket().orderId());
        }
        ticket.buyerDisplayName().ifPresent(name -> values.text(Placeholder.CUSTOMER_NAME, name));
        return values.build();
    }
}
