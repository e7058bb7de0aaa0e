package com.deskbridge.carriers;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.http.UpstreamHttp;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * UPS Tracking API (Tracking.yaml in https://github.com/UPS-API/api-documentation): OAuth client credentials at
 * {@code POST {base}/security/v1/oauth/token} with HTTP Basic (secret fields {@code clientId}, {@code clientSecret}),
 * then {@code GET {base}/api/track/v1/details/{inquiryNumber}} with {@code transId} (unique per request) and
 * {@code transactionSrc}. Base URL: {@code https://onlinetools.ups.com} (CIE: {@code https://wwwcie.ups.com}).
 */
public final class UpsTrackingAdapter extends TrackingAdapter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private final String transactionSource;

    public UpsTrackingAdapter(CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http, Quota quota,
                              Clock clock, Locale linkLocale, String transactionSource) {
        super(TrackingUpstream.UPS, endpoint, secrets, http, quota, clock, linkLocale);
        this.transactionSource = transactionSource;
    }

    @Override
    AccessTokenCache.IssuedToken issueToken() {
        String basic = Base64.getEncoder().encodeToString((secretField("clientId", "client_id") + ":"
                + secretField("clientSecret", "client_secret")).getBytes(StandardCharsets.UTF_8));
        HttpRequest token = request(uri("/security/v1/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials")))).build();
        return oauthToken(http.send(token, UNLIMITED));
    }

    @Override
    TrackingResult fetch(Carrier carrier, String number) {
        HttpResponse<String> r = sendAuthorized(token -> request(uri("/api/track/v1/details/" + enc(number)
                + "?locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false"))
                .header("Authorization", "Bearer " + token)
                .header("transId", UUID.randomUUID().toString().replace("-", ""))
                .header("transactionSrc", transactionSource)
                .header("Accept", "application/json").GET().build());
        if (r.statusCode() == 404) {
            return new NotFound(carrier, number);
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name(), r.statusCode(), null, "unexpected status");
        }
        return parse(carrier, number, json(r.body()), clock.instant());
    }

    /** Reads a TrackApiResponse (package-private for the tests that feed UPS's own examples). */
    TrackingResult parse(Carrier carrier, String number, JsonNode root, Instant now) {
        JsonNode shipment = root.path("trackResponse").path("shipment").path(0);
        JsonNode pkg = shipment.path("package").path(0);
        if (pkg.isMissingNode()) {
            if (shipment.path("warnings").isArray() && !shipment.path("warnings").isEmpty()) {
                return new NotFound(carrier, number); // e.g. TW0001 "Tracking Information Not Found"
            }
            throw new MalformedResponseException("trackResponse without package");
        }
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode a : pkg.path("activity")) {
            JsonNode st = a.path("status");
            JsonNode address = a.path("location").path("address");
            events.add(new ParsedEvent(activityTime(a), text(st, "code"), text(st, "description"),
                    Texts.location(text(address, "city"), text(address, "stateProvince"), text(address, "countryCode")),
                    UpsStatusMap.map(text(st, "type"), text(st, "code"), text(st, "description"))));
        }
        JsonNode current = pkg.path("currentStatus");
        var mapped = current.isMissingNode() ? null
                : UpsStatusMap.map(text(current, "type"), text(current, "code"), text(current, "description"));
        return new Found(SnapshotAssembler.assemble(carrier, number, text(current, "code"), text(current, "description"),
                mapped, events, estimatedDelivery(pkg), null, now, linkLocale));
    }

    /** Activity time: the GMT date and time when given, else the local date and time with the GMT offset. */
    static Instant activityTime(JsonNode a) {
        try {
            String gmtDate = text(a, "gmtDate");
            String gmtTime = text(a, "gmtTime");
            if (gmtDate != null && gmtTime != null) {
                return LocalDateTime.of(LocalDate.parse(gmtDate, DATE), time(gmtTime)).toInstant(ZoneOffset.UTC);
            }
            String date = text(a, "date");
            if (date == null) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(LocalDate.parse(date, DATE), time(text(a, "time")));
            String offset = text(a, "gmtOffset");
            return local.toInstant(offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalTime time(String value) {
        if (value == null) {
            return LocalTime.MIDNIGHT;
        }
        String digits = value.replace(":", "");
        while (digits.length() < 6) {
            digits = "0" + digits; // the spec's own example gmtTime is '74700' (07:47:00)
        }
        return LocalTime.of(Integer.parseInt(digits.substring(0, 2)), Integer.parseInt(digits.substring(2, 4)),
                Integer.parseInt(digits.substring(4, 6)));
    }

    /** Scheduled (SDD) or rescheduled (RDD) delivery date, with the delivery time's end when given. */
    static Instant estimatedDelivery(JsonNode pkg) {
        String date = null;
        for (JsonNode d : pkg.path("deliveryDate")) {
            String type = text(d, "type");
            if ("RDD".equals(type) || ("SDD".equals(type) && date == null)) {
                date = text(d, "date");
            }
        }
        if (date == null) {
            return null;
        }
        try {
            String end = text(pkg.path("deliveryTime"), "endTime");
            LocalTime t = end == null ? LocalTime.of(23, 59, 59) : time(end);
            return LocalDateTime.of(LocalDate.parse(date, DATE), t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
