package com.deskbridge.automation;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.macros.MacroLanguage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the automation rules look at for one stored buyer message, gathered by intake so the engine needs no
 * I/O. Order and tracking are optional: they are there when the logistics link has already enriched the ticket.
 *
 * @param seller                  the tenant
 * @param ticketId                the ticket the message was attached to
 * @param channel                 where the message came from
 * @param intent                  the detected intent's wire name ({@code com.deskbridge.intent.Intent} name, e.g.
 *                                {@code WHERE_IS_MY_ORDER}); null when not classified
 * @param buyerLanguage           the buyer's language when known (Amazon: GetAttributes or detection); null falls
 *                                back to the seller's default language
 * @param buyerName               the buyer's name as shown by the marketplace, for {{CustomerName}}; null when
 *                                unknown (a macro that needs it is then not sent)
 * @param receivedAt              when the triggering buyer message was received
 * @param waitingSince            the oldest unanswered buyer message of the ticket, the start of this waiting period
 *                                (domain sla package); null means {@code receivedAt}. The reply's record key is
 *                                derived from it, so one waiting period can record only one automatic reply
 * @param autoReplyAlreadySent    whether an automatic reply was already recorded in this waiting period
 * @param order                   the order, when linked
 * @param tracking                the parcel's tracking, when known
 */
public record TicketFacts(SellerId seller, TicketId ticketId, Channel channel, String intent,
                          MacroLanguage buyerLanguage, String buyerName, Instant receivedAt, Instant waitingSince,
                          boolean autoReplyAlreadySent, Optional<OrderFacts> order,
                          Optional<TrackingFacts> tracking) {
    public TicketFacts {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        intent = intent == null || intent.isBlank() ? null : intent.strip();
        buyerName = buyerName == null || buyerName.isBlank() ? null : buyerName.strip();
        waitingSince = waitingSince == null ? receivedAt : waitingSince;
        order = order == null ? Optional.empty() : order;
        tracking = tracking == null ? Optional.empty() : tracking;
    }

    /** A builder; seller, ticket id, channel and received-at are required. */
    public static Builder builder(SellerId seller, TicketId ticketId, Channel channel, Instant receivedAt) {
        return new Builder(seller, ticketId, channel, receivedAt);
    }

    /** Whether a tracking number is known. */
    public boolean trackingKnown() {
        return tracking.isPresent();
    }

    @Override
    public String toString() {
        // No buyer name: it is personal data and this ends up in logs.
        return "TicketFacts[" + seller + ", " + ticketId + ", " + channel.wireName() + ", intent=" + intent
                + ", language=" + buyerLanguage + ", receivedAt=" + receivedAt + ", waitingSince=" + waitingSince
                + ", autoReplyAlreadySent=" + autoReplyAlreadySent + ", order=" + order.map(o -> o.channel().name())
                .orElse("none") + ", tracking=" + (tracking.isPresent() ? "known" : "none") + "]";
    }

    /** Collects the optional facts. */
    public static final class Builder {
        private final SellerId seller;
        private final TicketId ticketId;
        private final Channel channel;
        private final Instant receivedAt;
        private String intent;
        private MacroLanguage buyerLanguage;
        private String buyerName;
        private Instant waitingSince;
        private boolean autoReplyAlreadySent;
        private OrderFacts order;
        private TrackingFacts tracking;

        private Builder(SellerId seller, TicketId ticketId, Channel channel, Instant receivedAt) {
            this.seller = seller;
            this.ticketId = ticketId;
            this.channel = channel;
            this.receivedAt = receivedAt;
        }

        public Builder intent(String intent) {
            this.intent = intent;
            return this;
        }

        public Builder buyerLanguage(MacroLanguage language) {
            this.buyerLanguage = language;
            return this;
        }

        public Builder buyerName(String name) {
            this.buyerName = name;
            return this;
        }

        public Builder waitingSince(Instant instant) {
            this.waitingSince = instant;
            return this;
        }

        public Builder autoReplyAlreadySent(boolean sent) {
            this.autoReplyAlreadySent = sent;
            return this;
        }

        public Builder order(OrderFacts order) {
            this.order = order;
            return this;
        }

        public Builder tracking(TrackingFacts tracking) {
            this.tracking = tracking;
            return this;
        }

        public TicketFacts build() {
            return new TicketFacts(seller, ticketId, channel, intent, buyerLanguage, buyerName, receivedAt,
                    waitingSince, autoReplyAlreadySent, Optional.ofNullable(order), Optional.ofNullable(tracking));
        }
    }
}
