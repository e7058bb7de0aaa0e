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
    private final Factory factory;

    /** What building an adapter takes: kept to build credential checks and per-seller registries alike. */
    private record Factory(CarrierSettings settings, Clock clock, CarrierBudgets budgets, HttpClient client, Sleeper sleeper,
                           Backoff backoff) {

        /** The adapter of {@code u} reading its credentials from {@code secrets} under {@code e}'s secret name. */
        TrackingAdapter adapter(TrackingUpstream u, CarrierSettings.Endpoint e, SecretSource secrets, Quota quota) {
            UpstreamHttp http = new UpstreamHttp(CarrierSettings.key(u), client, backoff, sleeper, settings.maxQuotaWait(), null);
            var locale = settings.linkLocale();
            return switch (u) {
                case DHL -> new DhlTrackingAdapter(e, secrets, http, quota, clock, locale);
                case UPS -> new UpsTrackingAdapter(e, secrets, http, quota, clock, locale, settings.upsTransactionSource());
                case FEDEX -> new FedexTrackingAdapter(e, secrets, http, quota, clock, locale);
                case USPS -> new UspsTrackingAdapter(e, secrets, http, quota, clock, locale);
                case DPD -> new DpdTrackingAdapter(e, secrets, http, quota, clock, locale);
                case AGGREGATOR -> new AggregatorTrackingAdapter(e, secrets, http, quota, clock, locale);
            };
        }

        /** Every upstream's adapter with the secret names {@code settings} gives, each with its own quota. */
        CarrierRegistry registry(CarrierSettings settings, SecretSource secrets) {
            Map<TrackingUpstream, TrackingAdapter> adapters = new EnumMap<>(TrackingUpstream.class);
            Map<TrackingUpstream, CarrierQuotas.BudgetQuota> quotas = new EnumMap<>(TrackingUpstream.class);
            for (TrackingUpstream u : TrackingUpstream.values()) {
                CarrierQuotas.BudgetQuota quota = CarrierQuotas.forBudget(budgets.of(u), clock);
                quotas.put(u, quota);
                adapters.put(u, adapter(u, settings.endpoint(u), secrets, quota));
            }
            return new CarrierRegistry(adapters, quotas, new Factory(settings, clock, budgets, client, sleeper, backoff));
        }
    }

    private CarrierRegistry(Map<TrackingUpstream, TrackingAdapter> adapters, Map<TrackingUpstream, CarrierQuotas.BudgetQuota> quotas,
                            Factory factory) {
        this.adapters = adapters;
        this.quotas = quotas;
        this.factory = factory;
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
        return new Factory(settings, clock, budgets, client, capped, backoff).registry(settings, secrets);
    }

    /**
     * The same carriers with other credentials: every upstream's secret named by {@code secretName} (a seller's own,
     * say), with adapters, token caches and client-side quotas of their own (a carrier's quota is per account).
     */
    public CarrierRegistry withSecrets(SecretSource secrets, java.util.function.Function<TrackingUpstream, String> secretName) {
        Map<TrackingUpstream, CarrierSettings.Endpoint> endpoints = new EnumMap<>(TrackingUpstream.class);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            endpoints.put(u, new CarrierSettings.Endpoint(factory.settings().endpoint(u).baseUrl(), secretName.apply(u)));
        }
        CarrierSettings s = factory.settings();
        return factory.registry(new CarrierSettings(endpoints, s.upsTransactionSource(), s.maxQuotaWait(), s.linkLocale()), secrets);
    }

    /**
     * One cheap call to {@code upstream} with {@code credentials} (already {@link CarrierCredentials#validate validated}):
     * a token request, or for API-key carriers a look-up of a number no carrier issues. Nothing is cached or kept; the
     * credentials are never logged.
     */
    public CarrierCredentials.Check check(TrackingUpstream upstream, java.util.Map<String, String> credentials) {
        String label = "(credentials under test)";
        java.util.Map<String, String> copy = java.util.Map.copyOf(credentials);
        TrackingAdapter adapter = factory.adapter(upstream,
                new CarrierSettings.Endpoint(factory.settings().endpoint(upstream).baseUrl(), label),
                name -> copy, TrackingAdapter.UNLIMITED);
        return adapter.check();
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

    /**
     * Puts {@code upstream}'s credential (an OAuth token, an API key) in its adapter's cache unless it is there, so that
     * the next look-up does not wait for it; never throws (the look-up asks again and reports a failure).
     */
    public void readyCredentials(TrackingUpstream upstream) {
        adapters.get(upstream).readyCredentials();
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
