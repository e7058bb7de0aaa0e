package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every MCF currentStatus value of fulfillmentOutbound_2020-07-01.json (getPackageTrackingDetails). */
class McfTrackingStatusTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "IN_TRANSIT|IN_TRANSIT|false|-",
            "DELAYED|IN_TRANSIT|false|DELIVERY_DELAYED",
            "OUT_FOR_DELIVERY|OUT_FOR_DELIVERY|false|-",
            "DELIVERY_ATTEMPTED|ATTEMPT_FAIL|false|-",
            "AVAILABLE_FOR_PICKUP|AVAILABLE_FOR_PICKUP|false|-",
            "DELIVERED|DELIVERED|false|-",
            "RETURNING|EXCEPTION|true|-",
            "RETURNED|EXCEPTION|true|-",
            "UNDELIVERABLE|EXCEPTION|false|CARRIER_PARCEL_LOST",
            "CUSTOMER_ACTION|EXCEPTION|false|CONSIGNEE_ACTION_REQUIRED",
            "UNKNOWN|PENDING|false|-"})
    void deliveryValues(String value, TrackingStatus status, boolean rts, IncidentReason reason) {
        assertThat(McfTrackingStatus.delivery(value)).contains(new MappedStatus(status, rts, reason));
        assertThat(McfTrackingStatus.returnStatus(value)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(McfTrackingStatus.ReturnStatus.class)
    void returnFlowValuesAreNotDeliveryStatuses(McfTrackingStatus.ReturnStatus value) {
        assertThat(McfTrackingStatus.delivery(value.name())).isEmpty();
        assertThat(McfTrackingStatus.returnStatus(value.name())).contains(value);
    }

    @ParameterizedTest
    @CsvSource({"NONSENSE", "''"})
    void unknownValues(String value) {
        assertThat(McfTrackingStatus.delivery(value)).isEmpty();
        assertThat(McfTrackingStatus.returnStatus(value)).isEmpty();
    }
}
