package com.deskbridge.domain.sla;

import static com.deskbridge.domain.sla.SlaFixtures.at;
import static com.deskbridge.domain.sla.SlaFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ChannelPoliciesTest {

    private static final Instant SATURDAY_10 = at("2026-06-06T10:00+02:00");

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void defaultDeadlinesAreAmazonsDayAndLooserOnesElsewhere() {
        ChannelDeadlines d = ChannelDeadlines.defaults();
        assertThat(d.of(Channel.AMAZON)).isEqualTo(Duration.ofHours(24));
        assertThat(d.of(Channel.EBAY)).isEqualTo(Duration.ofHours(48));
        assertThat(d.of(Channel.SHOPIFY)).isEqualTo(Duration.ofHours(72));
        assertThat(d.of(Channel.EMAIL)).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void eachChannelUsesItsOwnMarketplaceDeadline() {
        SlaCalculator calc = new SlaCalculator(SlaPolicies.of(office()));
        assertThat(calc.timelineFor(WaitingTicket.message(Channel.EBAY, SATURDAY_10)).marketplaceDueAt())
                .isEqualTo(at("2026-06-08T10:00+02:00"));
        assertThat(calc.timelineFor(WaitingTicket.message(Channel.SHOPIFY, SATURDAY_10)).marketplaceDueAt())
                .isEqualTo(at("2026-06-09T10:00+02:00"));
        assertThat(calc.timelineFor(WaitingTicket.message(Channel.AMAZON, SATURDAY_10)).marketplaceDueAt())
                .isEqualTo(at("2026-06-07T10:00+02:00"));
    }

    @Test
    void sellerConfiguredDeadlineCapsTheTargetOfThatChannel() {
        SlaPolicies policies = SlaPolicies.of(office()).withDeadlines(ChannelDeadlines.defaults().withHours("ebay", 8));
        SlaTimeline t = new SlaCalculator(policies).timelineFor(WaitingTicket.message(Channel.EBAY, SATURDAY_10));
        assertThat(t.marketplaceDueAt()).isEqualTo(at("2026-06-06T18:00+02:00"));
        assertThat(t.targetDueAt()).isEqualTo(t.marketplaceDueAt());
        assertThat(t.targetBasis()).isEqualTo(TargetBasis.MARKETPLACE_DEADLINE);
    }

    @Test
    void channelOverrideReplacesTheSellerDefaultForThatChannelOnly() {
        SellerSlaPolicy shopifyTeam = SellerSlaPolicy.builder().timeZone("Europe/Berlin")
                .open("sat", "09:00", "17:00").targetInsideMinutes(120).build();
        SlaPolicies policies = SlaPolicies.of(office()).withOverride(Channel.SHOPIFY, shopifyTeam);
        assertThat(policies.policyFor(Channel.SHOPIFY)).isSameAs(shopifyTeam);
        assertThat(policies.policyFor(Channel.EBAY)).isSameAs(policies.sellerDefault());

        SlaCalculator calc = new SlaCalculator(policies);
        SlaTimeline shopify = calc.timelineFor(WaitingTicket.message(Channel.SHOPIFY, SATURDAY_10));
        assertThat(shopify.targetDueAt()).isEqualTo(at("2026-06-06T12:00+02:00"));
        assertThat(shopify.targetBasis()).isEqualTo(TargetBasis.BUSINESS_TIME);
        SlaTimeline ebay = calc.timelineFor(WaitingTicket.message(Channel.EBAY, SATURDAY_10));
        assertThat(ebay.targetDueAt()).isEqualTo(at("2026-06-06T22:00+02:00"));
        assertThat(ebay.targetBasis()).isEqualTo(TargetBasis.OUTSIDE_HOURS);
    }

    @Test
    void amazonsDeadlineCannotBeChanged() {
        assertRejected(() -> ChannelDeadlines.defaults().with(Channel.AMAZON, Duration.ofHours(36)),
                "channelDeadlines.amazon");
        assertRejected(() -> ChannelDeadlines.defaults().withHours("amazon", 12), "channelDeadlines.amazon");
        assertThat(ChannelDeadlines.defaults().with(Channel.AMAZON, Duration.ofHours(24)))
                .isEqualTo(ChannelDeadlines.defaults());
    }

    @Test
    void rejectsDeadlinesThatAreNotPositiveOrTooLongAndUnknownChannels() {
        assertRejected(() -> ChannelDeadlines.defaults().withHours("ebay", 0), "channelDeadlines.ebay");
        assertRejected(() -> ChannelDeadlines.defaults().withHours("shopify", 24 * 30 + 1), "channelDeadlines.shopify");
        assertRejected(() -> ChannelDeadlines.defaults().withHours("etsy", 24), "channelDeadlines");
        assertThat(ChannelDeadlines.defaults().withHours("EMAIL", 24 * 30).of(Channel.EMAIL))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void waitingTicketRequiresChannelAndOldestMessage() {
        assertRejected(() -> WaitingTicket.message(null, SATURDAY_10), "channel");
        assertRejected(() -> WaitingTicket.message(Channel.EMAIL, null), "oldestUnansweredAt");
    }
}
