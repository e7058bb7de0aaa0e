package com.deskbridge.carriers;

import com.deskbridge.logistics.TrackingUpstream;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where each tracking API lives and which secret holds its credentials. Production defaults are the documented
 * hosts (functions/carriers/README.md, Sources); tests and the local runner point every base URL at the carrier simulator.
 *
 * <p>Secret fields: DHL and aggregator {@code apiKey}; UPS, FedEx, USPS {@code clientId} + {@code clientSecret};
 * DPD {@code delisId} + {@code password}.
 */
public record CarrierSettings(Map<TrackingUpstream, Endpoint> endpoints, String upsTransactionSource,
                              Duration maxQuotaWait, Locale linkLocale) {

    /** One upstream's base URL (no trailing slash) and secret name. */
    public record Endpoint(URI baseUrl, String secretName) {
        public Endpoint {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(secretName, "secretName");
            String s = baseUrl.toString();
            if (s.endsWith("/")) {
                baseUrl = URI.create(s.substring(0, s.length() - 1));
            }
        }
    }

    private static final Map<TrackingUpstream, String> PRODUCTION = Map.of(
            TrackingUpstream.DHL, "https://api-eu.dhl.com",
            TrackingUpstream.UPS, "https://onlinetools.ups.com",
            TrackingUpstream.FEDEX, "https://apis.fedex.com",
            TrackingUpstream.USPS, "https://apis.usps.com",
            TrackingUpstream.DPD, "https://wsshipper.dpd.be",
            TrackingUpstream.AGGREGATOR, "https://api.aftership.com/tracking/2025-01");

    public CarrierSettings {
        endpoints = Map.copyOf(endpoints);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            if (!endpoints.containsKey(u)) {
                throw new IllegalArgumentException("no endpoint configured for " + u);
            }
        }
        Objects.requireNonNull(upsTransactionSource, "upsTransactionSource");
        Objects.requireNonNull(maxQuotaWait, "maxQuotaWait");
        linkLocale = linkLocale == null ? Locale.US : linkLocale;
    }

    /**
     * Production hosts and secrets named {@code deskbridge/carriers/<upstream>}; a call waits at most 2 s for a quota
     * permit (a Lambda invocation should not sit out a per-second limit for long, and never a daily one).
     */
    public static CarrierSettings production() {
        Map<TrackingUpstream, Endpoint> m = new EnumMap<>(TrackingUpstream.class);
        PRODUCTION.forEach((u, url) -> m.put(u, new Endpoint(URI.create(url), "deskbridge/carriers/" + key(u))));
        return new CarrierSettings(m, "deskbridge", Duration.ofSeconds(2), Locale.US);
    }

    /**
     * Reads {@code CARRIER_<UPSTREAM>_BASE_URL} and {@code CARRIER_<UPSTREAM>_SECRET} (e.g. CARRIER_DHL_BASE_URL,
     * CARRIER_AGGREGATOR_SECRET) over the production defaults.
     */
    public static CarrierSettings fromEnvironment(Map<String, String> env) {
        CarrierSettings s = production();
        Map<TrackingUpstream, Endpoint> m = new EnumMap<>(s.endpoints());
        for (TrackingUpstream u : TrackingUpstream.values()) {
            String prefix = "CARRIER_" + u.name() + "_";
            Endpoint e = m.get(u);
            m.put(u, new Endpoint(URI.create(env.getOrDefault(prefix + "BASE_URL", e.baseUrl().toString())),
                    env.getOrDefault(prefix + "SECRET", e.secretName())));
        }
        return new CarrierSettings(m, s.upsTransactionSource(), s.maxQuotaWait(), s.linkLocale());
    }

    /**
     * What a function's environment says (template.yaml), read through {@code env} (a function's variables: the
     * process environment in Lambda, system properties in the local runner): {@code CARRIER_ENDPOINT} (the carrier
     * simulator, every carrier under {@code {endpoint}/{carrier}}) when set, else {@code CARRIER_<UPSTREAM>_BASE_URL}
     * and {@code _SECRET} over the production defaults.
     */
    public static CarrierSettings ofEnvironment(java.util.function.Function<String, java.util.Optional<String>> env) {
        java.util.Optional<String> base = env.apply("CARRIER_ENDPOINT");
        if (base.isPresent()) {
            return production().withBaseUrls(u -> base.get() + "/" + key(u));
        }
        Map<String, String> given = new java.util.HashMap<>();
        for (TrackingUpstream u : TrackingUpstream.values()) {
            for (String suffix : new String[] {"BASE_URL", "SECRET"}) {
                String name = "CARRIER_" + u.name() + "_" + suffix;
                env.apply(name).ifPresent(v -> given.put(name, v));
            }
        }
        return fromEnvironment(given);
    }

    /** A copy with the base URL of {@code upstream} replaced. */
    public CarrierSettings withBaseUrl(TrackingUpstream upstream, String baseUrl) {
        Map<TrackingUpstream, Endpoint> m = new EnumMap<>(endpoints);
        m.put(upstream, new Endpoint(URI.create(baseUrl), endpoints.get(upstream).secretName()));
        return new CarrierSettings(m, upsTransactionSource, maxQuotaWait, linkLocale);
    }

    /** A copy with every base URL from {@code baseUrl} (e.g. {@code u -> simulator.baseUrl(key(u))}). */
    public CarrierSettings withBaseUrls(java.util.function.Function<TrackingUpstream, String> baseUrl) {
        CarrierSettings s = this;
        for (TrackingUpstream u : TrackingUpstream.values()) {
            s = s.withBaseUrl(u, baseUrl.apply(u));
        }
        return s;
    }

    public CarrierSettings withMaxQuotaWait(Duration wait) {
        return new CarrierSettings(endpoints, upsTransactionSource, wait, linkLocale);
    }

    public Endpoint endpoint(TrackingUpstream upstream) {
        return endpoints.get(upstream);
    }

    /** The lower-case key of an upstream ("dhl", "aggregator"), as used by the carrier simulator and secret names. */
    public static String key(TrackingUpstream upstream) {
        return upstream.name().toLowerCase(Locale.ROOT);
    }
}
