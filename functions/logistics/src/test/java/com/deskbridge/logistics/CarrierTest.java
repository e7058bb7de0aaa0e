package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CarrierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DHL|DHL", "DHL eCommerce|DHL", "DHL_DE|DHL", "Deutsche Post|DHL", "deutsche-post|DHL", "DHL Express|DHL",
            "UPS|UPS", "UPS Mail Innovations|UPS", "United Parcel Service|UPS",
            "FedEx|FEDEX", "FEDEX_GROUND|FEDEX", "Federal Express|FEDEX",
            "USPS|USPS", "United States Postal Service|USPS",
            "DPD|DPD", "DPD UK|DPD", "dpd_de|DPD",
            "Amazon Logistics|AMAZON_LOGISTICS", "AMZN_UK|AMAZON_LOGISTICS", "AMZN_US|AMAZON_LOGISTICS", "Amazon Shipping|AMAZON_LOGISTICS", "AMZL|AMAZON_LOGISTICS",
            "Royal Mail|ROYAL_MAIL", "GLS|GLS", "Hermes|HERMES", "Evri|HERMES", "Colissimo|COLISSIMO",
            "Yodel|OTHER", "''|OTHER", "'  '|OTHER"})
    void recognisesMarketplaceCarrierNames(String name, Carrier expected) {
        assertThat(Carrier.fromName(name)).isEqualTo(expected);
    }

    @Test
    void nullNameIsOther() {
        assertThat(Carrier.fromName(null)).isEqualTo(Carrier.OTHER);
    }

    @Test
    void carriersWithoutDirectAdapterUseTheAggregator() {
        assertThat(Carrier.AMAZON_LOGISTICS.upstream()).isEqualTo(TrackingUpstream.AGGREGATOR);
        assertThat(Carrier.OTHER.upstream()).isEqualTo(TrackingUpstream.AGGREGATOR);
        assertThat(Carrier.OTHER.aggregatorSlug()).isNull();
        assertThat(Carrier.DHL.upstream()).isEqualTo(TrackingUpstream.DHL);
    }

    @Test
    void linksFollowTheDocumentedPatternsAndEncodeTheNumber() {
        assertThat(Carrier.DHL.trackingLink("00340434161094042557", Locale.GERMANY).orElseThrow().url())
                .isEqualTo("https://www.dhl.com/de-de/home/tracking/tracking-parcel.html?submit=1&tracking-id=00340434161094042557");
        assertThat(Carrier.DHL.trackingLink("123", Locale.ENGLISH).orElseThrow().url())
                .startsWith("https://www.dhl.com/global-en/");
        assertThat(Carrier.UPS.trackingLink("1Z 999&x=1", Locale.UK).orElseThrow().url())
                .isEqualTo("https://www.ups.com/track?loc=en_GB&tracknum=1Z+999%26x%3D1");
        assertThat(Carrier.FEDEX.trackingLink("123456789012", Locale.US).orElseThrow().url())
                .isEqualTo("https://www.fedex.com/fedextrack/?trknbr=123456789012");
        assertThat(Carrier.USPS.trackingLink("9400100000000000000000", Locale.US).orElseThrow().url())
                .isEqualTo("https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000");
        assertThat(Carrier.DPD.trackingLink("01234567890123", Locale.FRANCE).orElseThrow().url())
                .isEqualTo("https://www.dpdgroup.com/fr/mydpd/my-parcels/track?lang=fr&parcelNumber=01234567890123");
        TrackingLink amazon = Carrier.AMAZON_LOGISTICS.trackingLink("TBA123456789000", Locale.US).orElseThrow();
        assertThat(amazon.url()).isEqualTo("https://track.amazon.com/tracking/TBA123456789000");
        assertThat(amazon.lowConfidence()).isTrue();
        assertThat(Carrier.DHL.trackingLink("1", Locale.US).orElseThrow().lowConfidence()).isFalse();
        assertThat(Carrier.OTHER.trackingLink("X1", Locale.US)).isEmpty();
        assertThat(Carrier.DHL.trackingLink(" ", Locale.US)).isEmpty();
    }
}
