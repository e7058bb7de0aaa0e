package com.deskbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.OutgoingMessage;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
    private final PersonalData jana = PersonalData.builder().buyerName("Jana Schmidt")
            .buyerAddress("x7k2m9q4p1@marketplace.amazon.de").orderId("028-5100001-0000001")
            .trackingNumber("00340434161094042557").addressLine("Hauptstraße 5").build();

    @Test
    void knownValuesAndWhatLooksPersonalBecomePlaceholders() {
        String copy = jana.redact("Hallo Frau Schmidt, Ihre Bestellung 028-5100001-0000001 (DHL 00340434161094042557) "
                + "geht an Hauptstraße 5, 50667 Köln. Antwort an x7k2m9q4p1@marketplace.amazon.de. Ihre Jana-Bestellung "
                + "113-9999999-9999999 ebenso.");
        assertThat(copy).doesNotContain("Schmidt", "028-5100001-0000001", "00340434161094042557", "Hauptstraße 5",
                "50667 Köln", "x7k2m9q4p1", "113-9999999-9999999");
        assertThat(copy).contains("{{CustomerName}}", "{{OrderID}}", "{{TrackingNumber}}", "{{Address}}", "{{BuyerEmail}}");
        assertThat(jana.toString()).doesNotContain("Schmidt");
    }

    @Test
    void theAuditStillFindsWhatTheCheckerFindsInTheOriginal() {
        ComplianceChecker checker = new ComplianceChecker();
        String original = "Hallo Jana Schmidt, schreiben Sie mir direkt an jana.shop@gmail.com oder rufen Sie +49 170 1234567 an.";
        String copy = jana.redact(original);
        assertThat(copy).doesNotContain("Schmidt", "jana.shop@", "1234567");
        assertThat(checker.check(OutgoingMessage.of(copy)).blocked()).isEqualTo(checker.check(OutgoingMessage.of(original)).blocked())
                .isTrue();
    }
}
