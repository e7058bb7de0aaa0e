package com.deskbridge.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every carrier code the sources in functions/carriers/README.md list, with representative carrier texts.
 * Columns: code(s) | text | status | returnToSender | incident ("-" = none).
 */
class StatusMapsTest {

    private static void check(MappedStatus m, TrackingStatus status, boolean rts, IncidentReason incident) {
        assertThat(m).isEqualTo(new MappedStatus(status, rts, incident));
    }

    @ParameterizedTest(name = "DHL {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "pre-transit|The instruction data for this shipment have been provided by the sender|INFO_RECEIVED|false|-",
            "transit|The shipment has been processed in the parcel center|IN_TRANSIT|false|-",
            "transit|The shipment has been loaded onto the delivery vehicle|OUT_FOR_DELIVERY|false|-",
            "transit|Die Sendung wurde in das Zustellfahrzeug geladen|OUT_FOR_DELIVERY|false|-",
            "transit|The shipment is ready for pick-up at the retail outlet|AVAILABLE_FOR_PICKUP|false|-",
            "transit|Die Sendung liegt in der Packstation zur Abholung bereit|AVAILABLE_FOR_PICKUP|false|-",
            "transit|The shipment is on its way back to the sender|IN_TRANSIT|true|-",
            "transit|Delay due to weather conditions|IN_TRANSIT|false|WEATHER_DELAY",
            "delivered|The shipment has been successfully delivered|DELIVERED|false|-",
            "failure|The recipient was not at home. A delivery attempt will be made on the next working day|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "failure|The address is incorrect. The shipment is being returned to the sender|EXCEPTION|true|CONSIGNEE_INCORRECT_ADDRESS",
            "failure|The recipient refused to accept the shipment|EXCEPTION|false|CONSIGNEE_REFUSED",
            "failure|The shipment was damaged|EXCEPTION|false|CARRIER_DAMAGED_PARCEL",
            "failure|Customs clearance pending|EXCEPTION|false|CUSTOMS_DELAY",
            "failure|-|EXCEPTION|false|-",
            "unknown|-|PENDING|false|-",
            "something-new|-|PENDING|false|-"})
    void dhl(String code, String text, TrackingStatus status, boolean rts, IncidentReason incident) {
        check(DhlStatusMap.map(code, text), status, rts, incident);
    }

    @ParameterizedTest(name = "UPS {0}/{1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "M|MP|Shipper created a label, UPS has not received the package yet.|INFO_RECEIVED|false|-",
            "M|-|Order Processed: Ready for UPS|INFO_RECEIVED|false|-",
            "MV|MV|Shipment Information Voided|EXCEPTION|false|SHIPMENT_CANCELLED",
            "X|VD|Voided|EXCEPTION|false|SHIPMENT_CANCELLED",
            "X|CA|Cancelled|EXCEPTION|false|SHIPMENT_CANCELLED",
            "I|OR|Origin Scan|IN_TRANSIT|false|-",
            "P|PU|Pickup Scan|IN_TRANSIT|false|-",
            "I|DP|Departed from Facility|IN_TRANSIT|false|-",
            "I|AR|Arrived at Facility|IN_TRANSIT|false|-",
            "I|-|Processing at UPS Facility|IN_TRANSIT|false|-",
            "P|-|Pickup Scan|IN_TRANSIT|false|-",
            "U|-|Your delivery date was updated|IN_TRANSIT|false|-",
            "I|OT|Out For Delivery Today|OUT_FOR_DELIVERY|false|-",
            "I|RP|Delivered to UPS Access Point, awaiting customer pickup|AVAILABLE_FOR_PICKUP|false|-",
            "X|AC|At UPS Access Point|AVAILABLE_FOR_PICKUP|false|-",
            "D|KB|DELIVERED|DELIVERED|false|-",
            "D|-|Delivered|DELIVERED|false|-",
            "X|RF|The receiver refused the delivery. The package will be returned to the sender.|EXCEPTION|true|CONSIGNEE_REFUSED",
            "X|RF|Refused|EXCEPTION|false|CONSIGNEE_REFUSED",
            "X|UR|Undeliverable return|EXCEPTION|true|UNDELIVERABLE",
            "I|RS|Returned to shipper|IN_TRANSIT|true|-",
            "X|48|The receiver was not available for delivery. We'll make a second attempt the next business day.|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "X|SR|Your package was released by the customs agency.|EXCEPTION|false|CUSTOMS_DELAY",
            "X|-|A mechanical failure has caused a delay.|EXCEPTION|false|DELIVERY_DELAYED",
            "-|-|-|PENDING|false|-"})
    void ups(String type, String code, String text, TrackingStatus status, boolean rts, IncidentReason incident) {
        check(UpsStatusMap.map(type, code, text), status, rts, incident);
    }

    @ParameterizedTest(name = "FedEx {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "OC|Shipment information sent to FedEx|INFO_RECEIVED|false|-",
            "PU|Picked up|IN_TRANSIT|false|-",
            "IT|In transit|IN_TRANSIT|false|-",
            "AR|Arrived at FedEx location|IN_TRANSIT|false|-",
            "DP|Departed FedEx location|IN_TRANSIT|false|-",
            "OD|On FedEx vehicle for delivery|OUT_FOR_DELIVERY|false|-",
            "DL|Delivered|DELIVERED|false|-",
            "DE|Delivery exception - Customer not available or business closed|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "DE|Delivery exception|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "DE|Incorrect address|ATTEMPT_FAIL|false|CONSIGNEE_INCORRECT_ADDRESS",
            "SE|Shipment exception - package damaged|EXCEPTION|false|CARRIER_DAMAGED_PARCEL",
            "SE|Shipment exception|EXCEPTION|false|-",
            "CD|Clearance delay|EXCEPTION|false|CUSTOMS_DELAY",
            "HA|Hold at location requested|AVAILABLE_FOR_PICKUP|false|-",
            "HL|Ready for pickup|AVAILABLE_FOR_PICKUP|false|-",
            "CA|Shipment cancelled by sender|EXCEPTION|false|SHIPMENT_CANCELLED",
            "RS|Return to shipper|IN_TRANSIT|true|-",
            "DY|Delay|IN_TRANSIT|false|DELIVERY_DELAYED",
            "AF|At local FedEx facility|IN_TRANSIT|false|-",
            "-|-|PENDING|false|-"})
    void fedex(String code, String text, TrackingStatus status, boolean rts, IncidentReason incident) {
        check(FedexStatusMap.map(code, text), status, rts, incident);
    }

    @ParameterizedTest(name = "USPS {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Pre-Shipment|Shipping Label Created, USPS Awaiting Item|INFO_RECEIVED|false|-",
            "Accepted|USPS picked up item|IN_TRANSIT|false|-",
            "In Transit|Arrived at USPS Regional Facility|IN_TRANSIT|false|-",
            "In Transit|In Transit, Arriving Late|IN_TRANSIT|false|-",
            "Out for Delivery|Out for Delivery|OUT_FOR_DELIVERY|false|-",
            "Delivered|Delivered, In/At Mailbox|DELIVERED|false|-",
            "Available for Pickup|Available for Pickup|AVAILABLE_FOR_PICKUP|false|-",
            "Alert|Notice Left (No Authorized Recipient Available)|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "Alert|Delivery Attempted - No Access to Delivery Location|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "Alert|Return to Sender|EXCEPTION|true|-",
            "Alert|Insufficient Address|EXCEPTION|false|CONSIGNEE_INCORRECT_ADDRESS",
            "Alert|Delivery Exception, Animal Interference|EXCEPTION|false|-",
            "-|-|PENDING|false|-"})
    void usps(String category, String text, TrackingStatus status, boolean rts, IncidentReason incident) {
        check(UspsStatusMap.map(category, text), status, rts, incident);
    }

    @ParameterizedTest(name = "USPS event {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GX|Shipping Label Created, USPS Awaiting Item|INFO_RECEIVED",
            "03|USPS picked up item|IN_TRANSIT",
            "10|Arrived at USPS Regional Facility|IN_TRANSIT",
            "OF|Out for Delivery|OUT_FOR_DELIVERY",
            "01|Delivered, In/At Mailbox|DELIVERED",
            "02|Notice Left (No Authorized Recipient Available)|ATTEMPT_FAIL",
            "53|Available for Pickup|AVAILABLE_FOR_PICKUP",
            "09|Return to Sender|EXCEPTION",
            "-|Undelivered, Weather Delay|IN_TRANSIT"})
    void uspsEvents(String code, String text, TrackingStatus status) {
        assertThat(UspsStatusMap.event(code, text).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "DPD {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "SHIPMENT|Order information has been transmitted to DPD.|INFO_RECEIVED|false|-",
            "PickedUp|In transit.|IN_TRANSIT|false|-",
            "BetweenDepots|In transit.|IN_TRANSIT|false|-",
            "Depot|At parcel delivery centre.|IN_TRANSIT|false|-",
            "Courier|Out for delivery.|OUT_FOR_DELIVERY|false|-",
            "DeliveryFailure|Unfortunately we have not been able to deliver your parcel.|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "DeliveryFailure|Address incorrect|ATTEMPT_FAIL|false|CONSIGNEE_INCORRECT_ADDRESS",
            "ParcelShop|Delivered to the DPD Pickup parcelshop.|AVAILABLE_FOR_PICKUP|false|-",
            "ReturningFromDelivery|Back at parcel delivery centre after an unsuccessful delivery attempt.|EXCEPTION|false|-",
            "ReturningFromDelivery|The parcel is being returned to the sender.|EXCEPTION|true|-",
            "Delivered|Delivered.|DELIVERED|false|-",
            "Unknown|-|PENDING|false|-"})
    void dpd(String code, String text, TrackingStatus status, boolean rts, IncidentReason incident) {
        check(DpdStatusMap.map(code, text), status, rts, incident);
    }

    @ParameterizedTest(name = "Aggregator {0}/{1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Pending|Pending_001|-|PENDING|false|-",
            "InfoReceived|InfoReceived_001|-|INFO_RECEIVED|false|-",
            "InTransit|InTransit_002|Acceptance scan|IN_TRANSIT|false|-",
            "OutForDelivery|OutForDelivery_001|-|OUT_FOR_DELIVERY|false|-",
            "AttemptFail|AttemptFail_001|-|ATTEMPT_FAIL|false|CONSIGNEE_NOT_HOME",
            "AvailableForPickup|AvailableForPickup_001|-|AVAILABLE_FOR_PICKUP|false|-",
            "Delivered|Delivered_001|-|DELIVERED|false|-",
            "Exception|Exception_003|-|EXCEPTION|false|CONSIGNEE_REFUSED",
            "Exception|Exception_004|-|EXCEPTION|false|CUSTOMS_DELAY",
            "Exception|Exception_005|-|EXCEPTION|false|DELIVERY_DELAYED",
            "Exception|Exception_006|-|EXCEPTION|false|HELD_FOR_PAYMENT",
            "Exception|Exception_007|-|EXCEPTION|false|CONSIGNEE_INCORRECT_ADDRESS",
            "Exception|Exception_010|-|EXCEPTION|true|-",
            "Exception|Exception_011|-|EXCEPTION|true|-",
            "Exception|Exception_012|-|EXCEPTION|false|CARRIER_DAMAGED_PARCEL",
            "Exception|Exception_013|-|EXCEPTION|false|CARRIER_PARCEL_LOST",
            "Exception|Exception_099|Parcel damaged|EXCEPTION|false|CARRIER_DAMAGED_PARCEL",
            "Expired|Expired_001|-|EXPIRED|false|-",
            "Nonsense|-|-|PENDING|false|-"})
    void aggregator(String tag, String subtag, String text, TrackingStatus status, boolean rts, IncidentReason incident) {
        check(AggregatorStatusMap.map(tag, subtag, text), status, rts, incident);
    }
}
