package com.deskbridge.enrichment;

import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.http.Quota;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Asks the shared quota ({@link SharedCarrierQuotas}) before every carrier look-up and answers
 * {@link TrackingSource.Unavailable} without calling when it refuses. Wire the delegate (the carriers'
 * {@code CarrierRegistry}) with {@code Backoff.maxAttempts = 1}, so that one granted permit is at most one tracking
 * request: retries happen through the queue, and each of them asks the shared quota again. (A 401 answered by a
 * carrier is retried once inside the registry with fresh credentials; that rare second request is not counted.)
 */
public final class QuotaGuardedTracking implements TrackingSource {

    /**
     * A per-second budget that refuses for at most this long (two look-ups of one seller in the same second, e.g. a new
     * ticket and a webhook's refresh of the same parcel) is asked once more after that wait, rather than leaving the
     * ticket RETRYING for the queue's visibility timeout (minutes).
     */
    static final Duration SHORT_WAIT = Duration.ofSeconds(2);

    private final TrackingSource delegate;
    private final BiFunction<TrackingUpstream, String, Quota> quotas;
    private final Map<TrackingUpstream, AtomicLong> calls = new EnumMap<>(TrackingUpstream.class);

    /** One quota per upstream, whoever asks. */
    public QuotaGuardedTracking(TrackingSource delegate, Function<TrackingUpstream, Quota> quotas) {
        this(delegate, (upstream, seller) -> quotas.apply(upstream));
    }

    /** @param quotas each upstream's quota as one seller sees it (its share of a shared budget); seller null: none */
    public QuotaGuardedTracking(TrackingSource delegate, BiFunction<TrackingUpstream, String, Quota> quotas) {
        this.delegate = Objects.requireNonNull(delegate);
        this.quotas = Objects.requireNonNull(quotas);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            calls.put(u, new AtomicLong());
        }
    }

    @Override
    public TrackingResult track(Carrier carrier, String trackingNumber) {
        return track(carrier, trackingNumber, null);
    }

    /** Look-ups on behalf of {@code sellerId} count against that seller's share of each shared budget. */
    @Override
    public TrackingSource forSeller(String sellerId) {
        return (carrier, trackingNumber) -> track(carrier, trackingNumber, sellerId);
    }

    /** Finding out which account the seller's look-ups use asks no quota: no carrier is called. */
    @Override
    public void prepare(String sellerId) {
        delegate.prepare(sellerId);
    }

    /** Readying a credential asks no quota: token endpoints are not part of the tracking budgets. */
    @Override
    public void readyCredentials(String sellerId, TrackingUpstream upstream) {
        delegate.readyCredentials(sellerId, upstream);
    }

    private TrackingResult track(Carrier carrier, String trackingNumber, String sellerId) {
        Carrier c = carrier == null ? Carrier.OTHER : carrier;
        TrackingUpstream u = c.upstream();
        Quota quota = quotas.apply(u, sellerId);
        Quota.Decision decision = quota.take();
        if (decision instanceof Quota.Denied denied && denied.retryAfter().compareTo(SHORT_WAIT) <= 0 && pause(denied.retryAfter())) {
            decision = quota.take();
        }
        if (decision instanceof Quota.Denied denied) {
            return new Unavailable(CarrierSettings.key(u) + ": quota used up", denied.retryAfter());
        }
        calls.get(u).incrementAndGet();
        // on the seller's behalf: a delegate that knows sellers' own carrier accounts (SellerCarriers) uses them
        return (sellerId == null ? delegate : delegate.forSeller(sellerId)).track(c, trackingNumber);
    }

    /** Waits {@code d}; false when interrupted (the refusal then stands). */
    private static boolean pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Look-ups this instance let through to {@code upstream}. */
    public long calls(TrackingUpstream upstream) {
        return calls.get(upstream).get();
    }
}
