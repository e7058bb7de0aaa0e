package com.deskbridge.spapi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where SP-API and Login with Amazon live. Production uses Amazon's regional hosts; local runs and tests
 * point everything at the simulator with {@link #local(String, String)}.
 *
 * @param lwaTokenUrl     the Login with Amazon token endpoint
 * @param baseUrlOverride when present, used for every region (simulator, proxy)
 * @param sandbox         use Amazon's sandbox hosts instead of production (ignored with an override)
 */
public record SpApiEndpoints(URI lwaTokenUrl, Optional<URI> baseUrlOverride, boolean sandbox) {

    public static final URI LWA_TOKEN_URL = URI.create("https://api.amazon.com/auth/o2/token");

    public SpApiEndpoints {
        Objects.requireNonNull(lwaTokenUrl);
        Objects.requireNonNull(baseUrlOverride);
    }

    public static SpApiEndpoints production() {
        return new SpApiEndpoints(LWA_TOKEN_URL, Optional.empty(), false);
    }

    public static SpApiEndpoints amazonSandbox() {
        return new SpApiEndpoints(LWA_TOKEN_URL, Optional.empty(), true);
    }

    /** Every call to {@code baseUrl} (all regions) and token requests to {@code lwaTokenUrl}. */
    public static SpApiEndpoints local(String baseUrl, String lwaTokenUrl) {
        return new SpApiEndpoints(URI.create(lwaTokenUrl), Optional.of(URI.create(baseUrl)), false);
    }

    public URI baseUrl(Region region) {
        return baseUrlOverride.orElseGet(() -> sandbox ? region.sandboxUrl() : region.productionUrl());
    }
}
