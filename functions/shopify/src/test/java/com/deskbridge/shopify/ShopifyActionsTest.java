package com.deskbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.channels.ActionAttempts;
import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Validation;
import com.deskbridge.orderactions.ViolationReason;
import com.deskbridge.sim.shopify.ShopifySimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds with Shopify's suggested-refund amounts and cancellations, validated against the live order like Amazon's,
 * once per idempotency key, confirmed; orders linked to e-mails; webhooks verified. Against the simulator over HTTP.
 */
class ShopifyActionsTest {

    private ShopifyHarness h;
    private ShopifyClient client;
    private ShopifyOrderActions actions;
    private final OrderActionPolicy policy = new OrderActionPolicy();

    @BeforeEach
    void start() {
        h = new ShopifyHarness();
        client = h.client();
        actions = new ShopifyOrderActions(client, h.shops(), h.attempts, h.clock);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theLiveOrderHasLinesTaxesAndTheOrdersShippingOnItsFirstLine() {
        OrderSnapshot live = actions.liveOrder(ShopifyHarness.SELLER, "#1001").orElseThrow();
        assertThat(live.currency()).isEqualTo("EUR");
        assertThat(live.orderStatus()).isEqualTo("SHIPPED");
        OrderSnapshot.Item candles = live.item("gid://shopify/LineItem/9001").orElseThrow();
        assertThat(candles.principal()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(candles.tax()).isEqualTo(Money.of("5.70", "EUR"));
        assertThat(candles.shipping()).isEqualTo(Money.of("4.90", "EUR"));
        assertThat(candles.shippingTax()).isEqualTo(Money.of("0.93", "EUR"));
        assertThat(live.item("gid://shopify/LineItem/9002").orElseThrow().shipping()).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void aRefundUsesShopifysCalculationIsMadeOnceAndIsCountedInTheNextSnapshot() {
        OrderSnapshot live = actions.liveOrder(ShopifyHarness.SELLER, "#1001").orElseThrow();
        RefundCommand command = valid(policy.validateRefund(live, RefundRequest.partial("#1001", AdjustmentReason.CustomerReturn,
                List.of(new RefundRequest.Line("gid://shopify/LineItem/9001", 1, List.of(
                        RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "15.00", "EUR"),
                        RefundRequest.ComponentAmount.of(RefundComponent.TAX, "2.85", "EUR"))))), ShopifyHarness.SELLER));

        ActionOutcome first = actions.refund(command, "shop-refund-0001");
        assertThat(first).isInstanceOfSatisfying(ActionOutcome.Done.class, d -> assertThat(d.detail()).contains("17.85"));
        assertThat(actions.refund(command, "shop-refund-0001")).isInstanceOfSatisfying(ActionOutcome.Done.class,
                d -> assertThat(d.externalId()).isEqualTo(first.externalId()));
        assertThat(h.sim.refunds(ShopifyHarness.DOMAIN, "#1001")).containsExactly(new BigDecimal("17.85"));

        OrderSnapshot after = actions.liveOrder(ShopifyHarness.SELLER, "#1001").orElseThrow();
        OrderSnapshot.Item candles = after.item("gid://shopify/LineItem/9001").orElseThrow();
        assertThat(candles.quantityRefunded()).isEqualTo(1);
        assertThat(candles.remaining(RefundComponent.PRINCIPAL)).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(actions.confirm(ShopifyHarness.SELLER, "#1001", new ActionOutcome.Pending(first.externalId(), "refund", "x")))
                .isInstanceOf(ActionOutcome.Done.class);
    }

    @Test
    void shopifysCalculationAboveWhatWasApprovedIsRefusedWithBothFigures() {
        RefundCommand principalOnly = new RefundCommand(ShopifyHarness.SELLER, ShopifyHarness.DOMAIN, "#1001", "EUR",
                AdjustmentReason.CustomerReturn, List.of(new RefundCommand.AdjustedItem("gid://shopify/LineItem/9001", 1,
                List.of(new RefundCommand.ComponentAdjustment(RefundComponent.PRINCIPAL, Money.of("15.00", "EUR"))))));
        assertThat(actions.refund(principalOnly, "shop-refund-0002")).isInstanceOfSatisfying(ActionOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("amount-above-approved");
            assertThat(r.reason()).contains("17.85").contains("15.00");
        });
        assertThat(h.sim.refunds(ShopifyHarness.DOMAIN, "#1001")).isEmpty();
        var preview = actions.preview(ShopifyHarness.SELLER, "#1001", List.of(new ShopifyRefundsClient.Line("gid://shopify/LineItem/9001", 1)),
                Money.of("4.90", "EUR"));
        assertThat(preview.amount()).isEqualTo(Money.of("23.68", "EUR")); // 15.00 + 2.85 tax + 4.90 shipping + 0.93 its tax
        assertThat(preview.maximumRefundable()).isEqualTo(Money.of("43.91", "EUR"));
    }

    @Test
    void goodwillWithoutItemsIsRefundedToTheOrdersPayment() {
        RefundCommand goodwill = new RefundCommand(ShopifyHarness.SELLER, ShopifyHarness.DOMAIN, "#1001", "EUR", AdjustmentReason.Other,
                List.of(new RefundCommand.AdjustedItem("gid://shopify/LineItem/9001", null,
                        List.of(new RefundCommand.ComponentAdjustment(RefundComponent.GOODWILL, Money.of("5.00", "EUR"))))));
        assertThat(actions.refund(goodwill, "shop-refund-0003")).isInstanceOf(ActionOutcome.Done.class);
        assertThat(h.sim.refunds(ShopifyHarness.DOMAIN, "#1001")).containsExactly(new BigDecimal("5.00"));
        assertThat(actions.refund(new RefundCommand(ShopifyHarness.SELLER, ShopifyHarness.DOMAIN, "#1001", "EUR", AdjustmentReason.Other,
                List.of(new RefundCommand.AdjustedItem("gid://shopify/LineItem/9001", null,
                        List.of(new RefundCommand.ComponentAdjustment(RefundComponent.GOODWILL, Money.of("6.00", "EUR")))))),
                "shop-refund-0003")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("idempotency-key-reused"));
    }

    @Test
    void aRefundWhoseAnswerWasLostIsSentAgainUnchangedAndShopifyAnswersWithTheFirst() {
        RefundCommand command = new RefundCommand(ShopifyHarness.SELLER, ShopifyHarness.DOMAIN, "#1003", "EUR", AdjustmentReason.Other,
                List.of(new RefundCommand.AdjustedItem("gid://shopify/LineItem/9004", null,
                        List.of(new RefundCommand.ComponentAdjustment(RefundComponent.GOODWILL, Money.of("7.50", "EUR"))))));
        ShopifyOrder order = client.orders().byName(h.shop, "#1003").orElseThrow();
        ObjectNode input = client.refunds().input(order.id(), List.of(), null, Money.of("7.50", "EUR"), ShopifyOrderActions.payments(order),
                "Refund from the seller's help desk").orElseThrow();
        // the first attempt was recorded, reached Shopify, and its answer was lost
        h.attempts.begin(new ActionAttempts.Attempt(ShopifyHarness.SELLER, "shop-refund-lost", "#1003", "refund", command.toString(),
                Set.of(), input.toString(), h.clock.instant(), null));
        client.refunds().create(h.shop, input, "shop-refund-lost");

        assertThat(actions.refund(command, "shop-refund-lost")).isInstanceOf(ActionOutcome.Done.class);
        assertThat(h.sim.refunds(ShopifyHarness.DOMAIN, "#1003")).containsExactly(new BigDecimal("7.50"));
    }

    @Test
    void anUnfulfilledOrderIsCancelledByABackgroundJobAndConfirmedOnce() {
        OrderSnapshot live = actions.liveOrder(ShopifyHarness.SELLER, "#1002").orElseThrow();
        CancellationRequest request = new CancellationRequest("#1002", CancelReason.BuyerCanceled);
        assertThat(actions.cancellationViolations(live, request)).isEmpty();
        OrderCancellationCommand command = (OrderCancellationCommand) valid(policy.validateCancellation(live, request, ShopifyHarness.SELLER));

        ActionOutcome started = actions.cancel(command, "shop-cancel-0001");
        assertThat(started).isInstanceOf(ActionOutcome.Pending.class);
        assertThat(actions.confirm(ShopifyHarness.SELLER, "#1002", (ActionOutcome.Pending) started)).isInstanceOf(ActionOutcome.Pending.class);
        h.clock.advance(Duration.ofSeconds(3));
        assertThat(actions.confirm(ShopifyHarness.SELLER, "#1002", (ActionOutcome.Pending) started)).isInstanceOf(ActionOutcome.Done.class);
        assertThat(h.sim.cancelled(ShopifyHarness.DOMAIN, "#1002")).isTrue();
        assertThat(h.sim.refunds(ShopifyHarness.DOMAIN, "#1002")).containsExactly(new BigDecimal("16.42"));

        assertThat(actions.cancel(command, "shop-cancel-0001")).isInstanceOfSatisfying(ActionOutcome.Done.class,
                d -> assertThat(d.repeated()).isTrue());
        assertThat(h.webhooks).extracting(ShopifySimulator.WebhookDelivery::topic).contains("orders/updated", "refunds/create");
    }

    @Test
    void aFulfilledOrderCannotBeCancelled() {
        OrderSnapshot live = actions.liveOrder(ShopifyHarness.SELLER, "#1001").orElseThrow();
        assertThat(policy.validateCancellation(live, new CancellationRequest("#1001", CancelReason.NoInventory), ShopifyHarness.SELLER))
                .isInstanceOfSatisfying(Validation.Invalid.class,
                        i -> assertThat(i.violations()).extracting("reason").contains(ViolationReason.ORDER_SHIPPED));
        assertThat(actions.cancel(new OrderCancellationCommand(ShopifyHarness.SELLER, ShopifyHarness.DOMAIN, "#1001",
                CancelReason.NoInventory, List.of()), "shop-cancel-0002")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("shopify-invalid"));
    }

    @Test
    void anEmailIsLinkedToTheSendersOrderNeverToAStrangersOne() {
        ShopifyOrderLinker linker = new ShopifyOrderLinker(client, h.shops(), h.clock);
        assertThat(linker.orderFor(ShopifyHarness.SELLER, "Frage zu Bestellung #1003", "Hallo", "Jana.Beispiel@example.org"))
                .contains("#1003");
        // names another customer's order: not linked; the sender's only order of the last 60 days instead
        ShopifyOrderLinker.Link max = linker.link(ShopifyHarness.SELLER, "Order 1001", "where is it?", "max.muster@example.org");
        assertThat(max.orderName()).contains("#1002");
        assertThat(max.reason()).contains("not the sender's", "#1002 is the sender's only order of the last 60 days");
        assertThat(linker.orderFor(ShopifyHarness.SELLER, "Hallo", "Wo ist mein Paket?", "unknown@example.org")).isEmpty();
    }

    @Test
    void anEmailWithoutAnOrderNumberIsLinkedOnlyWhenTheSendersRecentOrderIsUnambiguous() {
        ShopifyOrderLinker linker = new ShopifyOrderLinker(client, h.shops(), h.clock);
        // jana.beispiel has #1001 (5 days ago) and #1003 (20 days ago): which one the mail is about is a guess
        ShopifyOrderLinker.Link two = linker.link(ShopifyHarness.SELLER, "Hallo", "Wann kommt meine Kerze?", "jana.beispiel@example.org");
        assertThat(two.orderName()).isEmpty();
        assertThat(two.reason()).contains("several orders in the last 60 days", "ask the buyer");
        // 50 days on, #1003 is out of the window: #1001 is her only recent order
        h.clock.advance(java.time.Duration.ofDays(50));
        assertThat(linker.link(ShopifyHarness.SELLER, "Hallo", "Wann kommt meine Kerze?", "jana.beispiel@example.org").orderName())
                .contains("#1001");
        // and 70 days on, none is: not linked to an old order
        h.clock.advance(java.time.Duration.ofDays(20));
        ShopifyOrderLinker.Link old = linker.link(ShopifyHarness.SELLER, "Hallo", "Wann kommt meine Kerze?", "jana.beispiel@example.org");
        assertThat(old.orderName()).isEmpty();
        assertThat(old.reason()).contains("no order in the last 60 days");
    }

    @Test
    void webhooksAreVerifiedByTheirHmacBeforeTheyAreRead() {
        actions.refund(new RefundCommand(ShopifyHarness.SELLER, ShopifyHarness.DOMAIN, "#1001", "EUR", AdjustmentReason.Other,
                List.of(new RefundCommand.AdjustedItem("gid://shopify/LineItem/9001", null,
                        List.of(new RefundCommand.ComponentAdjustment(RefundComponent.GOODWILL, Money.of("2.00", "EUR")))))), "shop-refund-0004");
        ShopifyWebhooks webhooks = new ShopifyWebhooks(h.secretSource(), h.shops());
        ShopifySimulator.WebhookDelivery refund = h.webhooks.stream().filter(w -> w.topic().equals("refunds/create")).findFirst().orElseThrow();
        ShopifyWebhooks.Event event = webhooks.verify(ShopifyHarness.SELLER, lower(refund.headers()), refund.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.topic()).isEqualTo("refunds/create");
        assertThat(event.orderId()).isEqualTo("gid://shopify/Order/5001");
        assertThat(event.webhookId()).isNotBlank();

        ShopifySimulator.WebhookDelivery updated = h.webhooks.stream().filter(w -> w.topic().equals("orders/updated")).findFirst().orElseThrow();
        assertThat(webhooks.verify(ShopifyHarness.SELLER, updated.headers(), updated.body().getBytes(StandardCharsets.UTF_8)).orderName())
                .contains("#1001");

        byte[] tampered = refund.body().replace("2.00", "200.00").getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.verify(ShopifyHarness.SELLER, refund.headers(), tampered))
                .isInstanceOf(ShopifyWebhooks.RejectedWebhook.class).hasMessageContaining("does not match");
        Map<String, String> badHeader = new HashMap<>(refund.headers());
        badHeader.put("X-Shopify-Hmac-Sha256", "not base64 !!");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.verify(ShopifyHarness.SELLER, badHeader,
                refund.body().getBytes(StandardCharsets.UTF_8))).isInstanceOf(ShopifyWebhooks.RejectedWebhook.class);
        Map<String, String> otherShop = new HashMap<>(refund.headers());
        otherShop.put("X-Shopify-Shop-Domain", "someone-else.myshopify.com");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.verify(ShopifyHarness.SELLER, otherShop,
                refund.body().getBytes(StandardCharsets.UTF_8))).isInstanceOf(ShopifyWebhooks.RejectedWebhook.class)
                .hasMessageContaining("someone-else");
    }

    private static Map<String, String> lower(Map<String, String> headers) {
        Map<String, String> out = new HashMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    private static <T> T valid(Validation<T> v) {
        assertThat(v).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid<T>) v).command();
    }
}
