package com.deskbridge.api;

import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.Placeholder;
import com.deskbridge.macros.RenderResult;
import java.util.List;
import java.util.Objects;

/**
 * Macros for the reply box: the seller's catalog (built-ins and own macros) and a macro rendered with the ticket's
 * live data, with its compliance findings, or the placeholders that have no value yet (never blank text).
 */
final class MacroService {
    private static final ComplianceChecker LINKS_ALLOWED = new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS);
    private final ComplianceChecker compliance;
    private final SettingsService settings;
    private final TicketContext context;

    MacroService(ComplianceChecker compliance, SettingsService settings, TicketContext context) {
        this.compliance = Objects.requireNonNull(compliance);
        this.settings = Objects.requireNonNull(settings);
        this.context = Objects.requireNonNull(context);
    }

    sealed interface Outcome {
    }

    record NotFound(String macroId) implements Outcome {
    }

    record Missing(List<Placeholder> placeholders) implements Outcome {
    }

    record Rendered(String macroId, String text, MacroLanguage language, ComplianceReport report) implements Outcome {
    }

    /** The seller's macros, all or those suggested for {@code intent}. */
    List<Macro> catalog(SellerId seller, String intent) {
        MacroCatalog catalog = settings.replySettings(seller).catalog();
        return intent == null ? catalog.all() : catalog.suggest(intent);
    }

    Outcome render(SellerId seller, TicketDetail ticket, String macroId, MacroLanguage language) {
        ReplySettings replySettings = settings.replySettings(seller);
        MacroCatalog catalog = replySettings.catalog();
        if (catalog.find(macroId).isEmpty()) {
            return new NotFound(macroId);
        }
        String sellerId = seller.value();
        String ticketId = ticket.ticket().id().value();
        RenderResult result = catalog.render(macroId, TicketMacroValues.of(replySettings, ticket,
                context.enrichment(sellerId, ticketId), context.actions(sellerId, ticketId),
                settings.timeZone(seller, ticket.ticket().channel())), language);
        if (result instanceof RenderResult.MissingValues missing) {
            return new Missing(missing.missing());
        }
        RenderResult.Rendered rendered = (RenderResult.Rendered) result;
        ComplianceChecker checker = replySettings.macroSettings().carrierLinksEnabled() ? LINKS_ALLOWED : compliance;
        return new Rendered(macroId, rendered.text(), rendered.language(), checker.check(OutgoingMessage.of(rendered.text())));
    }
}
