package com.deskbridge.carriers;

import com.deskbridge.logistics.TrackingUpstream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credentials each tracking API takes, as a seller hands them over (and as the adapters read them from a secret):
 * <ul>
 * <li>DHL Shipment Tracking - Unified: an API key sent as {@code DHL-API-Key}
 * (https://developer.dhl.com/api-reference/shipment-tracking): {@code apiKey};</li>
 * <li>UPS OAuth client credentials, HTTP Basic at {@code /security/v1/oauth/token} (OAuthClientCredentials.yaml in
 * https://github.com/UPS-API/api-documentation): {@code clientId}, {@code clientSecret};</li>
 * <li>FedEx API authorization, form {@code client_id}/{@code client_secret} at {@code /oauth/token}
 * (https://developer.fedex.com/api/en-us/catalog/track/v1/docs.html): {@code clientId}, {@code clientSecret};</li>
 * <li>USPS OAuth 2.0 client credentials at {@code /oauth2/v3/token} (https://github.com/USPS/api-examples):
 * {@code clientId}, {@code clientSecret};</li>
 * <li>DPD LoginService {@code getAuth(delisId, password)} (DPD Web Services; see functions/carriers/README.md):
 * {@code delisId}, {@code password};</li>
 * <li>the aggregator (AfterShip Tracking API 2025-01, key in {@code as-api-key},
 * https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses): {@code apiKey}.</li>
 * </ul>
 * Values are checked for shape only (present, at most {@value #MAX_LENGTH} characters, no whitespace at the ends, no
 * control characters): whether they work is what the carrier's answer to a test call says ({@link CarrierRegistry#check}).
 * Messages name the field, never its value.
 */
public final class CarrierCredentials {
    public static final int MAX_LENGTH = 512;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");
    private static final Map<TrackingUpstream, List<String>> FIELDS = new EnumMap<>(Map.of(
            TrackingUpstream.DHL, List.of("apiKey"),
            TrackingUpstream.UPS, List.of("clientId", "clientSecret"),
            TrackingUpstream.FEDEX, List.of("clientId", "clientSecret"),
            TrackingUpstream.USPS, List.of("clientId", "clientSecret"),
            TrackingUpstream.DPD, List.of("delisId", "password"),
            TrackingUpstream.AGGREGATOR, List.of("apiKey")));

    /** Every field any carrier takes (the request body's members). */
    public static final List<String> ALL_FIELDS = List.of("apiKey", "clientId", "clientSecret", "delisId", "password");

    private CarrierCredentials() {
    }

    /** The upstream a path's carrier key names ({@code dhl}, {@code ups}, ..., {@code aggregator}), if any. */
    public static Optional<TrackingUpstream> upstream(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (TrackingUpstream u : TrackingUpstream.values()) {
            if (CarrierSettings.key(u).equals(key.toLowerCase(Locale.ROOT)) && key.equals(key.toLowerCase(Locale.ROOT))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** The fields {@code upstream} needs, in order. */
    public static List<String> fields(TrackingUpstream upstream) {
        return FIELDS.get(upstream);
    }

    /** A field that is missing, not wanted by this carrier, or malformed; the message never holds the value. */
    public static final class InvalidCredentialsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidCredentialsException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * The credentials for {@code upstream}, exactly its fields.
     *
     * @throws InvalidCredentialsException naming the first field that is missing, malformed or not the carrier's
     */
    public static Map<String, String> validate(TrackingUpstream upstream, Map<String, String> given) {
        Objects.requireNonNull(upstream);
        List<String> wanted = fields(upstream);
        for (String field : given.keySet()) {
            if (!wanted.contains(field)) {
                throw new InvalidCredentialsException(field, CarrierSettings.key(upstream) + " takes " + String.join(", ", wanted)
                        + ", not " + field);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : wanted) {
            String v = given.get(field);
            if (v == null || v.isEmpty()) {
                throw new InvalidCredentialsException(field, "is required for " + CarrierSettings.key(upstream));
            }
            if (v.length() > MAX_LENGTH) {
                throw new InvalidCredentialsException(field, "is longer than " + MAX_LENGTH + " characters");
            }
            if (!v.strip().equals(v)) {
                throw new InvalidCredentialsException(field, "has whitespace at its start or end");
            }
            if (CONTROL.matcher(v).find()) {
                throw new InvalidCredentialsException(field, "holds control or invisible format characters");
            }
            out.put(field, v);
        }
        return Map.copyOf(out);
    }

    /** What the carrier said to one test call with the credentials. */
    public sealed interface Check permits Verified, Rejected, Unreachable {
        Instant checkedAt();
    }

    /** The carrier accepted them (a token was issued, or a look-up was answered). */
    public record Verified(Instant checkedAt) implements Check {
    }

    /** The carrier refused them (401/403, a refused token request, DPD's authentication fault). */
    public record Rejected(Instant checkedAt, String reason) implements Check {
    }

    /** No usable answer (no response, 5xx, 429, an unreadable answer): nothing is known about the credentials. */
    public record Unreachable(Instant checkedAt, String reason) implements Check {
    }
}
