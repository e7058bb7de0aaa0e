package com.deskbridge.automation;

import com.deskbridge.automation.AutoReplyDecision.Blocked;
import com.deskbridge.automation.AutoReplyDecision.NoReply;
import com.deskbridge.automation.AutoReplyDecision.Reply;
import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.sla.BusinessCalendar;
import com.deskbridge.intent.Language;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.macros.BuiltInMacros;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroValues;
import com.deskbridge.macros.Placeholder;
import com.deskbridge.macros.RenderResult;
import com.deskbridge.macros.TrackingStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a stored buyer message gets an automatic reply, and renders it (issue 3).
 *
 * <p>Steps: automation must be on; the ticket must not have had an automatic reply in this waiting period (no reply
 * storms); the message must be at most {@link #MAX_LATENESS} old (a late-processed message gets no stale
 * automatic reply; the agents take it). Then the first rule of {@link SellerAutomationSettings#rules()} (precedence
 * order) whose conditions hold decides: an acknowledgement rule only holds while the seller is outside its business
 * day (there is nothing to acknowledge when agents are at work). The decided rule's text is rendered; if a value is
 * missing the decision is {@link NoReply} naming the placeholders, if the compliance check finds anything it is
 * {@link Blocked}; there is no fall-through to a later rule, so what the seller configured is what happens and the
 * reason is visible.
 *
 * <p>Thread-safe and stateless apart from the compliance checkers, which compile their patterns once: keep one
 * engine per process.
 */
public final class AutoReplyEngine {
    /** The oldest message that still gets an automatic reply. */
    public static final Duration MAX_LATENESS = Duration.ofHours(2);
    /** How far ahead the acknowledgement looks for the seller's next opening. */
    public static final Duration OPENING_HORIZON = Duration.ofDays(31);
    private static final Duration TICK = Duration.ofNanos(1);

    private final ComplianceChecker strict = new ComplianceChecker(CarrierLinkPolicy.BLOCK);
    private final ComplianceChecker carrierLinks = new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS);

    /**
     * The decision for one stored buyer message.
     *
     * @param clock the current time: decides lateness and the day the acknowledgement promises
     */
    public AutoReplyDecision decide(TicketFacts facts, SellerAutomationSettings settings, Clock clock) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(settings, "settings");
        Instant now = clock.instant();
        if (!settings.enabled()) {
            return NoReply.because("automatic replies are switched off for this seller");
        }
        if (facts.autoReplyAlreadySent()) {
            return NoReply.because("this ticket already got an automatic reply in this waiting period");
        }
        if (Duration.between(facts.receivedAt(), now).compareTo(MAX_LATENESS) > 0) {
            return NoReply.because("the message was received at " + facts.receivedAt() + ", more than "
                    + MAX_LATENESS.toHours() + " h ago: too late for an automatic reply");
        }
        Instant replyAt = now.isAfter(facts.receivedAt()) ? now : facts.receivedAt();
        BusinessCalendar calendar = settings.calendar();
        for (AutoReplyRule rule : settings.rules()) {
            if (rule.matches(facts, settings.zone())
                    && (!rule.acknowledgement() || !calendar.isWithinBusinessDay(replyAt))) {
                return rule.acknowledgement() ? acknowledge(rule, facts, settings, replyAt)
                        : answer(rule, facts, settings);
            }
        }
        return NoReply.because("no automatic-reply rule matched");
    }

    private AutoReplyDecision acknowledge(AutoReplyRule rule, TicketFacts facts, SellerAutomationSettings settings,
                                          Instant replyAt) {
        Optional<Instant> opening = nextOpening(settings.calendar(), replyAt);
        if (opening.isEmpty()) {
            return new NoReply("the seller's business hours have no opening in the next "
                    + OPENING_HORIZON.toDays() + " days, so the acknowledgement cannot say when they will answer",
                    rule.id(), List.of());
        }
        MacroLanguage language = facts.buyerLanguage() != null ? facts.buyerLanguage()
                : settings.macroSettings().defaultLanguage();
        LocalDate day = LocalDate.ofInstant(opening.get(), settings.zone());
        String text = AcknowledgementTemplate.render(language, day, settings.shopName());
        return checked(rule, text, language, facts, strict);
    }

    /** The first instant at or after {@code from} the seller is open, within {@link #OPENING_HORIZON}. */
    static Optional<Instant> nextOpening(BusinessCalendar calendar, Instant from) {
        // The earliest instant by which one nanosecond of open time has passed, minus that nanosecond: the
        // opening (or `from` itself when open), with holidays and daylight-saving resolved by the calendar.
        return calendar.addOpenTime(from, TICK, from.plus(OPENING_HORIZON)).map(i -> i.minus(TICK));
    }

    private AutoReplyDecision answer(AutoReplyRule rule, TicketFacts facts, SellerAutomationSettings settings) {
        boolean linksOn = settings.macroSettings().carrierLinksEnabled();
        MacroValues values = values(facts, settings.shopName(), linksOn);
        String macroId = rule.macroId();
        if (BuiltInMacros.FBM_SHIPPING_UPDATE.equals(macroId) && values.has(Placeholder.TRACKING_LINK)
                && settings.macros().find(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK).isPresent()) {
            macroId = BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK;
        }
        if (settings.macros().find(macroId).isEmpty()) {
            return new NoReply("macro '" + macroId + "' is not in the seller's catalog", rule.id(), List.of());
        }
        RenderResult result = settings.macros().render(macroId, values, facts.buyerLanguage());
        if (result instanceof RenderResult.MissingValues missing) {
            return new NoReply("macro '" + macroId + "' needs values that are not known: " + missing.missing()
                    .stream().map(Placeholder::token).collect(Collectors.joining(", ")), rule.id(),
                    missing.missing());
        }
        RenderResult.Rendered rendered = (RenderResult.Rendered) result;
        return checked(rule, rendered.text(), rendered.language(), facts, linksOn ? carrierLinks : strict);
    }

    private AutoReplyDecision checked(AutoReplyRule rule, String text, MacroLanguage language, TicketFacts facts,
                                      ComplianceChecker checker) {
        ComplianceReport report = checker.check(new OutgoingMessage(text, null, List.of(),
                Language.valueOf(language.name())));
        if (!report.clean()) {
            return new Blocked(rule.id(), text, language, report.findings());
        }
        return new Reply(rule.id(), text, language, ruleKey(facts));
    }

    /** The record key: one per waiting period of the ticket, whatever rule fires and however often. */
    static String ruleKey(TicketFacts facts) {
        return "auto:" + facts.waitingSince().toEpochMilli();
    }

    /** The macro values the facts provide; a link only when the seller enabled carrier links. */
    static MacroValues values(TicketFacts facts, String shopName, boolean carrierLinksEnabled) {
        MacroValues.Builder b = MacroValues.builder()
                .text(Placeholder.CUSTOMER_NAME, facts.buyerName())
                .text(Placeholder.SELLER_NAME, shopName);
        facts.order().ifPresent(o -> b.text(Placeholder.ORDER_ID, o.orderId())
                .text(Placeholder.PRODUCT_NAME, o.productName())
                .date(Placeholder.SHIP_DATE, o.shipDate()));
        facts.tracking().ifPresent(t -> {
            b.text(Placeholder.CARRIER, t.carrierName())
                    .text(Placeholder.TRACKING_NUMBER, t.trackingNumber())
                    .date(Placeholder.ESTIMATED_DELIVERY, t.estimatedDelivery());
            if (t.status() != null) {
                b.trackingStatus(TrackingStatus.fromTag(t.status().tag()).orElse(null));
            }
            if (carrierLinksEnabled) {
                link(t.link()).ifPresent(u -> b.link(Placeholder.TRACKING_LINK, u));
            }
        });
        return b.build();
    }

    /** A usable link: an absolute https URL that is not marked low-confidence. */
    private static Optional<URI> link(TrackingLink link) {
        if (link == null || link.lowConfidence()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link.url());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? Optional.of(uri)
                    : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
