package com.deskbridge.carriers;

import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The carriers as one seller reaches them: with the seller's own credentials where the seller stored some for that
 * carrier (secret {@code <prefix><sellerId>/<carrier>}, written by {@code PUT /sellers/{id}/carriers/{carrier}}), else
 * with the stack's ({@code deskbridge/carriers/<carrier>}, the shared registry). Built once per container: whether a
 * seller has its own secret is looked up once per {@link #LOOKUP_TTL} per seller and carrier (present or absent), and
 * each seller's adapters (own token caches, own client-side quotas: a carrier's quota is per account) are built once.
 * Token caches are per credential: a seller's token is never used for another seller or for the stack's account.
 */
public final class SellerCarriers implements TrackingSource {
    /** How long a look-up of a seller's own secret (found or not) holds in this container. */
    public static final Duration LOOKUP_TTL = Duration.ofMinutes(5);
    /** The default prefix (template.yaml {@code CarrierSellerSecretPrefix}). */
    public static final String DEFAULT_PREFIX = "deskbridge/seller-carriers/";
    private static final Logger LOG = Logger.getLogger(SellerCarriers.class.getName());

    private record Lookup(boolean own, Instant until) {
    }

    private final CarrierRegistry shared;
    private final SecretSource secrets;
    private final String prefix;
    private final Clock clock;
    private final Map<String, CarrierRegistry> sellers = new ConcurrentHashMap<>();
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
    /** One lock per secret name: concurrent look-ups of one name wait for a single read. */
    private final Map<String, Object> reading = new ConcurrentHashMap<>();

    public SellerCarriers(CarrierRegistry shared, SecretSource secrets, String prefix, Clock clock) {
        this.shared = Objects.requireNonNull(shared);
        this.secrets = Objects.requireNonNull(secrets);
        this.prefix = Objects.requireNonNull(prefix);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The secret holding {@code seller}'s own credentials for {@code upstream}. */
    public static String secretName(String prefix, String seller, TrackingUpstream upstream) {
        return prefix + seller + "/" + CarrierSettings.key(upstream);
    }

    /** Without a seller: the stack's credentials. */
    @Override
    public TrackingResult track(Carrier carrier, String trackingNumber) {
        return shared.track(carrier, trackingNumber);
    }

    @Override
    public TrackingSource forSeller(String sellerId) {
        if (sellerId == null) {
            return this;
        }
        return (carrier, trackingNumber) -> {
            Carrier c = carrier == null ? Carrier.OTHER : carrier;
            return source(sellerId, c.upstream()).track(c, trackingNumber);
        };
    }

    /**
     * Finds out, for every carrier, whether {@code seller} stored its own credentials ({@link #usesOwn}), one carrier
     * after the other: enrichment calls it while the seller's order is read, so that the parcels' look-ups find the
     * answer cached ({@link #LOOKUP_TTL}) instead of reading the secret between the order and the carrier. For a seller
     * already known here it reads nothing; otherwise one secret per carrier, each read once (the look-ups then read
     * none), some of them for carriers this order does not use.
     */
    @Override
    public void prepare(String sellerId) {
        if (sellerId == null) {
            return;
        }
        for (TrackingUpstream upstream : TrackingUpstream.values()) {
            usesOwn(sellerId, upstream);
        }
    }

    /**
     * Whether look-ups of {@code upstream} for {@code seller} use the seller's own credentials now. Callers asking about
     * the same secret at the same time (a preparation and a look-up, two messages of a new seller) share one read.
     */
    public boolean usesOwn(String seller, TrackingUpstream upstream) {
        String name = secretName(prefix, seller, upstream);
        Lookup known = lookups.get(name);
        if (known != null && clock.instant().isBefore(known.until())) {
            return known.own();
        }
        synchronized (reading.computeIfAbsent(name, k -> new Object())) {
            Instant now = clock.instant();
            known = lookups.get(name);
            if (known != null && now.isBefore(known.until())) {
                return known.own(); // read by the caller this one waited for
            }
            boolean own;
            try {
                secrets.secret(name); // the fields are read again by the adapter; only existence matters here
                own = true;
            } catch (MissingSecretException e) {
                own = false;
            } catch (RuntimeException e) {
                // Secrets Manager failed (throttled, denied, unreachable): the stack's credentials this time, asked again
                // at the next look-up; tracking never stops over it
                LOG.warning(() -> "seller carrier secret " + name + " could not be read; using the stack's credentials");
                return false;
            }
            lookups.put(name, new Lookup(own, now.plus(LOOKUP_TTL)));
            return own;
        }
    }

    /**
     * Readies the credential of the account {@code seller}'s look-ups of {@code upstream} go through (the seller's own or
     * the stack's, {@link #usesOwn}): its OAuth token fetched, its API key read, unless cached
     * ({@link CarrierRegistry#readyCredentials}). Never throws.
     */
    @Override
    public void readyCredentials(String sellerId, TrackingUpstream upstream) {
        (sellerId == null ? shared : registry(sellerId, upstream)).readyCredentials(upstream);
    }

    private TrackingSource source(String seller, TrackingUpstream upstream) {
        return registry(seller, upstream).adapter(upstream);
    }

    /** The registry holding the account {@code seller}'s look-ups of {@code upstream} use. */
    private CarrierRegistry registry(String seller, TrackingUpstream upstream) {
        if (!usesOwn(seller, upstream)) {
            return shared;
        }
        return sellers.computeIfAbsent(seller, s -> shared.withSecrets(secrets, u -> secretName(prefix, s, u)));
    }
}
