package com.deskbridge.automation;

import static com.deskbridge.automation.Fixtures.BUYER;
import static com.deskbridge.automation.Fixtures.ORDER_ID;
import static com.deskbridge.automation.Fixtures.SHOP;
import static com.deskbridge.automation.Fixtures.TRACKING_NUMBER;
import static com.deskbridge.automation.Fixtures.berlin;
import static com.deskbridge.automation.Fixtures.dhlTracking;
import static com.deskbridge.automation.Fixtures.policy;
import static com.deskbridge.automation.Fixtures.settings;
import static com.deskbridge.automation.Fixtures.shortlyAfter;
import static com.deskbridge.automation.Fixtures.utc;
import static com.deskbridge.automation.Fixtures.wismo;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.automation.AutoReplyDecision.NoReply;
import com.deskbridge.automation.AutoReplyDecision.Reply;
import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.intent.Language;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.Placeholder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-in "where is my order" answers (issue 3): FBM with tracking → shipping update with carrier and tracking
 * number as plain text (a link only for sellers who enabled carrier links); FBA → referral to Amazon's customer
 * service with the tracking number; and the precedence over the weekend acknowledgement.
 */
class WhereIsMyOrderTest {
    private static final Instant WEDNESDAY_NOON = utc("2026-11-18T11:00:00Z");
    private static final Instant SATURDAY = utc("2026-11-21T10:00:00Z");

    private final AutoReplyEngine engine = new AutoReplyEngine();

    private AutoReplyDecision decide(TicketFacts facts, SellerAutomationSettings settings) {
        return engine.decide(facts, settings, shortlyAfter(facts.receivedAt()));
    }

    private static Reply reply(AutoReplyDecision d, String ruleId) {
        assertThat(d).isInstanceOf(Reply.class);
        Reply r = (Reply) d;
        assertThat(r.ruleId()).isEqualTo(ruleId);
        return r;
    }

    @Test
    void fbmWithTrackingGetsTheShippingUpdateInPlainText() {
        Reply r = reply(decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).build(), berlin()), BuiltInRules.WISMO_FBM);
        assertThat(r.text()).contains("Hello " + BUYER, ORDER_ID, "Kaffeemühle Classic", "18 November 2026",
                "with DHL", "Tracking number: " + TRACKING_NUMBER, "Current status: in transit",
                "Expected delivery: 24 November 2026", SHOP).doesNotContain("http", "dhl.com", "{{");
        assertThat(r.language()).isEqualTo(MacroLanguage.EN);
    }

    @Test
    void theLinkIsAddedOnlyWhenTheSellerEnabledCarrierLinks() {
        SellerAutomationSettings withLinks = settings(policy("Europe/Berlin"), true).build();
        Reply r = reply(decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).build(), withLinks),
                BuiltInRules.WISMO_FBM);
        assertThat(r.text()).contains("Carrier tracking page: https://www.dhl.com/", TRACKING_NUMBER);
        assertThat(new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS).check(r.text()).clean()).isTrue();
        assertThat(new ComplianceChecker().check(r.text()).clean()).as("a link is blocked under the default policy")
                .isFalse();

        // Enabled, but this parcel has no link, or only a low-confidence one: the plain update goes out.
        TrackingFacts noLink = new TrackingFacts("DHL", TRACKING_NUMBER, TrackingStatus.IN_TRANSIT, null,
                LocalDate.of(2026, 11, 24));
        TrackingFacts amazonLink = new TrackingFacts("Amazon Logistics", "TBA123456789012", TrackingStatus.IN_TRANSIT,
                new TrackingLink("https://track.amazon.com/tracking/TBA123456789012", true), LocalDate.of(2026, 11, 24));
        for (TrackingFacts t : List.of(noLink, amazonLink)) {
            Reply plain = reply(decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).tracking(t).build(), withLinks),
                    BuiltInRules.WISMO_FBM);
            assertThat(plain.text()).contains(t.trackingNumber()).doesNotContain("http", "tracking page");
        }
    }

    @Test
    void fbaOrdersAreReferredToAmazonWithTheTrackingNumber() {
        Reply r = reply(decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.FBA).buyerLanguage(MacroLanguage.DE).build(),
                berlin()), BuiltInRules.WISMO_FBA);
        assertThat(r.language()).isEqualTo(MacroLanguage.DE);
        assertThat(r.text()).contains("Guten Tag " + BUYER, "von Amazon versendet", "Amazon-Kundenservice",
                TRACKING_NUMBER).doesNotContain("Aktueller Status");
    }

    @Test
    void withoutTrackingThereIsNoAnswerOnAWeekday() {
        TicketFacts facts = wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).tracking(null).build();
        assertThat(decide(facts, berlin())).isInstanceOfSatisfying(NoReply.class,
                n -> assertThat(n.reason()).isEqualTo("no automatic-reply rule matched"));
        TicketFacts noOrder = wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).order(null).build();
        assertThat(decide(noOrder, berlin())).as("the order channel is unknown without the order")
                .isInstanceOf(NoReply.class);
    }

    @Test
    void withoutTrackingOnTheWeekendTheAcknowledgementGoesOut() {
        TicketFacts facts = wismo(SATURDAY, FulfilmentChannel.FBM).tracking(null).build();
        reply(decide(facts, berlin()), BuiltInRules.WEEKEND_ACKNOWLEDGEMENT);
    }

    @Test
    void withTrackingOnTheWeekendTheAnswerWinsOverTheAcknowledgement() {
        Reply r = reply(decide(wismo(SATURDAY, FulfilmentChannel.FBM).build(), berlin()), BuiltInRules.WISMO_FBM);
        assertThat(r.text()).contains(TRACKING_NUMBER).doesNotContain("business hours");
        reply(decide(wismo(SATURDAY, FulfilmentChannel.FBA).build(), berlin()), BuiltInRules.WISMO_FBA);
    }

    @Test
    void mcfOrdersAndOtherChannelsGetNoBuiltInAnswer() {
        assertThat(decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.MCF).build(), berlin())).isInstanceOf(NoReply.class);
        TicketFacts shopify = TicketFacts.builder(Fixtures.SELLER, Fixtures.TICKET, Channel.SHOPIFY, WEDNESDAY_NOON)
                .intent("WHERE_IS_MY_ORDER").buyerName(BUYER).order(Fixtures.order(FulfilmentChannel.FBM))
                .tracking(dhlTracking()).build();
        assertThat(decide(shopify, berlin())).isInstanceOf(NoReply.class);
        assertThat(decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).intent("DELIVERY_PROBLEM").build(), berlin()))
                .as("a delivery problem needs a person").isInstanceOf(NoReply.class);
    }

    @Test
    void missingValuesAreNamedAndNothingIsSent() {
        TrackingFacts noEstimate = new TrackingFacts("DHL", TRACKING_NUMBER, TrackingStatus.IN_TRANSIT, null, null);
        TicketFacts facts = wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).buyerName(null).tracking(noEstimate).build();
        assertThat(decide(facts, berlin())).isInstanceOfSatisfying(NoReply.class, n -> {
            assertThat(n.ruleId()).isEqualTo(BuiltInRules.WISMO_FBM);
            assertThat(n.missing()).containsExactly(Placeholder.CUSTOMER_NAME, Placeholder.ESTIMATED_DELIVERY);
            assertThat(n.reason()).contains("{{CustomerName}}", "{{EstimatedDelivery}}");
        });
        // No missing value wins over the weekend acknowledgement either: the rule that matched decides.
        TicketFacts weekend = wismo(SATURDAY, FulfilmentChannel.FBM).tracking(noEstimate).build();
        assertThat(decide(weekend, berlin())).isInstanceOfSatisfying(NoReply.class,
                n -> assertThat(n.missing()).containsExactly(Placeholder.ESTIMATED_DELIVERY));
    }

    @ParameterizedTest
    @EnumSource(MacroLanguage.class)
    void everyLanguagePassesTheComplianceCheck(MacroLanguage language) {
        for (FulfilmentChannel channel : List.of(FulfilmentChannel.FBM, FulfilmentChannel.FBA)) {
            for (boolean links : List.of(false, true)) {
                SellerAutomationSettings s = settings(policy("Europe/Berlin"), links).build();
                Reply r = (Reply) decide(wismo(WEDNESDAY_NOON, channel).buyerLanguage(language).build(), s);
                assertThat(r.language()).isEqualTo(language);
                assertThat(r.text()).contains(TRACKING_NUMBER, ORDER_ID).doesNotContain("{{");
                ComplianceChecker checker = links ? new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS)
                        : new ComplianceChecker();
                assertThat(checker.check(new OutgoingMessage(r.text(), null, List.of(),
                        Language.valueOf(language.name()))).findings()).as(r.text()).isEmpty();
            }
        }
    }

    @Test
    void factsComeStraightFromTheLogisticsTypes() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        OrderSummary summary = new OrderSummary(ORDER_ID, "A1PA6795UKMFR9", OrderStatus.SHIPPED, FulfilmentChannel.FBM,
                utc("2026-11-16T09:00:00Z"), null, null,
                List.of(new OrderSummary.Item("SKU-1", "Kaffeemühle Classic", 1)),
                List.of(new OrderSummary.ShippedPackage("DHL", TRACKING_NUMBER, utc("2026-11-17T23:30:00Z"))));
        OrderFacts order = OrderFacts.from(summary, berlin);
        assertThat(order).isEqualTo(new OrderFacts(ORDER_ID, FulfilmentChannel.FBM, "Kaffeemühle Classic",
                LocalDate.of(2026, 11, 18)));
        TrackingSnapshot snapshot = new TrackingSnapshot(Carrier.DHL, TRACKING_NUMBER, TrackingStatus.OUT_FOR_DELIVERY,
                "transit", "In Zustellung", false, null, utc("2026-11-18T23:30:00Z"), "Berlin", List.of(),
                utc("2026-11-18T08:00:00Z"), null);
        TrackingFacts tracking = TrackingFacts.from(snapshot, berlin);
        assertThat(tracking.carrierName()).isEqualTo("DHL");
        assertThat(tracking.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 11, 19));

        TicketFacts facts = Fixtures.message(WEDNESDAY_NOON).intent("WHERE_IS_MY_ORDER").buyerName(BUYER)
                .buyerLanguage(MacroLanguage.FR).order(order).tracking(tracking).build();
        Reply r = reply(decide(facts, berlin()), BuiltInRules.WISMO_FBM);
        assertThat(r.text()).contains("Statut actuel : en cours de livraison", "Livraison prévue : 19/11/2026",
                "expédié le 18/11/2026 avec DHL");

        TrackingSnapshot unknownCarrier = new TrackingSnapshot(Carrier.OTHER, "X1", TrackingStatus.IN_TRANSIT, null,
                null, false, null, null, null, null, utc("2026-11-18T08:00:00Z"), null);
        assertThat(TrackingFacts.from(unknownCarrier, berlin).carrierName()).isNull();
        assertThat(TrackingFacts.from(unknownCarrier, berlin).withCarrierName("Spring GDS").carrierName())
                .isEqualTo("Spring GDS");
    }
}
