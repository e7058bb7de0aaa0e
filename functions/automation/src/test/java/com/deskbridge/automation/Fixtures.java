package com.deskbridge.automation;

import com.deskbridge.domain.sla.SellerSlaPolicy;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroDefinition;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Shared test data: a Berlin seller open Monday to Friday 08:00–18:00, and typical order and tracking facts. */
final class Fixtures {
    static final SellerId SELLER = new SellerId("A1SELLER");
    static final TicketId TICKET = TicketId.forConversation(SELLER, Channel.AMAZON, "conversation-1");
    static final String SHOP = "Hausrat Schmidt";
    static final String BUYER = "Anna Müller";
    static final String ORDER_ID = "302-1234567-1234567";
    static final String TRACKING_NUMBER = "JJD000390007768012";

    private Fixtures() {
    }

    /** Mon–Fri 08:00–18:00 in {@code zone}, with the given holidays. */
    static SellerSlaPolicy policy(String zone, String... holidays) {
        SellerSlaPolicy.Builder b = SellerSlaPolicy.builder().timeZone(zone);
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            b.open(day, "08:00", "18:00");
        }
        for (String h : holidays) {
            b.holiday(h);
        }
        return b.build();
    }

    static SellerAutomationSettings.Builder settings(SellerSlaPolicy policy, boolean carrierLinks,
                                                     MacroDefinition... ownMacros) {
        MacroCatalog catalog = MacroCatalog.of(new MacroSettings(MacroLanguage.EN, carrierLinks), List.of(ownMacros));
        return SellerAutomationSettings.builder().shopName(SHOP).slaPolicy(policy).macros(catalog);
    }

    static SellerAutomationSettings berlin(String... holidays) {
        return settings(policy("Europe/Berlin", holidays), false).build();
    }

    static TicketFacts.Builder message(Instant receivedAt) {
        return TicketFacts.builder(SELLER, TICKET, Channel.AMAZON, receivedAt).intent("OTHER");
    }

    static OrderFacts order(FulfilmentChannel channel) {
        return new OrderFacts(ORDER_ID, channel, "Kaffeemühle Classic", LocalDate.of(2026, 11, 18));
    }

    static TrackingFacts dhlTracking() {
        return new TrackingFacts("DHL", TRACKING_NUMBER, TrackingStatus.IN_TRANSIT,
                new TrackingLink("https://www.dhl.com/de-de/home/tracking/tracking-parcel.html?submit=1&tracking-id="
                        + TRACKING_NUMBER, false), LocalDate.of(2026, 11, 24));
    }

    /** A where-is-my-order message with order and tracking known. */
    static TicketFacts.Builder wismo(Instant receivedAt, FulfilmentChannel channel) {
        return message(receivedAt).intent("WHERE_IS_MY_ORDER").buyerName(BUYER).order(order(channel))
                .tracking(dhlTracking());
    }

    /** A clock 30 seconds after the message arrived, as when intake processes it at once. */
    static Clock shortlyAfter(Instant receivedAt) {
        return Clock.fixed(receivedAt.plusSeconds(30), ZoneOffset.UTC);
    }

    static Instant utc(String isoInstant) {
        return Instant.parse(isoInstant);
    }
}
