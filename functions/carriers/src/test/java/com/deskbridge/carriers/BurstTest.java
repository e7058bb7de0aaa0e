package com.deskbridge.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 1,000 lookups of 1,000 different DHL numbers against DHL's documented 250/day and 1/s: the client-side quota keeps
 * DHL from ever seeing more than 250 calls, so DHL never has to answer 429.
 */
class BurstTest {

    @Test
    void dhlNeverSeesMoreThanItsDailyBudget() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode world = json.createObjectNode();
        world.putObject("carriers").putObject("dhl").put("apiKey", "demo-dhl-key")
                .putObject("quota").put("limit", 250).put("period", "P1D");
        ArrayNode shipments = world.putArray("shipments");
        for (int i = 0; i < 1000; i += 2) { // half of them known, half unknown (404 costs a call too)
            ObjectNode s = shipments.addObject().put("carrier", "dhl").put("trackingNumber", number(i));
            s.putArray("events").addObject().put("at", "-PT5H").put("code", "transit").put("text", "processed").put("city", "Köln").put("country", "DE");
        }
        java.util.logging.Logger quiet = java.util.logging.Logger.getLogger("com.deskbridge");
        quiet.setLevel(java.util.logging.Level.SEVERE); // 125 expected 404 warnings would only clutter the build log
        try (Harness h = new Harness(world, CarrierBudgets.documented(), Harness.demoSecrets())) {
            assertThat(h.registry.remainingBudgets().get(TrackingUpstream.DHL)).isEqualTo(250);
            Map<Class<?>, Integer> outcomes = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                TrackingSource.TrackingResult r = h.registry.track(Carrier.DHL, number(i));
                outcomes.merge(r.getClass(), 1, Integer::sum);
            }
            assertThat(h.calls(TrackingUpstream.DHL)).isEqualTo(250);
            assertThat(h.registry.remainingBudgets().get(TrackingUpstream.DHL)).isZero();
            assertThat(h.sim.rejectedCount("dhl")).isZero();
            assertThat(outcomes.get(TrackingSource.Found.class)).isEqualTo(125);
            assertThat(outcomes.get(TrackingSource.NotFound.class)).isEqualTo(125);
            assertThat(outcomes.get(TrackingSource.Unavailable.class)).isEqualTo(750);
            // DHL's 1 call/s was kept too: 250 calls needed at least 249 seconds of (simulated) waiting
            long waited = h.sleeps.stream().mapToLong(java.time.Duration::toMillis).sum();
            assertThat(waited).isGreaterThanOrEqualTo(249_000);
        } finally {
            quiet.setLevel(null);
        }
    }

    private static String number(int i) {
        return String.format("003404341610%08d", i);
    }
}
