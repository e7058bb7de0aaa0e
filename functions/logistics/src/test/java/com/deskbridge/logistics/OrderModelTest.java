package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderModelTest {

    @Test
    void orderStatusAcceptsV0AndV2026Spellings() {
        assertThat(OrderStatus.fromAmazon("PartiallyShipped")).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderStatus.fromAmazon("PARTIALLY_SHIPPED")).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderStatus.fromAmazon("Canceled")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.fromAmazon("CANCELLED")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.fromAmazon("PendingAvailability")).isEqualTo(OrderStatus.PENDING_AVAILABILITY);
        assertThat(OrderStatus.fromAmazon("InvoiceUnconfirmed")).isEqualTo(OrderStatus.INVOICE_UNCONFIRMED);
        assertThat(OrderStatus.fromAmazon("Whatever")).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void fulfilmentChannelFromBothApiVersions() {
        assertThat(FulfilmentChannel.fromAmazon("AFN")).isEqualTo(FulfilmentChannel.FBA);
        assertThat(FulfilmentChannel.fromAmazon("AMAZON")).isEqualTo(FulfilmentChannel.FBA);
        assertThat(FulfilmentChannel.fromAmazon("MFN")).isEqualTo(FulfilmentChannel.FBM);
        assertThat(FulfilmentChannel.fromAmazon("MERCHANT")).isEqualTo(FulfilmentChannel.FBM);
        assertThatThrownBy(() -> FulfilmentChannel.fromAmazon("X")).hasMessageContaining("X");
    }

    @Test
    void packagesKnowTheirCarrierAndTheOrderItsPromise() {
        Instant promised = Instant.parse("2026-11-25T23:59:59Z");
        OrderSummary order = new OrderSummary("028-1234567-1234567", "A1PA6795UKMFR9", OrderStatus.SHIPPED,
                FulfilmentChannel.FBM, Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-21T23:59:59Z"),
                promised, List.of(new OrderSummary.Item("SKU-1", "Mug", 2)),
                List.of(new OrderSummary.ShippedPackage("DHL eCommerce", "00340434161094042557", Instant.parse("2026-11-21T12:00:00Z"))));
        assertThat(order.packages().get(0).carrier()).isEqualTo(Carrier.DHL);
        assertThat(order.promisedDelivery()).contains(promised);
        assertThatThrownBy(() -> new OrderSummary.Item("S", "t", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
