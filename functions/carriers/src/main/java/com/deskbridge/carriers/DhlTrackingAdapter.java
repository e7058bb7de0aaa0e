package com.deskbridge.carriers;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.http.UpstreamHttp;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DHL Shipment Tracking - Unified API (https://developer.dhl.com/api-reference/shipment-tracking): {@code GET {base}/track/shipments?trackingNumber=}
 * with the API key in the {@code DHL-API-Key} header (secret field {@code apiKey}). 404 means DHL does not know the
 * number (new shipments take 10–30 minutes to appear, https://support-developer.dhl.com/support/solutions/folders/47000779436/page/2).
 */
public final class DhlTrackingAdapter extends TrackingAdapter {

    public DhlTrackingAdapter(CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http, Quota quota,
                              Clock clock, Locale linkLocale) {
        super(TrackingUpstream.DHL, endpoint, secrets, http, quota, clock, linkLocale);
    }

    @Override
    AccessTokenCache.IssuedToken issueToken() {
        return apiKey();
    }

    @Override
    boolean keyBased() {
        return true;
    }

    @Override
    TrackingResult fetch(Carrier carrier, String number) {
        HttpResponse<String> r = sendAuthorized(key -> request(uri("/track/shipments?trackingNumber=" + enc(number)))
                .header("DHL-API-Key", key).header("Accept", "application/json").GET().build());
        if (r.statusCode() == 404) {
            return new NotFound(carrier, number);
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name(), r.statusCode(), null, "unexpected status");
        }
        JsonNode shipments = json(r.body()).path("shipments");
        if (!shipments.isArray() || shipments.isEmpty()) {
            return new NotFound(carrier, number);
        }
        JsonNode s = shipments.get(0);
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode e : s.path("events")) {
            events.add(event(e));
        }
        JsonNode status = s.path("status");
        String text = description(status);
        ParsedEvent current = status.isMissingNode() ? null : event(status);
        return new Found(SnapshotAssembler.assemble(carrier, number, text(status, "statusCode"), text,
                current == null ? null : current.mapped(), events, Texts.instant(text(s, "estimatedTimeOfDelivery")),
                current == null ? null : current.location(), clock.instant(), linkLocale));
    }

    private static ParsedEvent event(JsonNode e) {
        String text = description(e);
        String code = text(e, "statusCode");
        JsonNode address = e.path("location").path("address");
        return new ParsedEvent(Texts.instant(text(e, "timestamp")), code == null ? "" : code, text,
                Texts.location(text(address, "addressLocality"), text(address, "countryCode")),
                DhlStatusMap.map(code, text));
    }

    private static String description(JsonNode n) {
        String d = text(n, "description");
        return d != null ? d : text(n, "status");
    }
}
