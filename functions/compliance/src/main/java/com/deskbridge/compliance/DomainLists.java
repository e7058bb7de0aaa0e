package com.deskbridge.compliance;

import java.util.List;
import java.util.Map;

/**
 * The domains the link rule lets pass. Amazon's own: any host whose registrable part is {@code amazon.<tld>}
 * or {@code amazon.<second-level>.<tld>} (amazon.de, www.amazon.co.uk, sellercentral.amazon.com.mx), Amazon's
 * short-link domains {@code amzn.to}, {@code amzn.eu}, {@code amzn.com} and {@code a.co} (they only redirect to
 * Amazon pages) and its image hosts. "myamazon.de" or "amazon.de.example.com" are not Amazon. Carrier tracking
 * sites: {@link #KNOWN_CARRIERS}, allowed only under {@link CarrierLinkPolicy#ALLOW_KNOWN_CARRIERS}.
 */
public final class DomainLists {
    /** Carrier domain → carrier name; a host matches a domain itself or any subdomain of it. */
    public static final Map<String, String> KNOWN_CARRIERS = Map.ofEntries(
            Map.entry("dhl.de", "DHL"), Map.entry("dhl.com", "DHL"), Map.entry("dhl.fr", "DHL"),
            Map.entry("dhl.it", "DHL"), Map.entry("dhl.es", "DHL"), Map.entry("dhl.co.uk", "DHL"),
            Map.entry("dhl.at", "DHL"), Map.entry("deutschepost.de", "Deutsche Post"),
            Map.entry("dpd.de", "DPD"), Map.entry("dpd.com", "DPD"), Map.entry("dpd.fr", "DPD"),
            Map.entry("dpd.co.uk", "DPD"), Map.entry("dpd.at", "DPD"), Map.entry("ups.com", "UPS"),
            Map.entry("fedex.com", "FedEx"), Map.entry("usps.com", "USPS"), Map.entry("royalmail.com", "Royal Mail"),
            Map.entry("parcelforce.com", "Parcelforce"), Map.entry("evri.com", "Evri"),
            Map.entry("gls-group.eu", "GLS"), Map.entry("gls-group.com", "GLS"), Map.entry("gls-italy.com", "GLS"),
            Map.entry("gls-spain.es", "GLS"), Map.entry("gls-pakete.de", "GLS"), Map.entry("myhermes.de", "Hermes"),
            Map.entry("hermesworld.com", "Hermes"), Map.entry("hermes-europe.co.uk", "Hermes"),
            Map.entry("laposte.fr", "La Poste"), Map.entry("colissimo.fr", "Colissimo"),
            Map.entry("chronopost.fr", "Chronopost"), Map.entry("poste.it", "Poste Italiane"),
            Map.entry("brt.it", "BRT"), Map.entry("sda.it", "SDA"), Map.entry("correos.es", "Correos"),
            Map.entry("seur.com", "SEUR"), Map.entry("mrw.es", "MRW"), Map.entry("nacex.es", "Nacex"),
            Map.entry("post.at", "Österreichische Post"), Map.entry("postnl.nl", "PostNL"),
            Map.entry("bpost.be", "bpost"), Map.entry("post.ch", "Swiss Post"), Map.entry("tnt.com", "TNT"));

    private static final List<String> AMAZON_EXACT = List.of("amzn.to", "amzn.eu", "amzn.com", "a.co",
            "media-amazon.com", "ssl-images-amazon.com");

    private DomainLists() {
    }

    /** True for Amazon's own hosts (lower-case host without port). */
    public static boolean isAmazon(String host) {
        for (String d : AMAZON_EXACT) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        String[] labels = host.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            if (labels[i].equals("amazon")) {
                int rest = labels.length - 1 - i;
                return rest == 1 ? isTld(labels[i + 1])
                        : rest == 2 && isSecondLevel(labels[i + 1]) && isTld(labels[i + 2]);
            }
        }
        return false;
    }

    /** The carrier name for a tracking-site host, or null. */
    public static String carrier(String host) {
        for (Map.Entry<String, String> e : KNOWN_CARRIERS.entrySet()) {
            if (host.equals(e.getKey()) || host.endsWith("." + e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean isTld(String label) {
        return label.length() >= 2 && label.length() <= 3 && label.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static boolean isSecondLevel(String label) {
        return label.equals("co") || label.equals("com");
    }
}
