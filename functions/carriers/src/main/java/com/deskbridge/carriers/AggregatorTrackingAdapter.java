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
 * An AfterShip-style aggregator for carriers without a direct adapter (Amazon Logistics, GLS, Royal Mail, ...;
 * https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses): {@code GET {base}/trackings?tracking_numbers=&slug=} with the {@code as-api-key} header
 * (secret field {@code apiKey}); the courier slug comes from {@link Carrier#aggregatorSlug()} (none for OTHER: the
 * aggregator detects the courier). Its tags are our taxonomy; subtags give the incident. No tracking in the answer
 * means the aggregator does not know the number. (AfterShip itself needs a tracking registered with POST /trackings
 * before it can be read; registering is left to the integration that creates shipments.)
 */
public final class AggregatorTrackingAdapter extends TrackingAdapter {

    public AggregatorTrackingAdapter(CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http, Quota quota,
                                     Clock clock, Locale linkLocale) {
        super(TrackingUpstream.AGGREGATOR, endpoint, secrets, http, quota, clock, linkLocale);
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
        String slug = carrier.aggregatorSlug();
        String path = "/trackings?tracking_numbers=" + enc(number) + (slug == null ? "" : "&slug=" + enc(slug));
        HttpResponse<String> r = sendAuthorized(key -> request(uri(path)).header("as-api-key", key)
                .header("Accept", "application/json").GET().build());
        if (r.statusCode() == 404) {
            return new NotFound(carrier, number);
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name(), r.statusCode(), null, "unexpected status");
        }
        JsonNode trackings = json(r.body()).path("data").path("trackings");
        if (!trackings.isArray() || trackings.isEmpty()) {
            return new NotFound(carrier, number);
        }
        JsonNode t = trackings.get(0);
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode c : t.path("checkpoints")) {
            String tag = text(c, "tag");
            String message = text(c, "message");
            String country = text(c, "country_region") != null ? text(c, "country_region") : text(c, "country_iso3");
            events.add(new ParsedEvent(Texts.instant(text(c, "checkpoint_time")),
                    text(c, "subtag") != null ? text(c, "subtag") : tag, message,
                    text(c, "city") != null ? Texts.location(text(c, "city"), country) : text(c, "location"),
                    AggregatorStatusMap.map(tag, text(c, "subtag"), message)));
        }
        String tag = text(t, "tag");
        String subtag = text(t, "subtag");
        String message = text(t, "subtag_message");
        return new Found(SnapshotAssembler.assemble(carrier, number, subtag != null ? subtag : tag, message,
                tag == null ? null : AggregatorStatusMap.map(tag, subtag, message), events,
                Texts.instant(text(t, "expected_delivery")), null, clock.instant(), linkLocale));
    }
}
