package com.deskbridge.logistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The carriers Deskbridge recognises in marketplace package data, with the tracking API each one is read from and
 * its public tracking page (functions/carriers/README.md, Sources). Carriers without a direct adapter are tracked through the
 * aggregator using {@link #aggregatorSlug()}.
 */
public enum Carrier {
    DHL(TrackingUpstream.DHL, "dhl", "DHL"),
    UPS(TrackingUpstream.UPS, "ups", "UPS"),
    FEDEX(TrackingUpstream.FEDEX, "fedex", "FedEx"),
    USPS(TrackingUpstream.USPS, "usps", "USPS"),
    DPD(TrackingUpstream.DPD, "dpd", "DPD"),
    AMAZON_LOGISTICS(TrackingUpstream.AGGREGATOR, "amazon", "Amazon Logistics"),
    ROYAL_MAIL(TrackingUpstream.AGGREGATOR, "royal-mail", "Royal Mail"),
    GLS(TrackingUpstream.AGGREGATOR, "gls", "GLS"),
    HERMES(TrackingUpstream.AGGREGATOR, "hermes-de", "Hermes"),
    COLISSIMO(TrackingUpstream.AGGREGATOR, "colissimo", "Colissimo"),
    OTHER(TrackingUpstream.AGGREGATOR, null, null);

    private final TrackingUpstream upstream;
    private final String aggregatorSlug;
    private final String displayName;

    Carrier(TrackingUpstream upstream, String aggregatorSlug, String displayName) {
        this.upstream = upstream;
        this.aggregatorSlug = aggregatorSlug;
        this.displayName = displayName;
    }

    /** The carrier's name as a buyer knows it ("FedEx"); empty for {@link #OTHER} (the name is not known). */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** Which tracking API serves this carrier's numbers. */
    public TrackingUpstream upstream() {
        return upstream;
    }

    /**
     * The aggregator's courier slug (AfterShip-style), or null to let the aggregator detect the courier. The slugs
     * are the commonly used AfterShip ones; we have no primary source for them (UNCONFIRMED).
     */
    public String aggregatorSlug() {
        return aggregatorSlug;
    }

    /**
     * Recognises a carrier name or code as it appears in SP-API package data (Orders {@code packages[].carrier},
     * MCF {@code carrierCode}, the FBA shipments report): "DHL", "DHL eCommerce", "Deutsche Post", "UPS", "FedEx",
     * "USPS", "DPD", "Amazon Logistics", "AMZN_UK", ... Unknown or blank names give {@link #OTHER}.
     */
    public static Carrier fromName(String name) {
        if (name == null) {
            return OTHER;
        }
        String n = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (n.isEmpty()) {
            return OTHER;
        }
        if (n.startsWith("DHL") || n.startsWith("DEUTSCHEPOST")) {
            return DHL;
        }
        if (n.startsWith("UPS") || n.startsWith("UNITEDPARCEL")) {
            return UPS;
        }
        if (n.startsWith("FEDEX") || n.startsWith("FEDERALEXPRESS")) {
            return FEDEX;
        }
        if (n.startsWith("USPS") || n.startsWith("UNITEDSTATESPOST") || n.equals("USPOSTALSERVICE")) {
            return USPS;
        }
        if (n.startsWith("DPD")) {
            return DPD;
        }
        if (n.startsWith("AMZN") || n.startsWith("AMZL") || n.startsWith("AMAZON")) {
            return AMAZON_LOGISTICS;
        }
        if (n.startsWith("ROYALMAIL") || n.equals("PARCELFORCE")) {
            return ROYAL_MAIL;
        }
        if (n.startsWith("GLS")) {
            return GLS;
        }
        if (n.startsWith("HERMES") || n.startsWith("EVRI")) {
            return HERMES;
        }
        if (n.startsWith("COLISSIMO") || n.startsWith("LAPOSTE")) {
            return COLISSIMO;
        }
        return OTHER;
    }

    /**
     * The carrier's public tracking page for {@code trackingNumber} in the agent's {@code locale} (patterns as
     * in karrio's connectors, https://github.com/karrioapi/karrio), empty where no link is documented. The number is URL-encoded.
     */
    public Optional<TrackingLink> trackingLink(String trackingNumber, Locale locale) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Optional.empty();
        }
        Locale l = locale == null ? Locale.US : locale;
        String lang = l.getLanguage().isEmpty() ? "en" : l.getLanguage().toLowerCase(Locale.ROOT);
        String country = l.getCountry().toLowerCase(Locale.ROOT);
        String n = URLEncoder.encode(trackingNumber.trim(), StandardCharsets.UTF_8);
        return switch (this) {
            case DHL -> Optional.of(new TrackingLink("https://www.dhl.com/" + (country.isEmpty() ? "global-en" : country + "-" + lang)
                    + "/home/tracking/tracking-parcel.html?submit=1&tracking-id=" + n, false));
            case UPS -> Optional.of(new TrackingLink("https://www.ups.com/track?loc=" + lang + "_"
                    + (country.isEmpty() ? "US" : country.toUpperCase(Locale.ROOT)) + "&tracknum=" + n, false));
            case FEDEX -> Optional.of(new TrackingLink("https://www.fedex.com/fedextrack/?trknbr=" + n, false));
            case USPS -> Optional.of(new TrackingLink("https://tools.usps.com/go/TrackConfirmAction?tLabels=" + n, false));
            case DPD -> Optional.of(new TrackingLink("https://www.dpdgroup.com/" + (country.isEmpty() ? "de" : country)
                    + "/mydpd/my-parcels/track?lang=" + lang + "&parcelNumber=" + n, false));
            case AMAZON_LOGISTICS -> Optional.of(new TrackingLink("https://track.amazon.com/tracking/" + n, true));
            default -> Optional.empty();
        };
    }
}
