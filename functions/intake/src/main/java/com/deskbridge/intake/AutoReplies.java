package com.deskbridge.intake;

import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.automation.AutoReplyDecision;
import com.deskbridge.automation.AutoReplyEngine;
import com.deskbridge.automation.SellerAutomationSettings;
import com.deskbridge.automation.TicketFacts;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.macros.MacroLanguage;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a buyer message is stored: asks the rule engine whether an automatic reply is due (the weekend
 * acknowledgement, "where is my order" with known tracking, the seller's own rules) and, if so, records it as
 * automatic (Amazon's clock keeps running) and hands it to the sender. At most one automatic reply per waiting period:
 * its key derives from the waiting period, so redeliveries record it once. Sellers without a shop name get none (a
 * reply signed with an account id would confuse the buyer); nothing the engine refuses is ever sent.
 */
public final class AutoReplies {
    private static final Logger LOG = LoggerFactory.getLogger(AutoReplies.class);

    private final AutoReplyEngine engine = new AutoReplyEngine();
    private final TicketStore store;
    private final TicketCommands commands;
    private final ReplyDispatcher dispatcher;
    private final Function<SellerId, ReplySettings> replySettings;
    private final Function<SellerId, SlaPolicies> policies;
    private final Clock clock;

    public AutoReplies(TicketStore store, TicketCommands commands, ReplyDispatcher dispatcher,
                       Function<SellerId, ReplySettings> replySettings, Function<SellerId, SlaPolicies> policies, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.commands = Objects.requireNonNull(commands);
        this.dispatcher = Objects.requireNonNull(dispatcher);
        this.replySettings = Objects.requireNonNull(replySettings);
        this.policies = Objects.requireNonNull(policies);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @return what the engine decided (for logs and tests) */
    public AutoReplyDecision afterIntake(InboundMessage message, Triage triage) {
        ReplySettings settings = replySettings.apply(message.seller());
        if (!settings.autoReplies() || settings.shopName() == null) {
            return new AutoReplyDecision.NoReply("automatic replies are off for this seller (or no shop name is set)",
                    null, java.util.List.of());
        }
        TicketDetail ticket = store.find(message.seller(), message.ticketId(), clock.instant()).orElse(null);
        if (ticket == null) {
            return new AutoReplyDecision.NoReply("ticket not found", null, java.util.List.of());
        }
        Instant waitingSince = ticket.ticket().awaitingReplySince();
        boolean alreadySent = waitingSince != null && ticket.messages().stream().anyMatch(m ->
                m.direction() == Direction.OUT && m.automatic() && !m.receivedAt().isBefore(waitingSince));
        // Built-in macros are written in all eight detected languages; a language without texts (none today) and a
        // seller's own macro without a text in the buyer's language fall back to the seller's default.
        MacroLanguage buyerLanguage = triage.language() == null ? null
                : MacroLanguage.fromCode(triage.language()).orElse(null);
        if (triage.language() != null && buyerLanguage == null) {
            LOG.info("buyer language {} on ticketId={} has no macro texts: the seller's default language is used",
                    triage.language(), message.ticketId());
        }
        TicketFacts facts = TicketFacts.builder(message.seller(), message.ticketId(), message.channel(), message.receivedAt())
                .intent(triage.intent())
                .buyerLanguage(buyerLanguage)
                .buyerName(ticket.buyerDisplayName().orElse(null))
                .waitingSince(waitingSince)
                .autoReplyAlreadySent(alreadySent)
                .build();
        SellerAutomationSettings automation = SellerAutomationSettings.builder()
                .shopName(settings.shopName())
                .slaPolicy(policies.apply(message.seller()).policyFor(message.channel()))
                .macros(settings.catalog())
                .build();
        AutoReplyDecision decision = engine.decide(facts, automation, clock);
        if (decision instanceof AutoReplyDecision.Reply reply) {
            TicketCommands.RecordedReply recorded = commands.automaticReply(message.seller(), message.ticketId(),
                    reply.text(), reply.ruleKey());
            if (!recorded.duplicate()) {
                try {
                    dispatcher.dispatch(message.seller(), message.ticketId(), recorded.messageKey());
                } catch (RuntimeException e) {
                    LOG.warn("automatic reply {} recorded; hand-over to the sender failed, the re-drive sends it: {}",
                            recorded.messageKey(), e.toString());
                }
            }
            LOG.info("automatic reply ticketId={} rule={} language={} duplicate={}", message.ticketId(), reply.ruleId(),
                    reply.language(), recorded.duplicate());
        } else {
            LOG.info("no automatic reply ticketId={}: {}", message.ticketId(), decision);
        }
        return decision;
    }
}
