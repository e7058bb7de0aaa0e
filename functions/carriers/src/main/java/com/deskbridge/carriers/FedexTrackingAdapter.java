package com.deskbridge.carriers;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.http.UpstreamHttp;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FedEx Track API (https://developer.fedex.com/api/en-us/catalog/track/v1/docs.html): {@code POST {base}/oauth/token} with a form grant (secret fields
 * {@code clientId}, {@code clientSecret}), then {@code POST {base}/track/v1/trackingnumbers}. FedEx answers an
 * unknown number with 200 and a per-result error {@code TRACKING.TRACKINGNUMBER.NOTFOUND}.
 */
public final class FedexTrackingAdapter extends TrackingAdapter {

    public FedexTrackingAdapter(CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http, Quota quota,
                                Clock clock, Locale linkLocale) {
        super(TrackingUpstream.FEDEX, endpoint, secrets, http, quota, clock, linkLocale);
    }

    @Override
    AccessTokenCache.IssuedToken issueToken() {
        return clientCredentialsForm("/oauth/token");
    }

    @Override
    TrackingResult fetch(Carrier carrier, String number) {
        ObjectNode body = JSON.createObjectNode();
        body.put("includeDetailedScans", true);
        body.putArray("trackingInfo").addObject().putObject("trackingNumberInfo").put("trackingNumber", number);
        String payload = body.toString();
        HttpResponse<String> r = sendAuthorized(token -> request(uri("/track/v1/trackingnumbers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-locale", "en_US").POST(HttpRequest.BodyPublishers.ofString(payload)).build());
        if (r.statusCode() == 404) {
            return new NotFound(carrier, number);
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name(), r.statusCode(), null, "unexpected status");
        }
        JsonNode result = json(r.body()).path("output").path("completeTrackResults").path(0).path("trackResults").path(0);
        if (result.isMissingNode()) {
            throw new MalformedResponseException("no trackResults");
        }
        String error = text(result.path("error"), "code");
        if (error != null) {
            if (error.contains("NOTFOUND") || error.contains("NOT.FOUND")) {
                return new NotFound(carrier, number);
            }
            throw new UpstreamException(name(), 200, null, error);
        }
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode e : result.path("scanEvents")) {
            String code = text(e, "derivedStatusCode") != null ? text(e, "derivedStatusCode") : text(e, "eventType");
            String text = text(e, "eventDescription");
            events.add(new ParsedEvent(Texts.instant(text(e, "date")), code, text, location(e.path("scanLocation")),
                    FedexStatusMap.map(code, text)));
        }
        JsonNode latest = result.path("latestStatusDetail");
        String code = text(latest, "derivedCode") != null ? text(latest, "derivedCode") : text(latest, "code");
        String text = text(latest, "description") != null ? text(latest, "description") : text(latest, "statusByLocale");
        return new Found(SnapshotAssembler.assemble(carrier, number, code, text,
                latest.isMissingNode() ? null : FedexStatusMap.map(code, text), events, estimated(result),
                location(latest.path("scanLocation")), clock.instant(), linkLocale));
    }

    private static Instant estimated(JsonNode result) {
        for (JsonNode d : result.path("dateAndTimes")) {
            if ("ESTIMATED_DELIVERY".equals(text(d, "type"))) {
                return Texts.instant(text(d, "dateTime"));
            }
        }
        return Texts.instant(text(result.path("estimatedDeliveryTimeWindow").path("window"), "ends"));
    }

    private static String location(JsonNode l) {
        return Texts.location(text(l, "city"), text(l, "stateOrProvinceCode"), text(l, "countryCode"));
    }
}
