package com.deskbridge.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.ProactiveFlag;
import com.deskbridge.logistics.ProactiveFlags;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every adapter against the simulator's demo world, over real HTTP: the varied states, raw codes kept, 404s. */
class AdapterHappyPathTest {

    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.demo();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static TrackingSnapshot found(Carrier carrier, String number) {
        TrackingSource.TrackingResult r = h.registry.track(carrier, number);
        assertThat(r).as("%s %s", carrier, number).isInstanceOf(TrackingSource.Found.class);
        return ((TrackingSource.Found) r).snapshot();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "DHL|00340434161094042557|DELIVERED|false|-|4",
            "DHL|00340434161094042558|IN_TRANSIT|false|-|2",
            "DHL|00340434161094042559|OUT_FOR_DELIVERY|false|-|3",
            "DHL|00340434161094042560|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME|3",
            "DHL|00340434161094042561|IN_TRANSIT|true|-|4",
            "DHL|00340434161094042562|IN_TRANSIT|false|-|2",
            "DHL|00340434161094042563|INFO_RECEIVED|false|-|1",
            "UPS|1ZDB00000000000011|DELIVERED|false|-|5",
            "UPS|1ZDB00000000000022|IN_TRANSIT|false|-|3",
            "UPS|1ZDB00000000000033|OUT_FOR_DELIVERY|false|-|2",
            "UPS|1ZDB00000000000044|EXCEPTION|true|CONSIGNEE_REFUSED|2",
            "UPS|1ZDB00000000000055|EXCEPTION|true|UNDELIVERABLE|2",
            "UPS|1ZDB00000000000066|IN_TRANSIT|false|-|2",
            "FEDEX|794600000001|DELIVERED|false|-|4",
            "FEDEX|794600000002|IN_TRANSIT|false|-|2",
            "FEDEX|794600000003|OUT_FOR_DELIVERY|false|-|2",
            "FEDEX|794600000004|EXCEPTION|false|CUSTOMS_DELAY|2",
            "FEDEX|794600000005|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME|2",
            "USPS|9400100000000000000001|DELIVERED|false|-|5",
            "USPS|9400100000000000000002|IN_TRANSIT|false|-|2",
            "USPS|9400100000000000000003|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME|2",
            "USPS|9400100000000000000004|AVAILABLE_FOR_PICKUP|false|-|2",
            "USPS|9400100000000000000005|EXCEPTION|true|-|2",
            "DPD|01905012345601|DELIVERED|false|-|5",
            "DPD|01905012345602|IN_TRANSIT|false|-|3",
            "DPD|01905012345603|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME|2",
            "DPD|01905012345604|AVAILABLE_FOR_PICKUP|false|-|2",
            "DPD|01905012345605|EXCEPTION|false|-|2",
            "GLS|GLS00000000001|IN_TRANSIT|false|-|2",
            "ROYAL_MAIL|RM000000001GB|DELIVERED|false|-|2",
            "AMAZON_LOGISTICS|TBA000000000001|OUT_FOR_DELIVERY|false|-|2",
            "HERMES|H1000000000000000001|EXCEPTION|true|-|2",
            "OTHER|JD0000000000000001|EXPIRED|false|-|2",
            // the SP-API simulator's demo orders ship with these
            "DPD|01405000123456|IN_TRANSIT|false|-|3",
            "UPS|1Z5338FF0107231059|OUT_FOR_DELIVERY|false|-|3",
            "FEDEX|794843185271|ATTEMPT_FAIL|false|CONSIGNEE_INCORRECT_ADDRESS|2",
            "USPS|9400111899223197428490|DELIVERED|false|-|2",
            "AMAZON_LOGISTICS|TBA304512345678|IN_TRANSIT|false|-|2"})
    void demoShipment(Carrier carrier, String number, TrackingStatus status, boolean rts, IncidentReason incident, int events) {
        TrackingSnapshot s = found(carrier, number);
        assertThat(s.carrier()).isEqualTo(carrier);
        assertThat(s.trackingNumber()).isEqualTo(number);
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.returnToSender()).isEqualTo(rts);
        assertThat(s.incidentReason()).isEqualTo(incident);
        assertThat(s.events()).hasSize(events);
        assertThat(s.events()).allSatisfy(e -> assertThat(e.rawCode()).isNotBlank());
        assertThat(s.events()).isSortedAccordingTo(java.util.Comparator.comparing(com.deskbridge.logistics.TrackingEvent::occurredAt));
        assertThat(s.rawStatusCode()).isNotBlank();
        assertThat(s.observedAt()).isEqualTo(h.clock.instant());
        assertThat(s.lastLocation()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"DHL,00340434161094049999", "UPS,1ZDB00000000009999", "FEDEX,794600009999", "USPS,9400100000000000009999",
            "DPD,01905012399999", "GLS,GLS99999999999", "OTHER,XX0000000000000001"})
    void unknownNumbersAreNotFound(Carrier carrier, String number) {
        assertThat(h.registry.track(carrier, number)).isEqualTo(new TrackingSource.NotFound(carrier, number));
    }

    @Test
    void malformedNumbersAreNotFoundWithoutACall() {
        int before = h.calls(TrackingUpstream.DHL);
        assertThat(h.registry.track(Carrier.DHL, "../../etc/passwd")).isInstanceOf(TrackingSource.NotFound.class);
        assertThat(h.registry.track(Carrier.DHL, "")).isInstanceOf(TrackingSource.NotFound.class);
        assertThat(h.registry.track(Carrier.DHL, null)).isInstanceOf(TrackingSource.NotFound.class);
        assertThat(h.calls(TrackingUpstream.DHL)).isEqualTo(before);
        assertThat(found(Carrier.DHL, " 0034 0434 1610 9404 2557 ").trackingNumber()).isEqualTo("00340434161094042557");
    }

    @Test
    void detailsSurviveTheWire() {
        TrackingSnapshot dhl = found(Carrier.DHL, "00340434161094042558");
        assertThat(dhl.estimatedDelivery()).isEqualTo(Harness.START.plus(Duration.ofHours(20)));
        assertThat(dhl.events().get(0).occurredAt()).isEqualTo(Harness.START.minus(Duration.ofHours(30)));
        assertThat(dhl.events().get(0).rawCode()).isEqualTo("pre-transit");
        assertThat(dhl.events().get(1).location()).isEqualTo("Köln, DE");
        assertThat(dhl.link().url()).contains("tracking-id=00340434161094042558");

        TrackingSnapshot ups = found(Carrier.UPS, "1ZDB00000000000022");
        assertThat(ups.estimatedDelivery()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(ups.rawStatusCode()).isEqualTo("DP");
        assertThat(ups.lastLocation()).isEqualTo("Louisville, KY, US");

        TrackingSnapshot fedex = found(Carrier.FEDEX, "794600000002");
        assertThat(fedex.estimatedDelivery()).isEqualTo(Harness.START.plus(Duration.ofHours(30)));
        TrackingSnapshot usps = found(Carrier.USPS, "9400100000000000000002");
        assertThat(usps.rawStatusCode()).isEqualTo("In Transit");
        assertThat(usps.estimatedDelivery()).isEqualTo(Harness.START.plus(Duration.ofHours(40)));
        TrackingSnapshot dpd = found(Carrier.DPD, "01905012345602");
        assertThat(dpd.rawStatusCode()).isEqualTo("BetweenDepots");
        assertThat(dpd.lastLocation()).isEqualTo("Oirschot (NL)");
        // DPD reports minutes in Berlin local time; the instant comes back intact
        assertThat(dpd.events().get(2).occurredAt()).isEqualTo(Harness.START.minus(Duration.ofHours(6)));

        TrackingSnapshot amazon = found(Carrier.AMAZON_LOGISTICS, "TBA000000000001");
        assertThat(amazon.link().lowConfidence()).isTrue();
        assertThat(amazon.estimatedDelivery()).isEqualTo(Harness.START.plus(Duration.ofHours(8)));
    }

    @Test
    void staleShipmentIsFlaggedLostAndLate() {
        TrackingSnapshot stale = found(Carrier.DHL, "00340434161094042562");
        var flags = new ProactiveFlags(h.clock).evaluate(stale, Harness.START.minus(Duration.ofDays(5)));
        assertThat(flags).containsExactlyInAnyOrder(ProactiveFlag.LOST, ProactiveFlag.DELAYED);
        TrackingSnapshot returning = found(Carrier.DHL, "00340434161094042561");
        assertThat(new ProactiveFlags(h.clock).evaluate(returning, null)).containsExactly(ProactiveFlag.RETURNED_TO_SENDER);
    }

    @Test
    void futureEventsAppearAsTheClockMoves() {
        try (Harness own = Harness.demo()) {
            assertThat(((TrackingSource.Found) own.registry.track(Carrier.DHL, "00340434161094042563")).snapshot().status())
                    .isEqualTo(TrackingStatus.INFO_RECEIVED);
            own.clock.advance(Duration.ofHours(27));
            assertThat(((TrackingSource.Found) own.registry.track(Carrier.DHL, "00340434161094042563")).snapshot().status())
                    .isEqualTo(TrackingStatus.DELIVERED);
        }
    }
}
