package com.deskbridge.orderactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The order statuses the rules switch on exist in Amazon's models (ordersV0.json, orders_2026-01-01.json, fulfillmentOutbound_2020-07-01.json), so a typo in a
 * status name cannot silently make an order uncancellable.
 */
class ReferenceStatusesTest {

    private static String model(String file) throws IOException {
        Path reference = Path.of(System.getProperty("deskbridge.root", ".")).toAbsolutePath().normalize()
                .resolveSibling("shared").resolve("reference");
        Assumptions.assumeTrue(Files.isDirectory(reference), "…/shared/reference not found: " + reference);
        Path path = reference.resolve("sp-api/models").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "model not found: " + path);
        return Files.readString(path);
    }

    @Test
    void mcfStatusesAreFulfillmentOutboundValues() throws IOException {
        String model = model("fulfillmentOutbound_2020-07-01.json");
        for (String s : new String[] {"New", "Received", "Planning", "Processing", "Cancelled", "Complete", "CompletePartialled",
                "Unfulfillable", "Invalid"}) {
            assertThat(model).contains("\"" + s + "\"");
        }
        assertThat(OrderStatus.MCF_CANCELLABLE).containsExactlyInAnyOrder("NEW", "RECEIVED", "PLANNING", "PROCESSING");
    }

    @Test
    void orderStatusesAreOrdersApiValues() throws IOException {
        String v0 = model("ordersV0.json");
        for (String s : new String[] {"Pending", "Unshipped", "PartiallyShipped", "Shipped", "Canceled", "InvoiceUnconfirmed",
                "PendingAvailability"}) {
            assertThat(v0).contains("\"" + s + "\"");
            assertThat(OrderStatus.normalize(s)).isIn(OrderStatus.SHIPPED.contains(OrderStatus.normalize(s))
                    ? OrderStatus.SHIPPED : java.util.Set.of("PENDING", "UNSHIPPED", "CANCELLED", "PENDINGAVAILABILITY"));
        }
        String v2026 = model("orders_2026-01-01.json");
        for (String s : new String[] {"UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED", "PENDING"}) {
            assertThat(v2026).contains("\"" + s + "\"");
        }
    }
}
