package com.deskbridge.domain.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.TicketStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxRulesTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    /** An open ticket waiting for a reply with the given intent; nothing else known. */
    static Facts open(String intent) {
        return new Facts().intent(intent);
    }

    /** A builder over TicketFacts, so each test names only what it changes. */
    static final class Facts {
        TicketStatus status = TicketStatus.OPEN;
        boolean awaiting = true;
        String intent;
        Set<String> tags = Set.of();
        Instant dueAt = NOW.plus(Duration.ofHours(20));
        Instant marketplaceDue = NOW.plus(Duration.ofHours(20));
        Set<MilestoneKind> fired = Set.of();
        Set<String> flags = Set.of();
        String fulfilment;
        Boolean shipped;
        Instant shipBy;
        Instant latestDelivery;
        boolean tracking;
        BigDecimal value;
        int messages = 1;
        String assignee;
        String handledBy;
        boolean escalation;

        Facts intent(String v) { intent = v; return this; }
        Facts status(TicketStatus v) { status = v; awaiting = v == TicketStatus.OPEN; return this; }
        Facts tags(String... v) { tags = Set.of(v); return this; }
        Facts fired(MilestoneKind... v) { fired = Set.of(v); return this; }
        Facts flags(String... v) { flags = Set.of(v); return this; }
        Facts order(String f, Boolean s, Instant shipByAt) { fulfilment = f; shipped = s; shipBy = shipByAt; return this; }
        Facts latestDelivery(Instant v) { latestDelivery = v; return this; }
        Facts tracking(boolean v) { tracking = v; return this; }
        Facts value(String v) { value = new BigDecimal(v); return this; }
        Facts messages(int v) { messages = v; return this; }
        Facts assignee(String v) { assignee = v; return this; }
        Facts handledBy(String v) { handledBy = v; return this; }
        Facts escalation() { escalation = true; return this; }
        Facts deadline(Duration fromNow) { dueAt = NOW.plus(fromNow); marketplaceDue = dueAt; return this; }

        TicketFacts build() {
            return new TicketFacts(status, awaiting, intent, tags, dueAt, marketplaceDue, fired, flags, fulfilment, shipped,
                    shipBy, latestDelivery, tracking, value, "EUR", messages, assignee, handledBy, escalation,
                    NOW.minus(Duration.ofHours(1)));
        }

        Set<InboxView> views() {
            return InboxRules.membership(build());
        }
    }

    @Test
    void intentsLandInTheirViews() {
        assertThat(open("PRODUCT_QUESTION").views()).containsExactly(InboxView.PRODUCT_QUESTIONS);
        assertThat(open("REFUND_REQUEST").views()).containsExactly(InboxView.REFUNDS_AND_RETURNS);
        assertThat(open("RETURN").views()).containsExactly(InboxView.REFUNDS_AND_RETURNS);
        assertThat(open("DAMAGED_ITEM").views()).containsExactly(InboxView.REFUNDS_AND_RETURNS);
        assertThat(open("POSITIVE_FEEDBACK").views()).containsExactly(InboxView.NO_REPLY_NEEDED);
        assertThat(open("DELIVERY_PROBLEM").views()).containsExactly(InboxView.DELIVERY_PROBLEMS);
        assertThat(open("OTHER").views()).isEmpty();
    }

    @Test
    void whereIsMyOrderSplitsOnTracking() {
        assertThat(open("WHERE_IS_MY_ORDER").tracking(true).views()).containsExactly(InboxView.WHERE_IS_MY_ORDER_TRACKING_KNOWN);
        assertThat(open("WHERE_IS_MY_ORDER").views()).containsExactly(InboxView.WHERE_IS_MY_ORDER_TRACKING_UNKNOWN);
        // a flagged parcel is a delivery problem, whatever the buyer asked
        assertThat(open("WHERE_IS_MY_ORDER").tracking(true).flags("LOST").views()).containsExactly(InboxView.DELIVERY_PROBLEMS);
    }

    @Test
    void cancellationIsBeforeShippingOnlyForUnshippedSellerFulfilledOrders() {
        Instant shipBy = NOW.plus(Duration.ofHours(5));
        assertThat(open("CANCELLATION_REQUEST").order("FBM", false, shipBy).views())
                .containsExactly(InboxView.CANCEL_BEFORE_SHIPPING);
        assertThat(open("CANCELLATION_REQUEST").order("FBM", true, shipBy).views())
                .containsExactly(InboxView.REFUNDS_AND_RETURNS);
        assertThat(open("CANCELLATION_REQUEST").order("FBA", false, shipBy).views())
                .containsExactly(InboxView.REFUNDS_AND_RETURNS);
        // order not read yet: still a cancellation to act on before it ships
        assertThat(open("CANCELLATION_REQUEST").views()).containsExactly(InboxView.CANCEL_BEFORE_SHIPPING);
    }

    @Test
    void deadlineMilestonesMakeItBreachingSoon() {
        assertThat(open("OTHER").fired(MilestoneKind.AT_RISK).views()).containsExactly(InboxView.BREACHING_SOON);
        assertThat(open("OTHER").fired(MilestoneKind.MARKETPLACE_DUE).views()).containsExactly(InboxView.BREACHING_SOON);
        assertThat(open("OTHER").fired(MilestoneKind.A_TO_Z_ELIGIBLE).views()).isEmpty();
    }

    @Test
    void needsTriageByTagAndMineByAssigneeOrLastHandler() {
        assertThat(open("OTHER").tags("needs-triage").views()).containsExactly(InboxView.NEEDS_TRIAGE);
        Facts mine = open("PRODUCT_QUESTION").assignee("anna");
        assertThat(mine.views()).containsExactlyInAnyOrder(InboxView.PRODUCT_QUESTIONS, InboxView.MINE);
        assertThat(InboxRules.owner(mine.handledBy("bob").build())).isEqualTo("anna");
        assertThat(InboxRules.owner(open("OTHER").handledBy("bob").build())).isEqualTo("bob");
        assertThat(InboxRules.owner(open("OTHER").build())).isNull();
    }

    @Test
    void pendingTicketsStayOnlyInMineAndClosedOnesLeaveEverything() {
        Facts answered = open("DELIVERY_PROBLEM").flags("LOST").handledBy("anna").tags("needs-triage")
                .status(TicketStatus.PENDING);
        assertThat(answered.views()).containsExactly(InboxView.MINE);
        assertThat(answered.status(TicketStatus.CLOSED).views()).isEmpty();
    }

    @Test
    void cancelViewReadsByShipByTimeAndDeliveryProblemsPutAToZFirst() {
        TicketFacts early = open("CANCELLATION_REQUEST").order("FBM", false, NOW.plus(Duration.ofHours(2))).build();
        TicketFacts late = open("CANCELLATION_REQUEST").order("FBM", false, NOW.plus(Duration.ofHours(9)))
                .escalation().messages(3).build();
        assertThat(InboxRules.sortKey(InboxView.CANCEL_BEFORE_SHIPPING, early, 0))
                .isLessThan(InboxRules.sortKey(InboxView.CANCEL_BEFORE_SHIPPING, late, 100));

        TicketFacts claimable = open("DELIVERY_PROBLEM").fired(MilestoneKind.A_TO_Z_ELIGIBLE).build();
        TicketFacts lost = open("DELIVERY_PROBLEM").flags("LOST").escalation().build();
        assertThat(InboxRules.sortKey(InboxView.DELIVERY_PROBLEMS, claimable, 10))
                .isLessThan(InboxRules.sortKey(InboxView.DELIVERY_PROBLEMS, lost, 150));
        // elsewhere, the higher score first
        assertThat(InboxRules.sortKey(InboxView.REFUNDS_AND_RETURNS, lost, 150))
                .isLessThan(InboxRules.sortKey(InboxView.REFUNDS_AND_RETURNS, claimable, 10));
    }

    @Test
    void viewsParseFromTheirWireNames() {
        for (InboxView view : InboxView.values()) {
            assertThat(InboxView.parse(" " + view.wireName().toUpperCase() + " ", "view")).isEqualTo(view);
        }
        assertThatThrownBy(() -> InboxView.parse("everything", "view")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("view");
    }
}
