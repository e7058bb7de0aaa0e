package com.deskbridge.carriers;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.http.UpstreamHttp;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What every carrier adapter shares: number hygiene, sending within the carrier's quota through {@link UpstreamHttp},
 * a cached token (or API key) that is dropped and fetched again once when the carrier answers 401, reading
 * credentials from the {@link SecretSource}, and turning every failure into a {@link TrackingSource.Unavailable}
 * whose reason names the upstream and the problem but never a credential or a response body.
 */
abstract class TrackingAdapter implements TrackingSource {

    private static final Logger LOG = Logger.getLogger(TrackingAdapter.class.getName());
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Token endpoints are not part of the tracking budget; retries there are bounded by UpstreamHttp. */
    static final Quota UNLIMITED = () -> Quota.GRANTED;
    static final Duration API_KEY_RELOAD = Duration.ofMinutes(15);
    /** After a credential could not be readied ahead of a look-up, how long {@link #readyCredentials} leaves it alone. */
    static final Duration READY_RETRY = Duration.ofMinutes(5);

    final TrackingUpstream upstream;
    final CarrierSettings.Endpoint endpoint;
    final SecretSource secrets;
    final UpstreamHttp http;
    final Quota quota;
    final Clock clock;
    final Locale linkLocale;
    final AccessTokenCache tokens;
    private volatile Instant readyAgainAt = Instant.MIN;

    TrackingAdapter(TrackingUpstream upstream, CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http,
                    Quota quota, Clock clock, Locale linkLocale) {
        this.upstream = upstream;
        this.endpoint = Objects.requireNonNull(endpoint);
        this.secrets = Objects.requireNonNull(secrets);
        this.http = Objects.requireNonNull(http);
        this.quota = Objects.requireNonNull(quota);
        this.clock = Objects.requireNonNull(clock);
        this.linkLocale = linkLocale;
        this.tokens = new AccessTokenCache(clock, this::issueToken);
    }

    /**
     * Puts this adapter's credential in its cache ahead of a look-up, unless it is there: an OAuth token is fetched (a
     * look-up asking meanwhile waits for that fetch instead of starting its own), an API key read from its secret. Never
     * throws: a credential that could not be readied is left alone for {@link #READY_RETRY}, and a look-up asks for it
     * itself and reports what went wrong.
     */
    void readyCredentials() {
        Instant now = clock.instant();
        if (now.isBefore(readyAgainAt)) {
            return;
        }
        try {
            tokens.token();
        } catch (RuntimeException e) {
            readyAgainAt = now.plus(READY_RETRY);
            LOG.fine(() -> name() + ": credentials not readied ahead of a look-up (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Obtains a token (OAuth adapters) or reads the API key (key adapters). */
    abstract AccessTokenCache.IssuedToken issueToken();

    /** Looks the normalised number up; may throw the exceptions {@link #track} translates. */
    abstract TrackingResult fetch(Carrier carrier, String trackingNumber);

    @Override
    public final TrackingResult track(Carrier carrier, String trackingNumber) {
        String number = trackingNumber == null ? "" : trackingNumber.replaceAll("\\s+", "");
        if (!NUMBER.matcher(number).matches()) {
            return new NotFound(carrier, trackingNumber);
        }
        try {
            return fetch(carrier, number);
        } catch (QuotaExhaustedException e) {
            LOG.fine(() -> name() + " client-side quota used up; next call in " + e.retryAfter());
            return new Unavailable(name() + ": quota used up", e.retryAfter());
        } catch (CredentialsRejectedException e) {
            LOG.warning(e.getMessage());
            return new Unavailable(e.getMessage(), null);
        } catch (UpstreamException e) {
            String what = e.status() == 0 ? "no response" : "HTTP " + e.status();
            LOG.log(Level.WARNING, () -> name() + " unavailable: " + what);
            return new Unavailable(name() + " unavailable: " + what, e.status() == 429 ? Duration.ofMinutes(1) : null);
        } catch (MalformedResponseException e) {
            LOG.warning(() -> name() + ": " + e.getMessage());
            return new Unavailable(name() + ": unreadable response (" + e.getMessage() + ")", null);
        } catch (IllegalStateException e) {
            LOG.warning(() -> name() + ": credentials not available: " + e.getMessage());
            return new Unavailable(name() + ": credentials not available (secret " + endpoint.secretName() + ")", null);
        }
    }

    String name() {
        return CarrierSettings.key(upstream);
    }

    /** A number no carrier issues, for the key-based carriers' test call (an answer "unknown" means the key works). */
    static final String PROBE_NUMBER = "DESKBRIDGECHECK0";

    /**
     * One cheap call with this adapter's credentials: OAuth and DPD get a token (no tracking quota used); API-key
     * carriers (DHL, the aggregator), whose key is checked only by a request, look up {@link #PROBE_NUMBER}.
     */
    CarrierCredentials.Check check() {
        try {
            if (keyBased()) {
                fetch(upstream == TrackingUpstream.DHL ? Carrier.DHL : Carrier.OTHER, PROBE_NUMBER);
            } else {
                issueToken();
            }
            return new CarrierCredentials.Verified(clock.instant());
        } catch (CredentialsRejectedException e) {
            return new CarrierCredentials.Rejected(clock.instant(), name() + " refused the credentials");
        } catch (QuotaExhaustedException e) {
            return new CarrierCredentials.Unreachable(clock.instant(), name() + ": quota used up, try again in " + e.retryAfter());
        } catch (UpstreamException e) {
            return new CarrierCredentials.Unreachable(clock.instant(), name() + " unavailable: "
                    + (e.status() == 0 ? "no response" : "HTTP " + e.status()));
        } catch (MalformedResponseException e) {
            return new CarrierCredentials.Unreachable(clock.instant(), name() + ": unreadable response (" + e.getMessage() + ")");
        }
    }

    /** Whether the credential is an API key read from the secret (no token request to test it by). */
    boolean keyBased() {
        return false;
    }

    /** Sends with the cached credential; on 401 drops it, gets a fresh one and tries once more. */
    HttpResponse<String> sendAuthorized(Function<String, HttpRequest> request) {
        HttpResponse<String> response = http.send(request.apply(tokens.token()), quota);
        if (response.statusCode() != 401) {
            return response;
        }
        LOG.info(() -> name() + " answered 401; fetching fresh credentials once");
        tokens.invalidate();
        response = http.send(request.apply(tokens.token()), quota);
        if (response.statusCode() == 401) {
            tokens.invalidate();
            throw new CredentialsRejectedException(name(), endpoint.secretName());
        }
        return response;
    }

    /** One field of the configured secret, accepting camelCase or snake_case names. */
    String secretField(String camel, String snake) {
        Map<String, String> secret = secrets.secret(endpoint.secretName());
        String v = secret.get(camel);
        if (v == null) {
            v = secret.get(snake);
        }
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("secret " + endpoint.secretName() + " has no field " + camel);
        }
        return v;
    }

    /** A secret-held API key as a "token" that is re-read every 15 minutes and after a 401 (key rotation). */
    AccessTokenCache.IssuedToken apiKey() {
        return new AccessTokenCache.IssuedToken(secretField("apiKey", "api_key"), API_KEY_RELOAD);
    }

    /** Reads an OAuth client-credentials token answer; a refusal is a credentials problem, not an outage. */
    /**
     * The OAuth 2 client-credentials grant as FedEx and USPS take it: a form with the client id and secret from the
     * carrier's secret (fields {@code clientId}/{@code clientSecret}) posted to {@code path}.
     */
    AccessTokenCache.IssuedToken clientCredentialsForm(String path) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", secretField("clientId", "client_id"));
        fields.put("client_secret", secretField("clientSecret", "client_secret"));
        HttpRequest token = request(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        return oauthToken(http.send(token, UNLIMITED));
    }

    AccessTokenCache.IssuedToken oauthToken(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw new CredentialsRejectedException(name(), endpoint.secretName());
        }
        if (status != 200) {
            throw new UpstreamException(name() + "-oauth", status, null, "token endpoint");
        }
        JsonNode n = json(response.body());
        String token = n.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new MalformedResponseException("token answer without access_token");
        }
        long seconds = n.path("expires_in").asLong(3600); // UPS sends a string, FedEx/USPS a number
        if (seconds <= 0) {
            seconds = 3600;
        }
        return new AccessTokenCache.IssuedToken(token, Duration.ofSeconds(seconds));
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedResponseException("response is not JSON");
        }
    }

    URI uri(String path) {
        return URI.create(endpoint.baseUrl() + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
