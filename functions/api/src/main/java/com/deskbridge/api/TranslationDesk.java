package com.deskbridge.api;

import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.TranslationSettingsJson;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.translation.ReplyTranslation;
import com.deskbridge.translation.ReplyTranslations;
import com.deskbridge.translation.Translation;
import com.deskbridge.translation.TranslationService;
import com.deskbridge.translation.TranslationUnavailableException;
import com.deskbridge.translation.Translator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Issue 15's languages for agents: a buyer message read in the agent's language, and a reply written in the agent's
 * language sent in the buyer's. A macro that has a human translation in the buyer's language is sent in that text,
 * never machine-translated. Only for sellers who switched translation on ({@code /translation-settings}, off by
 * default); off or an engine outage is a 409 problem, never a 5xx. The compliance check runs on the text that is sent
 * (the reply route checks what it records); the reply's translation (both texts, both languages) is kept beside it.
 */
final class TranslationDesk {
    /** ISO 639-1, or a code with a region ("pt-PT", "zh-TW") as Translate names some of its languages. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");

    /** Who sends what: the agent's text, the text for the buyer, and how the second came from the first. */
    record Prepared(String agentText, String agentLanguage, String sentText, String sentLanguage,
                    ReplyTranslation.Method method, String note, boolean standIn) {
        boolean translated() {
            return method != ReplyTranslation.Method.UNTRANSLATED;
        }
    }

    /** An inbound message with its text in the agent's language (or the original, saying why). */
    record Read(TicketMessage message, Translation body, Translation subject) {
    }

    private final SellerSettings settings;
    private final TranslationService service;
    private final ReplyTranslations replies;
    private final MacroService macros;
    private final SettingsService sellerSettings;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param translator built on first use (most requests never translate)
     * @param retention  how long the reply translations (buyer-related text) are kept: the replies' retention
     */
    TranslationDesk(SellerSettings settings, Supplier<Translator> translator, ReplyTranslations replies,
                    MacroService macros, SettingsService sellerSettings, Clock clock, Duration retention) {
        this.settings = Objects.requireNonNull(settings);
        this.replies = replies;
        this.macros = Objects.requireNonNull(macros);
        this.sellerSettings = Objects.requireNonNull(sellerSettings);
        this.clock = Objects.requireNonNull(clock);
        this.retention = Objects.requireNonNull(retention);
        Objects.requireNonNull(translator);
        this.service = new TranslationService((text, source, target) -> translator.get().translate(text, source, target),
                seller -> enabled(new SellerId(seller)));
    }

    boolean enabled(SellerId seller) {
        return settings.document(seller, SellerSetting.TRANSLATION).map(TranslationSettingsJson::parse).orElse(false);
    }

    /** The buyer's message {@code messageKey} in {@code language}. */
    Read read(TicketDetail ticket, String messageKey, String language) {
        String target = language(language, "to");
        TicketMessage message = ticket.messages().stream()
                .filter(m -> m.messageKey().equals(messageKey) && m.direction() == Direction.IN).findFirst()
                .orElseThrow(() -> new ApiProblem("message-not-found", "Message not found", 404,
                        "no buyer message " + messageKey + " on this ticket", "messageKey", null));
        requireOn(ticket);
        String seller = ticket.ticket().seller().value();
        Translation body = translate(seller, message.body() == null ? "" : message.body(), message.language(), target);
        Translation subject = message.subject() == null || message.subject().isBlank() ? null
                : translate(seller, message.subject(), message.language(), target);
        return new Read(message, body, subject);
    }

    /**
     * The text a reply written in {@code agentLanguage} sends: the macro's own text in the buyer's language when the
     * agent sends {@code macroId} unedited and it has one, else a machine translation (or the written text, saying why
     * not). A retry of a recorded reply ({@code idempotencyKey} given) sends what the first attempt sent.
     */
    Prepared prepare(TicketDetail ticket, String agentText, String agentLanguage, String macroId, String idempotencyKey) {
        String from = language(agentLanguage, "language");
        requireOn(ticket);
        String to = buyerLanguage(ticket);
        if (idempotencyKey != null && replies != null) {
            Optional<ReplyTranslation> earlier = replies.find(ticket.ticket().seller().value(), ticket.ticket().id().value(),
                    OutgoingReply.keyFor(ticket.ticket().id(), idempotencyKey), clock.instant());
            if (earlier.isPresent() && earlier.get().agentText().equals(agentText.strip())
                    && earlier.get().agentLanguage().equals(from)) {
                ReplyTranslation e = earlier.get();
                return new Prepared(e.agentText(), e.agentLanguage(), e.sentText(), e.sentLanguage(), e.method(), e.note(),
                        Translation.STAND_IN_NOTE.equals(e.note()));
            }
        }
        Optional<String> native_ = nativeMacroText(ticket, agentText, from, to, macroId);
        if (native_.isPresent()) {
            return new Prepared(agentText.strip(), from, native_.get(), to, ReplyTranslation.Method.MACRO_NATIVE, null, false);
        }
        Translation t = translate(ticket.ticket().seller().value(), agentText.strip(), from, to);
        return new Prepared(agentText.strip(), from, t.text(), to,
                t.translated() ? ReplyTranslation.Method.MACHINE : ReplyTranslation.Method.UNTRANSLATED, t.note(),
                t.fromStandIn());
    }

    /**
     * Keeps both texts for the reply {@code idempotencyKey} will record, before it is recorded; a retry of a reply that
     * is recorded already changes nothing.
     */
    void record(TicketDetail ticket, String idempotencyKey, String agent, Prepared p) {
        String messageKey = OutgoingReply.keyFor(ticket.ticket().id(), idempotencyKey);
        if (replies == null || ticket.messages().stream().anyMatch(m -> m.messageKey().equals(messageKey))) {
            return;
        }
        replies.save(ticket.ticket().seller().value(), ticket.ticket().id().value(),
                new ReplyTranslation(messageKey, agent, p.agentText(), p.agentLanguage(), p.sentText(), p.sentLanguage(),
                        p.method(), p.note(), clock.instant()), clock.instant().plus(retention));
    }

    /** The ticket's replies written in another language, for the replies still on the ticket. */
    List<ReplyTranslation> replyTranslations(TicketDetail ticket) {
        if (replies == null) {
            return List.of();
        }
        var keys = ticket.messages().stream().filter(m -> m.direction() == Direction.OUT).map(TicketMessage::messageKey)
                .collect(java.util.stream.Collectors.toSet());
        return replies.list(ticket.ticket().seller().value(), ticket.ticket().id().value(), clock.instant()).stream()
                .filter(t -> keys.contains(t.messageKey())).toList();
    }

    /** The buyer's language: their latest message's, else the seller's default reply language. */
    String buyerLanguage(TicketDetail ticket) {
        return ticket.latestBuyerMessage().map(TicketMessage::language).filter(l -> l != null && !l.isBlank())
                .orElseGet(() -> sellerSettings.replySettings(ticket.ticket().seller()).macroSettings().defaultLanguage().code());
    }

    private Optional<String> nativeMacroText(TicketDetail ticket, String agentText, String from, String to, String macroId) {
        if (macroId == null) {
            return Optional.empty();
        }
        Optional<MacroLanguage> buyer = MacroLanguage.fromCode(to);
        Optional<MacroLanguage> agent = MacroLanguage.fromCode(from);
        SellerId seller = ticket.ticket().seller();
        Optional<Macro> macro = macros.catalog(seller, null).stream().filter(m -> m.id().equals(macroId)).findFirst();
        if (buyer.isEmpty() || agent.isEmpty() || macro.isEmpty() || !macro.get().languages().contains(buyer.get())
                || !macro.get().languages().contains(agent.get())) {
            return Optional.empty();
        }
        // only the unedited macro has a human translation: an edited text is the agent's own and is machine-translated
        if (!(macros.render(seller, ticket, macroId, agent.get()) instanceof MacroService.Rendered inAgent)
                || !inAgent.text().strip().equals(agentText.strip())) {
            return Optional.empty();
        }
        return macros.render(seller, ticket, macroId, buyer.get()) instanceof MacroService.Rendered inBuyer
                && inBuyer.language() == buyer.get() ? Optional.of(inBuyer.text()) : Optional.empty();
    }

    private Translation translate(String seller, String text, String source, String target) {
        try {
            return service.translate(seller, text, source, target);
        } catch (TranslationUnavailableException e) {
            throw new ApiProblem("translation-unavailable", "Translation is unavailable right now", 409,
                    "Amazon Translate did not answer (" + e.getMessage() + "): read or write in the original language, "
                            + "or try again in a minute; nothing was sent", null, Map.of());
        }
    }

    private void requireOn(TicketDetail ticket) {
        if (!enabled(ticket.ticket().seller())) {
            throw new ApiProblem("translation-off", "Translation is switched off for this seller", 409,
                    "a lead switches machine translation on in the translation settings (PUT /translation-settings "
                            + "{\"enabled\":true}); nothing was translated or sent", null, Map.of());
        }
    }

    private static String language(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "is required: the agent's language as an ISO 639-1 code, e.g. en");
        }
        String c = code.strip();
        if (!LANGUAGE.matcher(c).matches()) {
            throw new InvalidInputException(field, "must be a language code such as en, de or pt-PT (was '" + code + "')");
        }
        return c.contains("-") ? c.substring(0, c.indexOf('-')).toLowerCase(java.util.Locale.ROOT) + c.substring(c.indexOf('-'))
                : c.toLowerCase(java.util.Locale.ROOT);
    }
}
