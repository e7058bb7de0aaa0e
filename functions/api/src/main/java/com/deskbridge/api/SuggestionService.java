package com.deskbridge.api;

import com.deskbridge.actions.ActionState;
import com.deskbridge.actions.ActionType;
import com.deskbridge.actions.OrderAction;
import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.assistant.Candidate;
import com.deskbridge.assistant.Sendable;
import com.deskbridge.assistant.SuggestionFacts;
import com.deskbridge.assistant.SuggestionFacts.ActionStatus;
import com.deskbridge.assistant.SuggestionFacts.Fulfilment;
import com.deskbridge.assistant.SuggestionIds;
import com.deskbridge.assistant.SuggestionPlanner;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.intent.Tagger;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.Placeholder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The assistant's suggested replies for a ticket: up to three macros picked for its intent and order situation
 * ({@link SuggestionPlanner}), each rendered with the ticket's live data in the buyer's language and checked against
 * Amazon's messaging rules ({@link MacroService}). A suggestion is sendable ({@link Sendable}) only when every
 * placeholder has a value, the check passes and nothing must happen first; otherwise it names what is missing instead
 * of leaving blanks.
 */
final class SuggestionService {
    private final MacroService macros;
    private final SettingsService settings;
    private final TicketContext context;
    private final AgentCounters counters;
    private final Clock clock;

    /** How long the mark that a suggestion was counted as shown on a ticket is kept. */
    static final Duration SHOWN_MARK = Duration.ofDays(30);

    /** @param counters the suggestion counters; null to count nothing */
    SuggestionService(MacroService macros, SettingsService settings, TicketContext context, AgentCounters counters,
                      Clock clock) {
        this.counters = counters;
        this.clock = Objects.requireNonNull(clock);
        this.macros = Objects.requireNonNull(macros);
        this.settings = Objects.requireNonNull(settings);
        this.context = Objects.requireNonNull(context);
    }

    /**
     * One suggestion.
     *
     * @param id         the suggestion id the reply route takes back (null when nothing could be rendered)
     * @param text       the rendered text; null when values are missing
     * @param dataUsed   the live values the macro inserts
     * @param missing    placeholders the ticket has no value for yet
     * @param waitingFor what must happen before the text is true; null when nothing
     * @param compliance the check of the rendered text; null when not rendered
     */
    record Suggestion(String id, String macroId, String macroName, String language, String text, boolean sendable,
                      String why, List<String> dataUsed, List<String> missing, String waitingFor,
                      ComplianceReport compliance) {
    }

    /** The ticket's suggestions with the facts they were chosen from. */
    record Suggestions(String intent, Double confidence, boolean needsTriage, String buyerLanguage,
                       List<Suggestion> items) {
    }

    Suggestions suggest(SellerId seller, TicketDetail ticket) {
        String sellerId = seller.value();
        String ticketId = ticket.ticket().id().value();
        Optional<TicketMessage> latest = ticket.latestBuyerMessage();
        Double confidence = latest.map(TicketMessage::intentConfidence).orElse(null);
        String language = latest.map(TicketMessage::language).orElse(null);
        Optional<TicketEnrichment> enrichment = context.enrichment(sellerId, ticketId);
        List<OrderAction> actions = context.actions(sellerId, ticketId);
        boolean needsTriage = ticket.ticket().tags().contains(Tagger.NEEDS_TRIAGE);
        SuggestionFacts facts = facts(ticket.ticket().intent(), confidence, needsTriage, enrichment, actions);
        MacroCatalog catalog = settings.replySettings(seller).catalog();
        MacroLanguage buyerLanguage = language == null ? null : MacroLanguage.fromCode(language).orElse(null);
        List<Suggestion> items = new ArrayList<>();
        for (Candidate c : SuggestionPlanner.plan(facts, catalog)) {
            Macro macro = catalog.find(c.macroId()).orElseThrow();
            items.add(suggestion(seller, ticket, macro, c, buyerLanguage));
        }
        if (counters != null) {
            Instant now = clock.instant();
            for (Suggestion s : items) {
                if (s.sendable()) {
                    counters.shown(seller, ticket.ticket().id(), s.id(), s.macroId(), facts.intent(), now,
                            now.plus(SHOWN_MARK));
                }
            }
        }
        return new Suggestions(facts.intent(), confidence, needsTriage, language, items);
    }

    private Suggestion suggestion(SellerId seller, TicketDetail ticket, Macro macro, Candidate c, MacroLanguage language) {
        List<String> used = macro.requiredPlaceholders().stream().map(Placeholder::templateName).sorted().toList();
        MacroService.Outcome outcome = macros.render(seller, ticket, macro.id(), language);
        if (outcome instanceof MacroService.Missing missing) {
            return new Suggestion(null, macro.id(), macro.name(), language == null ? null : language.code(), null,
                    Sendable.sendable(c, missing.placeholders(), false),
                    c.why(), used, missing.placeholders().stream().map(Placeholder::templateName).sorted().toList(),
                    c.waitingFor(), null);
        }
        MacroService.Rendered r = (MacroService.Rendered) outcome;
        boolean sendable = Sendable.sendable(c, List.of(), r.report().blocked());
        return new Suggestion(SuggestionIds.of(macro.id(), r.language().code(), r.text()), macro.id(), macro.name(),
                r.language().code(), r.text(), sendable, c.why(), used, List.of(), c.waitingFor(), r.report());
    }

    /**
     * How a reply's text was written, from what the reply request names: a suggestion id (sent as suggested when the
     * text is the suggestion's, else edited), a macro the agent picked, or neither (by hand).
     *
     * @throws InvalidInputException naming "suggestionId" when it is not an id this service gave out
     */
    static ReplyOrigin origin(String suggestionId, String macroId, String text) {
        if (suggestionId != null) {
            SuggestionIds.Parsed parsed = SuggestionIds.parse(suggestionId).orElseThrow(() ->
                    new InvalidInputException("suggestionId", "is not a suggestion id from GET /tickets/{id}/suggestions"));
            if (macroId != null && !macroId.equals(parsed.macroId())) {
                throw new InvalidInputException("macroId", "names another macro than the suggestion");
            }
            return new ReplyOrigin(parsed.unchanged(text) ? ReplySource.SUGGESTION : ReplySource.SUGGESTION_EDITED,
                    parsed.macroId(), suggestionId);
        }
        return macroId == null ? ReplyOrigin.HAND : ReplyOrigin.macro(macroId);
    }

    static SuggestionFacts facts(String intent, Double confidence, boolean needsTriage,
                                 Optional<TicketEnrichment> enrichment, List<OrderAction> actions) {
        Fulfilment fulfilment = enrichment.map(TicketEnrichment::order).map(o -> fulfilment(o.channel()))
                .orElse(Fulfilment.UNKNOWN);
        boolean tracking = enrichment.map(e -> e.shipments().stream().anyMatch(s -> s.trackingNumber() != null
                && !s.trackingNumber().isBlank())).orElse(false);
        boolean shipped = enrichment.map(TicketEnrichment::order)
                .map(o -> "SHIPPED".equals(o.status()) || "PARTIALLY_SHIPPED".equals(o.status())).orElse(false);
        return new SuggestionFacts(intent, confidence, needsTriage, fulfilment, tracking,
                status(actions, Set.of(ActionType.REFUND)),
                status(actions, Set.of(ActionType.CANCELLATION, ActionType.MCF_CANCELLATION)), shipped);
    }

    private static Fulfilment fulfilment(String channel) {
        for (Fulfilment f : Fulfilment.values()) {
            if (f.name().equals(channel)) {
                return f;
            }
        }
        return Fulfilment.UNKNOWN;
    }

    /** Where the ticket's latest action of these types stands. */
    private static ActionStatus status(List<OrderAction> actions, Set<ActionType> types) {
        return actions.stream().filter(a -> types.contains(a.type())).max(Comparator.comparing(OrderAction::requestedAt))
                .map(a -> a.state() == ActionState.COMPLETED ? ActionStatus.COMPLETED
                        : a.state() == ActionState.FAILED ? ActionStatus.FAILED : ActionStatus.PENDING)
                .orElse(ActionStatus.NONE);
    }
}
