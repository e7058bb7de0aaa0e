package com.deskbridge.orderactions.feed;

import static com.deskbridge.orderactions.Fixtures.ITEM_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.FeedAction;
import com.deskbridge.orderactions.FeedType;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundCommand.AdjustedItem;
import com.deskbridge.orderactions.RefundCommand.ComponentAdjustment;
import com.deskbridge.orderactions.RefundComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batching pending actions into as few feeds as the createFeed budget allows (https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits). */
class FeedBatcherTest {

    private static final String DE = "A1PA6795UKMFR9";
    private static final String FR = "A13V1IB3VIYZZH";

    private static int orderSeq;

    private static String nextOrder() {
        orderSeq++;
        return String.format("028-%07d-%07d", orderSeq, orderSeq);
    }

    static PendingAction refund(String id, String seller, String marketplace) {
        FeedAction a = new RefundCommand(seller, marketplace, nextOrder(), "EUR", AdjustmentReason.CustomerReturn,
                List.of(new AdjustedItem(ITEM_A, 1, List.of(new ComponentAdjustment(RefundComponent.PRINCIPAL, Money.of("1.00", "EUR"))))));
        return new PendingAction(id, a);
    }

    static PendingAction cancel(String id, String seller, String marketplace) {
        return new PendingAction(id, new OrderCancellationCommand(seller, marketplace, nextOrder(), CancelReason.NoInventory, List.of(ITEM_A)));
    }

    private static List<String> ids(PlannedFeed f) {
        return f.messages().stream().map(m -> m.action().actionId()).toList();
    }

    private static List<Long> messageIds(PlannedFeed f) {
        return f.messages().stream().map(Numbered::messageId).toList();
    }

    @Test
    void groupsBySellerMarketplaceAndFeedTypeAndNumbersMessagesFromOne() {
        List<PendingAction> pending = List.of(
                refund("r1", "S1", DE), cancel("c1", "S1", DE), refund("r2", "S1", DE), refund("r3", "S2", DE),
                refund("r4", "S1", FR), cancel("c2", "S1", DE));
        BatchPlan plan = new FeedBatcher(100).plan(pending, FeedBatcher.CREATE_FEED_BURST);
        assertThat(plan.deferred()).isEmpty();
        assertThat(plan.feeds()).extracting(PlannedFeed::sellerId, PlannedFeed::marketplaceId, PlannedFeed::feedType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S1", DE, FeedType.POST_PAYMENT_ADJUSTMENT_DATA),
                org.assertj.core.groups.Tuple.tuple("S1", DE, FeedType.POST_ORDER_ACKNOWLEDGEMENT_DATA),
                org.assertj.core.groups.Tuple.tuple("S2", DE, FeedType.POST_PAYMENT_ADJUSTMENT_DATA),
                org.assertj.core.groups.Tuple.tuple("S1", FR, FeedType.POST_PAYMENT_ADJUSTMENT_DATA));
        assertThat(ids(plan.feeds().get(0))).containsExactly("r1", "r2");
        assertThat(messageIds(plan.feeds().get(0))).containsExactly(1L, 2L);
        assertThat(ids(plan.feeds().get(1))).containsExactly("c1", "c2");
        assertThat(messageIds(plan.feeds().get(1))).containsExactly(1L, 2L);
    }

    @Test
    void splitsLargeGroupsIntoFeedsOfAtMostNMessages() {
        List<PendingAction> pending = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            pending.add(refund("r" + i, "S1", DE));
        }
        BatchPlan plan = new FeedBatcher(3).plan(pending, 15);
        assertThat(plan.feeds()).hasSize(3);
        assertThat(ids(plan.feeds().get(0))).containsExactly("r1", "r2", "r3");
        assertThat(ids(plan.feeds().get(2))).containsExactly("r7");
        assertThat(messageIds(plan.feeds().get(2))).containsExactly(1L);
    }

    @Test
    void shortOnTokensEveryGroupGetsItsFirstFeedBeforeAnySecondFeed() {
        List<PendingAction> pending = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            pending.add(refund("busy" + i, "BUSY", DE));
        }
        pending.add(refund("quiet1", "QUIET", DE));
        BatchPlan plan = new FeedBatcher(2).plan(pending, 2);
        assertThat(plan.feeds()).extracting(PlannedFeed::sellerId).containsExactly("BUSY", "QUIET");
        assertThat(ids(plan.feeds().get(0))).containsExactly("busy1", "busy2");
        assertThat(plan.deferred()).extracting(PendingAction::actionId).containsExactly("busy3", "busy4");
    }

    @Test
    void eachSellerSpendsOnlyItsOwnCreateFeedBudget() {
        List<PendingAction> pending = List.of(
                refund("s1-r1", "S1", DE), cancel("s1-c1", "S1", DE), refund("s1-fr", "S1", FR),
                refund("s2-r1", "S2", DE), cancel("s2-c1", "S2", DE),
                refund("s3-r1", "S3", DE));
        BatchPlan plan = new FeedBatcher(10).planPerSeller(pending, seller -> switch (seller) {
            case "S1" -> 2;
            case "S2" -> 0;
            default -> 5;
        });
        assertThat(plan.feeds()).extracting(f -> ids(f).get(0)).containsExactly("s1-r1", "s1-c1", "s3-r1");
        assertThat(plan.deferred()).extracting(PendingAction::actionId).containsExactly("s1-fr", "s2-r1", "s2-c1");
    }

    @Test
    void noTokensDefersEverythingInQueueOrder() {
        List<PendingAction> pending = List.of(refund("a", "S1", DE), cancel("b", "S2", FR));
        BatchPlan plan = new FeedBatcher(10).plan(pending, 0);
        assertThat(plan.feeds()).isEmpty();
        assertThat(plan.deferred()).containsExactlyElementsOf(pending);
    }

    @Test
    void deterministic() {
        List<PendingAction> pending = List.of(refund("a", "S1", DE), cancel("b", "S1", DE), refund("c", "S2", FR), refund("d", "S1", DE));
        FeedBatcher batcher = new FeedBatcher(1);
        assertThat(batcher.plan(pending, 3)).isEqualTo(batcher.plan(pending, 3));
        assertThat(batcher.plan(pending, 3).feeds()).extracting(f -> ids(f).get(0)).containsExactly("a", "b", "c");
    }

    @Test
    void refusesDuplicateActionIdsAndBadArguments() {
        assertThatThrownBy(() -> new FeedBatcher(10).plan(List.of(refund("x", "S1", DE), refund("x", "S1", DE)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> new FeedBatcher(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedBatcher(1).plan(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plannedFeedsRenderSchemaValidDocumentsWithTheirMessageIds() {
        List<PendingAction> pending = List.of(refund("r1", "S1", DE), cancel("c1", "S1", DE), refund("r2", "S1", DE));
        BatchPlan plan = new FeedBatcher(100).plan(pending, 15);
        for (PlannedFeed feed : plan.feeds()) {
            byte[] xml = feed.document();
            FeedSchema.assertValid(xml);
            var doc = FeedSchema.dom(xml);
            assertThat(FeedSchema.text(doc, "/AmazonEnvelope/MessageType")).isEqualTo(feed.feedType().messageType());
            assertThat(FeedSchema.text(doc, "/AmazonEnvelope/Header/MerchantIdentifier")).isEqualTo("S1");
            assertThat(FeedSchema.elements(doc, "/AmazonEnvelope/Message/MessageID")).extracting(e -> Long.parseLong(e.getTextContent()))
                    .containsExactlyElementsOf(messageIds(feed));
        }
    }

    @Test
    void aPlannedFeedHoldsOnlyMatchingActions() {
        assertThatThrownBy(() -> new PlannedFeed("S1", DE, FeedType.POST_PAYMENT_ADJUSTMENT_DATA,
                List.of(new Numbered<>(1, cancel("c", "S1", DE))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlannedFeed("S1", DE, FeedType.POST_PAYMENT_ADJUSTMENT_DATA,
                List.of(new Numbered<>(1, refund("r", "S2", DE))))).isInstanceOf(IllegalArgumentException.class);
    }
}
