package com.deskbridge.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MacroValuesTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest
    @CsvSource({
        "EN, 22 November 2026",
        "DE, 22.11.2026",
        "FR, 22/11/2026",
        "IT, 22/11/2026",
        "ES, 22/11/2026",
        "NL, 22-11-2026",
        "PL, 22.11.2026",
        "SV, 2026-11-22",
    })
    void datesPerLanguage(MacroLanguage language, String expected) {
        MacroValues v = MacroValues.builder().date(Placeholder.SHIP_DATE, LocalDate.of(2026, 11, 22)).build();
        assertThat(v.format(Placeholder.SHIP_DATE, language)).isEqualTo(expected);
    }

    @Test
    void singleDigitDaysArePaddedExceptInEnglish() {
        MacroValues v = MacroValues.builder().date(Placeholder.DELIVERY_DATE, LocalDate.of(2026, 3, 5)).build();
        assertThat(v.format(Placeholder.DELIVERY_DATE, MacroLanguage.DE)).isEqualTo("05.03.2026");
        assertThat(v.format(Placeholder.DELIVERY_DATE, MacroLanguage.EN)).isEqualTo("5 March 2026");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EN|12.5|EUR|€12.50",
        "DE|12.5|EUR|12,50 €",
        "FR|12.5|EUR|12,50 €",
        "IT|12.5|EUR|12,50 €",
        "ES|12.5|EUR|12,50 €",
        "DE|1234567.891|EUR|1.234.567,89 €",
        "EN|1234.5|GBP|£1,234.50",
        "EN|19.99|USD|$19.99",
        "DE|30|CHF|30,00 CHF",
        "EN|30|CHF|CHF 30.00",
        "EN|1500|JPY|JPY 1,500",
        "DE|0.005|EUR|0,01 €",
        "NL|12.5|EUR|€ 12,50",
        "NL|1234.5|EUR|€ 1.234,50",
        "NL|30|CHF|CHF 30,00",
        "PL|12.5|EUR|12,50 €",
        "PL|49.9|PLN|49,90 zł",
        "PL|1234.5|PLN|1234,50 zł",
        "SV|12.5|EUR|12,50 €",
        "SV|199|SEK|199,00 kr",
        "EN|199|SEK|SEK 199.00",
        "DE|49.9|PLN|49,90 PLN",
    })
    void moneyPerLanguage(MacroLanguage language, String amount, String currency, String expected) {
        MacroValues v = MacroValues.builder()
                .money(Placeholder.REFUND_AMOUNT, new BigDecimal(amount), Currency.getInstance(currency)).build();
        assertThat(v.format(Placeholder.REFUND_AMOUNT, language)).isEqualTo(expected);
    }

    @Test
    void frenchGroupsThousandsWithANoBreakSpace() {
        MacroValues v = MacroValues.builder().money(Placeholder.REFUND_AMOUNT, new BigDecimal("1234.5"), EUR).build();
        assertThat(v.format(Placeholder.REFUND_AMOUNT, MacroLanguage.FR)).isEqualTo("1\u00A0234,50 €");
    }

    @Test
    void polishAndSwedishGroupThousandsWithANoBreakSpacePolishFromFiveDigits() {
        MacroValues v = MacroValues.builder().money(Placeholder.REFUND_AMOUNT, new BigDecimal("12345.5"),
                Currency.getInstance("PLN")).build();
        assertThat(v.format(Placeholder.REFUND_AMOUNT, MacroLanguage.PL)).isEqualTo("12\u00A0345,50 zł");
        MacroValues sek = MacroValues.builder().money(Placeholder.REFUND_AMOUNT, new BigDecimal("1234.5"),
                Currency.getInstance("SEK")).build();
        assertThat(sek.format(Placeholder.REFUND_AMOUNT, MacroLanguage.SV)).isEqualTo("1\u00A0234,50 kr");
    }

    @Test
    void trackingStatusIsWordedInTheRenderedLanguage() {
        MacroValues v = MacroValues.builder().trackingStatus(TrackingStatus.OUT_FOR_DELIVERY).build();
        assertThat(v.format(Placeholder.TRACKING_STATUS, MacroLanguage.DE)).isEqualTo("in Zustellung");
        assertThat(v.format(Placeholder.TRACKING_STATUS, MacroLanguage.ES)).isEqualTo("en reparto");
        assertThat(v.format(Placeholder.TRACKING_STATUS, MacroLanguage.PL)).isEqualTo("wydana do doręczenia");
        assertThat(v.format(Placeholder.TRACKING_STATUS, MacroLanguage.SV)).isEqualTo("ute för leverans");
        assertThat(TrackingStatus.fromTag("out_for_delivery")).contains(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(TrackingStatus.fromTag("Teleported")).isEmpty();
        for (TrackingStatus s : TrackingStatus.values()) {
            for (MacroLanguage l : MacroLanguage.values()) {
                assertThat(s.wording(l)).as(s + " " + l).isNotBlank();
            }
        }
    }

    @Test
    void plainTextStatusIsKeptAsGiven() {
        MacroValues v = MacroValues.builder().text(Placeholder.TRACKING_STATUS, "  Zugestellt an Nachbarn ").build();
        assertThat(v.format(Placeholder.TRACKING_STATUS, MacroLanguage.DE)).isEqualTo("Zugestellt an Nachbarn");
    }

    @Test
    void valuesOfTheWrongKindAreRejected() {
        MacroValues.Builder b = MacroValues.builder();
        assertThatThrownBy(() -> b.text(Placeholder.SHIP_DATE, "tomorrow"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{ShipDate}} takes a DATE");
        assertThatThrownBy(() -> b.date(Placeholder.ORDER_ID, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.money(Placeholder.CARRIER, BigDecimal.ONE, EUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeMoneyAndNonHttpsLinksAreRejected() {
        MacroValues.Builder b = MacroValues.builder();
        assertThatThrownBy(() -> b.money(Placeholder.REFUND_AMOUNT, new BigDecimal("-1"), EUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.link(Placeholder.TRACKING_LINK, URI.create("http://www.dhl.de/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.link(Placeholder.TRACKING_LINK, URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullOrBlankClearsAValueAndToStringHidesValues() {
        MacroValues v = MacroValues.builder().text(Placeholder.CUSTOMER_NAME, "Anna Müller")
                .text(Placeholder.CARRIER, "DHL").text(Placeholder.CARRIER, null)
                .date(Placeholder.SHIP_DATE, null).build();
        assertThat(v.has(Placeholder.CUSTOMER_NAME)).isTrue();
        assertThat(v.has(Placeholder.CARRIER)).isFalse();
        assertThat(v.has(Placeholder.SHIP_DATE)).isFalse();
        assertThat(v.toString()).contains("CUSTOMER_NAME").doesNotContain("Anna");
        assertThatThrownBy(() -> v.format(Placeholder.CARRIER, MacroLanguage.EN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void languageCodesAndTags() {
        assertThat(MacroLanguage.fromCode("de-AT")).contains(MacroLanguage.DE);
        assertThat(MacroLanguage.fromCode("es_MX")).contains(MacroLanguage.ES);
        assertThat(MacroLanguage.fromCode("FR")).contains(MacroLanguage.FR);
        assertThat(MacroLanguage.fromCode("nl")).contains(MacroLanguage.NL);
        assertThat(MacroLanguage.fromCode("pl-PL")).contains(MacroLanguage.PL);
        assertThat(MacroLanguage.fromCode("sv_SE")).contains(MacroLanguage.SV);
        assertThat(MacroLanguage.fromCode("pt")).isEmpty();
        assertThat(MacroLanguage.fromCode(null)).isEmpty();
    }
}
