package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.logging.SecurityEvents;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundControls;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.spapi.Region;
import com.deskbridge.spapi.ShipTo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Money controls (issue 12) on DynamoDB Local and the SP-API simulator: the approval step by a second person, the
 * per-agent daily caps in the create transaction, and the alerts as security events.
 */
class MoneyControlsTest {

    private final Harness h = Harness.inMemory();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private RefundControls controls = RefundControls.DEFAULT;
    private final OrderActions svc = new OrderActions(h.store, h.spApi, SellerAccounts.byPrefix("deskbridge/spapi/", Region.EU),
            new AuditTrail(h.evidence), h.triggers::add, h.clock, seller -> controls,
            new ShipToWatch(h.dynamo, h.table, Duration.ofDays(30)),
            new MoneyAlerts(new SecurityEvents(new PrintStream(log, true, StandardCharsets.UTF_8), h.clock, "test"),
                    new com.deskbridge.quota.DynamoDbQuotaCounters(h.dynamo, h.table), h.clock));

    @AfterEach
    void close() {
        h.close();
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static RefundRequest refund(int order, String amount) {
        return RefundRequest.partial(Harness.orderId(order), AdjustmentReason.CustomerReturn, List.of(new RefundRequest.Line(
                Harness.itemId(order, 1), 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, amount, "EUR")))));
    }

    private String securityLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRefundAboveTheThresholdWaitsForASecondPersonAndMovesMoneyOnceAfterApproval() {
        controls = new RefundControls(Map.of("EUR", new BigDecimal("10.00")), 0, Map.of(), 10);
        String ticket = h.ticket();
        OrderAction asked = ((ActionResult.Accepted) svc.requestRefund(h.sellerId, ticket, "lead-a", key(), refund(1, "15.00"),
                null)).action();
        assertThat(asked.state()).isEqualTo(ActionState.AWAITING_APPROVAL);
        assertThat(h.triggers).as("nothing reaches the submitter before approval").isEmpty();
        assertThat(h.wiring.submitter().run().feedsSubmitted()).isZero();
        assertThat(svc.awaitingApproval(h.sellerId, 10)).extracting(OrderAction::actionId).containsExactly(asked.actionId());

        assertThat(svc.approve(h.sellerId, ticket, asked.actionId(), "lead-a"))
                .as("the requester cannot approve their own refund").isInstanceOf(ApprovalResult.SecondPersonRequired.class);
        assertThat(h.action(ticket, asked.actionId()).state()).isEqualTo(ActionState.AWAITING_APPROVAL);

        ApprovalResult approved = svc.approve(h.sellerId, ticket, asked.actionId(), "lead-b");
        assertThat(approved).isInstanceOfSatisfying(ApprovalResult.Decided.class, d -> {
            assertThat(d.replayed()).isFalse();
            assertThat(d.action().state()).isEqualTo(ActionState.QUEUED);
            assertThat(d.action().decision()).isEqualTo(new OrderAction.Decision(true, "lead-b", h.clock.instant()));
        });
        assertThat(svc.approve(h.sellerId, ticket, asked.actionId(), "lead-b")).as("the same approval again")
                .isInstanceOfSatisfying(ApprovalResult.Decided.class, d -> assertThat(d.replayed()).isTrue());
        assertThat(svc.reject(h.sellerId, ticket, asked.actionId(), "lead-c")).isInstanceOf(ApprovalResult.NotAwaiting.class);
        assertThat(svc.awaitingApproval(h.sellerId, 10)).isEmpty();

        assertThat(h.wiring.submitter().run().feedsSubmitted()).isEqualTo(1);
        assertThat(h.wiring.submitter().run().feedsSubmitted()).as("submitted once").isZero();
        h.passTime(Duration.ofMinutes(2).plusSeconds(1));
        h.deliverNotifications();
        assertThat(h.action(ticket, asked.actionId()).state()).isEqualTo(ActionState.COMPLETED);

        EvidenceLog.StoredChain chain = h.evidence.chain(h.sellerId, ticket);
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::kind).containsExactly("ACTION_REQUESTED", "ACTION_VALIDATED",
                "ACTION_AWAITING_APPROVAL", "ACTION_APPROVED", "ACTION_QUEUED", "ACTION_SUBMITTED", "ACTION_COMPLETED");
        assertThat(chain.entries().get(3).payload()).containsEntry("agentId", "lead-a").containsEntry("decidedBy", "lead-b");
    }

    @Test
    void aRejectedRefundIsNeverSentAndGivesItsRoomBack() {
        controls = new RefundControls(Map.of("EUR", new BigDecimal("10.00")), 0, Map.of(), 10);
        String ticket = h.ticket();
        OrderAction asked = ((ActionResult.Accepted) svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(2, "30.00"),
                null)).action();
        assertThat(svc.reject(h.sellerId, ticket, asked.actionId(), "lead-b")).isInstanceOfSatisfying(ApprovalResult.Decided.class,
                d -> assertThat(d.action().state()).isEqualTo(ActionState.REJECTED));
        assertThat(svc.approve(h.sellerId, ticket, asked.actionId(), "lead-c")).isInstanceOf(ApprovalResult.NotAwaiting.class);
        assertThat(h.wiring.submitter().run().feedsSubmitted()).isZero();
        assertThat(h.action(ticket, asked.actionId()).state()).isEqualTo(ActionState.REJECTED);
        // the whole line (30.00) is refundable again: the rejected refund no longer counts
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(2, "5.00"), null))
                .isInstanceOf(ActionResult.Accepted.class);
        assertThat(svc.approve(h.sellerId, ticket, "0000000000000000000000000000", "lead-b")).isInstanceOf(ApprovalResult.NotFound.class);
    }

    @Test
    void theDailyCountCapRefusesTheAgentsNextRefundButNotAnotherAgentsOrAReplay() {
        controls = new RefundControls(Map.of(), 2, Map.of(), 100);
        String ticket = h.ticket();
        String firstKey = key();
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", firstKey, refund(3, "1.00"), null)).isInstanceOf(ActionResult.Accepted.class);
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(4, "1.00"), null)).isInstanceOf(ActionResult.Accepted.class);
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", firstKey, refund(3, "1.00"), null))
                .as("a replay counts nothing").isInstanceOfSatisfying(ActionResult.Accepted.class, a -> assertThat(a.replayed()).isTrue());
        ActionResult third = svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(5, "1.00"), null);
        assertThat(third).isInstanceOfSatisfying(ActionResult.CapExceeded.class, c -> {
            assertThat(c.capCount()).isEqualTo(2);
            assertThat(c.usedCount()).isEqualTo(2);
            assertThat(c.detail()).contains("agent-1").contains("2 refunds today");
        });
        assertThat(ActionJson.status(third)).isEqualTo(409);
        assertThat(svc.actions(h.sellerId, ticket)).hasSize(2);
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-2", key(), refund(5, "1.00"), null)).isInstanceOf(ActionResult.Accepted.class);
        assertThat(securityLog()).contains("\"type\":\"RefundCapExceeded\"").contains("\"agentId\":\"agent-1\"");
        h.passTime(Duration.ofDays(1));
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(6, "1.00"), null))
                .as("a new UTC day").isInstanceOf(ActionResult.Accepted.class);
    }

    @Test
    void theDailyAmountCapCountsWhatTheAgentAlreadyRefunded() {
        controls = new RefundControls(Map.of(), 0, Map.of("EUR", new BigDecimal("25.00")), 100);
        String ticket = h.ticket();
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(7, "20.00"), null)).isInstanceOf(ActionResult.Accepted.class);
        ActionResult over = svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(8, "5.01"), null);
        assertThat(over).isInstanceOfSatisfying(ActionResult.CapExceeded.class, c -> {
            assertThat(c.capAmount()).isEqualTo("25.00");
            assertThat(new BigDecimal(c.usedAmount())).isEqualByComparingTo("20.00");
        });
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(8, "5.00"), null)).isInstanceOf(ActionResult.Accepted.class);
        assertThat(svc.requestRefund(h.sellerId, ticket, "agent-1", key(), refund(9, "30.00"), null))
                .as("one refund above the whole cap").isInstanceOf(ActionResult.CapExceeded.class);
    }

    @Test
    void manyRefundsByOneAgentWithinAnHourRaiseOneBurstEventEach() {
        controls = new RefundControls(Map.of(), 0, Map.of(), 2);
        String ticket = h.ticket();
        for (int order = 10; order < 13; order++) {
            assertThat(svc.requestRefund(h.sellerId, ticket, "agent-9", key(), refund(order, "1.00"), null))
                    .isInstanceOf(ActionResult.Accepted.class);
        }
        assertThat(securityLog().lines().filter(l -> l.contains("\"type\":\"RefundBurst\""))).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("\"agentId\":\"agent-9\"").contains("Deskbridge/Security"));
    }

    @Test
    void theShipToWatchKnowsWhenAnOrdersAddressChangedAndKeepsNoAddressText() {
        ShipToWatch watch = new ShipToWatch(h.dynamo, h.table, Duration.ofDays(30));
        ShipTo berlin = new ShipTo(Optional.of("Berlin"), Optional.empty(), Optional.of("10115"), Optional.of("DE"));
        ShipTo berlinAgain = new ShipTo(Optional.of(" berlin "), Optional.empty(), Optional.of("10115"), Optional.of("de"));
        ShipTo lagos = new ShipTo(Optional.of("Lagos"), Optional.empty(), Optional.of("100001"), Optional.of("NG"));
        String order = "028-0000000-" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        assertThat(watch.observe(h.sellerId, order, Optional.of(berlin), h.clock.instant())).isEmpty();
        assertThat(watch.observe(h.sellerId, order, Optional.of(berlinAgain), h.clock.instant())).as("same place").isEmpty();
        h.passTime(Duration.ofHours(1));
        assertThat(watch.observe(h.sellerId, order, Optional.of(lagos), h.clock.instant())).contains(h.clock.instant());
        var item = h.dynamo.scan(s -> s.tableName(h.table)).items().stream()
                .filter(i -> "ship-to".equals(i.get("itemType") == null ? null : i.get("itemType").s())).toList();
        assertThat(item.toString()).doesNotContain("Lagos").doesNotContain("100001");
    }
}
