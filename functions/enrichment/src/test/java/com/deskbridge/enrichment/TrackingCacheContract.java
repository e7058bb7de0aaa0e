package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrackingCache} does, run against DynamoDB Local ({@code DynamoDbTrackingCacheTest}) and the
 * in-memory cache the fast service tests use ({@code InMemoryTrackingCacheTest}): answers kept with their
 * subscribers, freshness, deferred parcels keeping their last answer, and the refresh schedule's due list.
 */
abstract class TrackingCacheContract {

    final MutableClock clock = new MutableClock(TestStack.freshDay());

    abstract TrackingCache cache();

    /** A tracking number no other test uses. */
    abstract String number();

    private TrackingSnapshot snapshot(String number, TrackingStatus status) {
        Instant now = clock.instant();
        return new TrackingSnapshot(Carrier.DHL, number, status, "raw", "text", false, null, now.plus(Duration.ofDays(1)),
                "Koeln", List.of(new TrackingEvent(now.minusSeconds(60), status, "raw", "text", "Koeln", null)), now,
                new TrackingLink("https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=" + number, false));
    }

    private static TrackingCache.Subscriber subscriber(String ticket) {
        return new TrackingCache.Subscriber("contract-seller", ticket, "028-1111111-1111111", "A1PA6795UKMFR9");
    }

    @Test
    void anAnswerIsKeptWithItsTicketsAndIsFreshForItsStatusWindow() {
        String n = number();
        TrackingSnapshot answer = snapshot(n, TrackingStatus.IN_TRANSIT);
        cache().put(answer, "carrier", subscriber("t1"));
        cache().subscribe(Carrier.DHL, n, subscriber("t2"));

        TrackingCache.Entry e = cache().get(Carrier.DHL, n).orElseThrow();
        assertThat(e.snapshot()).as("the answer comes back as it was stored").contains(answer);
        assertThat(e.subscribers()).extracting(TrackingCache.Subscriber::ticketId).containsExactlyInAnyOrder("t1", "t2");
        assertThat(e.fetchesLastDay()).hasSize(1);
        assertThat(cache().fresh(e, clock.instant())).isTrue();
        Instant staleAt = cache().freshUntil(e.snapshot().get()).orElseThrow();
        assertThat(cache().fresh(e, staleAt)).isFalse();
        assertThat(cache().due(staleAt, 1000)).extracting(TrackingCache.Entry::trackingNumber).contains(n);
        assertThat(cache().due(staleAt.minusSeconds(1), 1000)).extracting(TrackingCache.Entry::trackingNumber).doesNotContain(n);
    }

    @Test
    void aDeliveredParcelIsNeverDueAndASubscriptionToAnUnknownParcelStoresNothing() {
        String n = number();
        cache().put(snapshot(n, TrackingStatus.DELIVERED), "carrier", subscriber("t1"));
        String unknown = number();
        cache().subscribe(Carrier.DHL, unknown, subscriber("t1"));

        assertThat(cache().due(clock.instant().plus(Duration.ofDays(30)), 1000))
                .extracting(TrackingCache.Entry::trackingNumber).doesNotContain(n);
        assertThat(cache().get(Carrier.DHL, unknown)).isEmpty();
    }

    @Test
    void aDeferredParcelKeepsItsLastAnswerAndIsDueWhenTheQuotaOpensAndPostponingMovesIt() {
        String n = number();
        cache().put(snapshot(n, TrackingStatus.IN_TRANSIT), "carrier", subscriber("t1"));
        Instant opens = clock.instant().plus(Duration.ofMinutes(30));
        cache().defer(Carrier.DHL, n, "carrier", subscriber("t3"), opens);

        TrackingCache.Entry e = cache().get(Carrier.DHL, n).orElseThrow();
        assertThat(e.snapshot()).isPresent();
        assertThat(e.dueAt()).isEqualTo(opens);
        assertThat(cache().due(opens, 1000)).extracting(TrackingCache.Entry::trackingNumber).contains(n);

        cache().postpone(Carrier.DHL, n, opens.plus(Duration.ofMinutes(10)));
        assertThat(cache().due(opens, 1000)).extracting(TrackingCache.Entry::trackingNumber).doesNotContain(n);
    }
}
