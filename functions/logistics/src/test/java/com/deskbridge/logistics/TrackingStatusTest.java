package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrackingStatusTest {

    @Test
    void hasAfterShipsNineTagsAndParsesThem() {
        assertThat(Arrays.stream(TrackingStatus.values()).map(TrackingStatus::tag)).containsExactly(
                "Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail", "AvailableForPickup",
                "Delivered", "Exception", "Expired");
        for (TrackingStatus s : TrackingStatus.values()) {
            assertThat(TrackingStatus.fromTag(s.tag())).contains(s);
            assertThat(TrackingStatus.fromTag(s.name())).contains(s);
        }
        assertThat(TrackingStatus.fromTag("Lost")).isEmpty();
        assertThat(TrackingStatus.fromTag(null)).isEmpty();
    }

    @Test
    void helpersPartitionTheStates() {
        assertThat(Arrays.stream(TrackingStatus.values()).filter(TrackingStatus::terminal))
                .containsExactly(TrackingStatus.DELIVERED, TrackingStatus.EXPIRED);
        assertThat(Arrays.stream(TrackingStatus.values()).filter(TrackingStatus::inTransit))
                .containsExactly(TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.ATTEMPT_FAIL,
                        TrackingStatus.AVAILABLE_FOR_PICKUP);
        assertThat(Arrays.stream(TrackingStatus.values()).filter(TrackingStatus::preTransit))
                .containsExactly(TrackingStatus.PENDING, TrackingStatus.INFO_RECEIVED);
        assertThat(Arrays.stream(TrackingStatus.values()).filter(TrackingStatus::needsAttention))
                .containsExactly(TrackingStatus.ATTEMPT_FAIL, TrackingStatus.EXCEPTION, TrackingStatus.EXPIRED);
    }
}
