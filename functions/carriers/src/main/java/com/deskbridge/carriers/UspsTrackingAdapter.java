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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * USPS APIs v3 (https://github.com/USPS/api-examples): {@code POST {base}/oauth2/v3/token} (client credentials; secret fields
 * {@code clientId}, {@code clientSecret}; tokens live about 8 h), then
 * {@code GET {base}/tracking/v3/tracking/{trackingNumber}?expand=DETAIL}. The default quota is tiny (~60/hour),
 * so this adapter is the one the refresh planner must ration hardest.
 */
public final class UspsTrackingAdapter extends TrackingAdapter {

    public UspsTrackingAdapter(CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http, Quota quota,
                               Clock clock, Locale linkLocale) {
        super(TrackingUpstream.USPS, endpoint, secrets, http, quota, clock, linkLocale);
    }

    @Override
    AccessTokenCache.IssuedToken issueToken() {
        return clientCredentialsForm("/oauth2/v3/token");
    }

    @Override
    TrackingResult fetch(Carrier carrier, String number) {
        HttpResponse<String> r = sendAuthorized(token -> request(uri("/tracking/v3/tracking/" + enc(number) + "?expand=DETAIL"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
        if (r.statusCode() == 404) {
            return new NotFound(carrier, number);
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name(), r.statusCode(), null, "unexpected status");
        }
        JsonNode root = json(r.body());
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("trackingEvents")) {
            String code = text(e, "eventCode");
            String text = text(e, "eventType");
            String at = text(e, "GMTTimestamp") != null ? text(e, "GMTTimestamp") : text(e, "eventTimestamp");
            events.add(new ParsedEvent(Texts.instant(at), code, text,
                    Texts.location(text(e, "eventCity"), text(e, "eventState"), text(e, "eventCountry")),
                    UspsStatusMap.event(code, text)));
        }
        String category = text(root, "statusCategory");
        String status = text(root, "status") != null ? text(root, "status") : text(root, "statusSummary");
        String eta = text(root, "expectedDeliveryTimeStamp") != null ? text(root, "expectedDeliveryTimeStamp")
                : text(root, "expectedDeliveryDate");
        return new Found(SnapshotAssembler.assemble(carrier, number, category, status,
                category == null ? null : UspsStatusMap.map(category, status), events, Texts.instant(eta), null,
                clock.instant(), linkLocale));
    }
}
