package com.deskbridge.carriers;

import com.deskbridge.logistics.IncidentReason;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared reading of carrier free text and times. Carriers put the reason for a problem ("address incorrect",
 * "customs", "returned to sender") only in their event text, so the mappings look for it there, in English and
 * German (the languages of the carriers we serve).
 */
final class Texts {

    private Texts() {
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static boolean any(String text, String... needles) {
        String t = lower(text);
        for (String n : needles) {
            if (t.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** The parcel is going back (or went back) to the sender. */
    static boolean returnToSender(String text) {
        return any(text, "return to sender", "returned to sender", "returned to the sender", "return to the sender",
                "being returned", "will be returned", "back to the sender", "returning to sender", "returned to shipper",
                "return to shipper", "rücksendung", "zurück an den absender", "an den absender zurück", "retour");
    }

    /** The incident a carrier text describes, or null. */
    static IncidentReason incident(String text) {
        String t = lower(text);
        if (t.isEmpty()) {
            return null;
        }
        if (any(t, "customs", "clearance", "zoll")) {
            return IncidentReason.CUSTOMS_DELAY;
        }
        if (any(t, "weather", "unwetter", "witterung")) {
            return IncidentReason.WEATHER_DELAY;
        }
        if (any(t, "refused", "verweigert", "rejected by")) {
            return IncidentReason.CONSIGNEE_REFUSED;
        }
        if (any(t, "not at home", "not available", "no authorized recipient", "nicht angetroffen", "business closed",
                "not home")) {
            return IncidentReason.CONSIGNEE_NOT_HOME;
        }
        if (any(t, "address is incorrect", "address incorrect", "incorrect address", "insufficient address", "address unknown",
                "address is undeliverable", "bad address", "adresse", "anschrift")) {
            return IncidentReason.CONSIGNEE_INCORRECT_ADDRESS;
        }
        if (any(t, "damaged", "beschädigt")) {
            return IncidentReason.CARRIER_DAMAGED_PARCEL;
        }
        if (any(t, "lost", "verloren")) {
            return IncidentReason.CARRIER_PARCEL_LOST;
        }
        if (any(t, "cancelled", "canceled", "storniert", "voided")) {
            return IncidentReason.SHIPMENT_CANCELLED;
        }
        if (any(t, "delay", "verzög", "verspät")) {
            return IncidentReason.DELIVERY_DELAYED;
        }
        return null;
    }

    /**
     * An instant from ISO text with or without offset ("2026-11-22T10:00:00Z", "...+01:00", or local
     * "2026-11-22T10:00:00", read as UTC); null when absent or unreadable.
     */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    /** "City, ST, CC" from the parts present: city/region/country level only. */
    static String location(String... parts) {
        String s = Stream.of(parts).filter(Objects::nonNull).map(String::trim).filter(p -> !p.isEmpty())
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? null : s;
    }
}
