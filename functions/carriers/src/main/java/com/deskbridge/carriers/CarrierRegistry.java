package com.deskbridge.carriers;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamHttp;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * All carrier adapters, built once per container from configuration, each with its client-side quota from
 * {@link CarrierBudgets}, sharing one JDK HTTP client. {@link #track} routes a carrier to its adapter; carriers
 * without one (Amazon Logistics, GLS, OTHER, ...) go to the aggregator.
 */
public final class CarrierRegistry implements TrackingSource {

    private final Map<TrackingUpstream, TrackingAdapter> adapters;
    private final Map<TrackingUpstream, CarrierQuotas.BudgetQuota> quotas;

    private CarrierRegistry(Map<TrackingUpstream, TrackingAdapter> adapters, Map<TrackingUpstream, CarrierQuotas.BudgetQuota> quotas) {
        this.adapters = adapters;
        this.quotas = quotas;
    }

    /** Production wiring: documented budgets, real sleeping, standard jittered backoff. */
    public static CarrierRegistry create(CarrierSettings settings, SecretSource secrets, Clock clock) {
        return create(settings, secrets, clock, CarrierBudgets.documented(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Sleeper.REAL,
                Backoff.standard(new SecureRandom()));
    }

    /** Full control, for tests and the local runner (small budgets, a sleeper that advances a test clock). */
    public static CarrierRegistry create(CarrierSettings settings, SecretSource secrets, Clock clock, CarrierBudgets budgets,
                                         HttpClient client, Sleeper sleeper, Backoff backoff) {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(secrets);
        // UpstreamHttp honours a carrier's Retry-After however long it is; a 429 from USPS can say "in an hour", and
        // a Lambda must not sleep that out. Waits are capped at the longest wait we plan for ourselves (backoff cap,
        // quota wait): the remaining attempts then fail fast and the caller gets Unavailable.
        Duration cap = backoff.cap().compareTo(settings.maxQuotaWait()) > 0 ? backoff.cap() : settings.maxQuotaWait();
        Sleeper capped = d -> sleeper.sleep(d.compareTo(cap) > 0 ? cap : d);
        Map<TrackingUpstream, TrackingAdapter> adapters = new EnumMap<>(TrackingUpstream.class);
        Map<TrackingUpstream, CarrierQuotas.BudgetQuota> quotas = new EnumMap<>(TrackingUpstream.class);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            CarrierQuotas.BudgetQuota quota = CarrierQuotas.forBudget(budgets.of(u), clock);
            quotas.put(u, quota);
            UpstreamHttp http = new UpstreamHttp(CarrierSettings.key(u), client, backoff, capped, settings.maxQuotaWait(), null);
            CarrierSettings.Endpoint e = settings.endpoint(u);
            var locale = settings.linkLocale();
            adapters.put(u, switch (u) {
                case DHL -> new DhlTrackingAdapter(e, secrets, http, quota, clock, locale);
                case UPS -> new UpsTrackingAdapter(e, secrets, http, quota, clock, locale, settings.upsTransactionSource());
                case FEDEX -> new FedexTrackingAdapter(e, secrets, http, quota, clock, locale);
                case USPS -> new UspsTrackingAdapter(e, secrets, http, quota, clock, locale);
                case DPD -> new DpdTrackingAdapter(e, secrets, http, quota, clock, locale);
                case AGGREGATOR -> new AggregatorTrackingAdapter(e, secrets, http, quota, clock, locale);
            });
        }
        return new CarrierRegistry(adapters, quotas);
    }

    @Override
    public TrackingResult track(Carrier carrier, String trackingNumber) {
        Carrier c = carrier == null ? Carrier.OTHER : carrier;
        return adapters.get(c.upstream()).track(c, trackingNumber);
    }

    /** The adapter serving {@code upstream}. */
    public TrackingSource adapter(TrackingUpstream upstream) {
        return adapters.get(upstream);
    }

    /** The client-side quota guarding {@code upstream} (shared by all calls through this registry). */
    public Quota quota(TrackingUpstream upstream) {
        return quotas.get(upstream);
    }

    /** What each upstream's budget still allows now: the {@code remaining} argument of {@code RefreshPlanner.plan}. */
    public Map<TrackingUpstream, Integer> remainingBudgets() {
        Map<TrackingUpstream, Integer> m = new EnumMap<>(TrackingUpstream.class);
        quotas.forEach((u, q) -> m.put(u, q.remaining()));
        return m;
    }

}
