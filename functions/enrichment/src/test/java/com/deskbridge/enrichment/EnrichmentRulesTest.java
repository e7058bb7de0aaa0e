package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.sla.Priority;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.spapi.FbaShipment;
import com.deskbridge.spapi.McfPackageTracking;
import com.deskbridge.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link EnrichmentService}'s rules against in-memory ports (no DynamoDB, no simulator): the states a ticket's context
 * goes through, the shared tracking cache, flags raising priority with their events, evidence, and failures that stay
 * visible. The same rules on the real parts: {@code EnrichmentServiceTest}.
 */
class EnrichmentRulesTest {

    private static final String SELLER = "rules-seller";
    private static final String MARKETPLACE = "A1PA6795UKMFR9";

    private final MutableClock clock = new MutableClock(Instant.parse("2031-03-10T09:00:00Z"));
    private final InMemoryTicketEnrichmentStore store = new InMemoryTicketEnrichmentStore();
    private final InMemoryTrackingCache cache = new InMemoryTrackingCache(clock, TrackingFreshness.defaults());
    private final Orders orders = new Orders();
    private final Carriers carriers = new Carriers();
    private final Evidence evidence = new Evidence();
    private final List<LogisticsEvent> published = new ArrayList<>();
    private boolean busDown;
    private final EnrichmentService service = new EnrichmentService(orders, carriers, cache, store, evidence, events -> {
        if (busDown) {
            throw new IllegalStateException("bus down");
        }
        published.addAll(events);
    }, clock, Locale.GERMANY);

    @Test
    void anFbmOrderIsReadItsParcelTrackedOnceAndASecondTicketReusesTheAnswer() {
        orders.fbm("028-1000001-0000001", "DHL", "00340434161094000001");
        carriers.answer(Carrier.DHL, "00340434161094000001", snapshot(TrackingStatus.IN_TRANSIT, "00340434161094000001"));
        ticket(tid(1), "028-1000001-0000001");
        ticket(tid(2), "028-1000001-0000001");

        EnrichmentService.Result first = service.enrich(request(tid(1), "028-1000001-0000001"));
        EnrichmentService.Result second = service.enrich(request(tid(2), "028-1000001-0000001"));

        assertThat(first.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(first.detail()).isEqualTo("order and tracking loaded");
        assertThat(first.carrierCalls()).isEqualTo(1);
        assertThat(second.carrierCalls()).as("the parcel's fresh answer is shared").isZero();
        assertThat(carriers.calls.get()).isEqualTo(1);
        TicketEnrichment shown = store.read(SELLER, tid(2)).orElseThrow();
        assertThat(shown.order().orderId()).isEqualTo("028-1000001-0000001");
        assertThat(shown.shipments()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("InTransit");
            assertThat(s.trackingLink()).contains("00340434161094000001");
        });
        assertThat(cache.get(Carrier.DHL, "00340434161094000001").orElseThrow().subscribers())
                .extracting(TrackingCache.Subscriber::ticketId).containsExactly(tid(1), tid(2));
        assertThat(evidence.kinds(tid(1))).containsExactly(EvidenceChain.ORDER_SNAPSHOT, EvidenceChain.TRACKING_OBSERVED);
    }

    @Test
    void aRepeatedRunWithNothingNewAddsNoEvidence() {
        orders.fbm("028-1000002-0000002", "DHL", "00340434161094000002");
        carriers.answer(Carrier.DHL, "00340434161094000002", snapshot(TrackingStatus.IN_TRANSIT, "00340434161094000002"));
        ticket(tid(3), "028-1000002-0000002");
        service.enrich(request(tid(3), "028-1000002-0000002"));
        clock.advance(Duration.ofMinutes(1));

        service.enrich(request(tid(3), "028-1000002-0000002"));

        assertThat(evidence.kinds(tid(3))).hasSize(2);
    }

    @Test
    void aParcelInExceptionRaisesPriorityAndItsEventWaitsWhileTheBusIsDown() {
        orders.fbm("028-1000003-0000003", "DHL", "00340434161094000003");
        carriers.answer(Carrier.DHL, "00340434161094000003", snapshot(TrackingStatus.EXCEPTION, "00340434161094000003"));
        ticket(tid(4), "028-1000003-0000003");
        busDown = true;

        EnrichmentService.Result r = service.enrich(request(tid(4), "028-1000003-0000003"));

        assertThat(r.retry()).as("unpublished events ask for another delivery").isTrue();
        assertThat(store.priority(SELLER, tid(4))).contains(Priority.HIGH);
        assertThat(store.pendingEvents(SELLER, tid(4))).extracting(LogisticsEvent::detailType).containsExactly("ShipmentException");
        busDown = false;
        assertThat(service.publishPending(SELLER, tid(4))).isTrue();
        assertThat(published).extracting(LogisticsEvent::detailType).containsExactly("ShipmentException");
        assertThat(store.pendingEvents(SELLER, tid(4))).isEmpty();
    }

    @Test
    void aCarrierOutageRetriesWithTheReasonAndGivingUpShowsFailed() {
        orders.fbm("028-1000004-0000004", "UPS", "1Z999AA10000000004");
        carriers.unavailable(Carrier.UPS, "1Z999AA10000000004", "ups unavailable: HTTP 503", null);
        ticket(tid(5), "028-1000004-0000004");

        EnrichmentService.Result r = service.enrich(request(tid(5), "028-1000004-0000004"));
        service.giveUp(request(tid(5), "028-1000004-0000004"), "redelivered too often");

        assertThat(r.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(r.retry()).isTrue();
        assertThat(r.detail()).isEqualTo("UPS unavailable: HTTP 503, retrying");
        TicketEnrichment shown = store.read(SELLER, tid(5)).orElseThrow();
        assertThat(shown.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(shown.detail()).isEqualTo("gave up after repeated failures: UPS unavailable: HTTP 503");
    }

    @Test
    void aUsedUpQuotaDefersTheParcelToTheRefreshScheduleAndLeavesTheTicketPartial() {
        orders.fbm("028-1000005-0000005", "DHL", "00340434161094000005");
        carriers.unavailable(Carrier.DHL, "00340434161094000005", "dhl: quota used up", Duration.ofHours(2));
        ticket(tid(6), "028-1000005-0000005");

        EnrichmentService.Result r = service.enrich(request(tid(6), "028-1000005-0000005"));

        assertThat(r.state()).isEqualTo(EnrichmentState.PARTIAL);
        assertThat(r.retry()).isFalse();
        assertThat(r.carrierCalls()).as("a refused permit never reached the carrier").isZero();
        assertThat(cache.due(clock.instant().plus(Duration.ofHours(2)), 10))
                .extracting(TrackingCache.Entry::trackingNumber).containsExactly("00340434161094000005");
    }

    @Test
    void anUnknownOrderFailsWithoutRetryAndAMissingTicketIsNotCreated() {
        ticket(tid(7), "028-1000006-0000006");

        EnrichmentService.Result unknown = service.enrich(request(tid(7), "028-1000006-0000006"));
        EnrichmentService.Result missing = service.enrich(request(tid(0), "028-1000006-0000006"));

        assertThat(unknown.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(unknown.retry()).isFalse();
        assertThat(unknown.detail()).isEqualTo("order 028-1000006-0000006 not found for this seller");
        assertThat(missing.ticketFound()).isFalse();
        assertThat(store.current(SELLER, tid(0))).isEmpty();
    }

    // Issue 15: an e-mail ticket naming no order is linked to its order at the seller's Shopify store.

    private final List<String> linkerAsked = new ArrayList<>();
    private final List<ChannelOrderSources.Link> linkAnswers = new ArrayList<>();

    /** A service whose e-mail tickets have a Shopify store that knows {@code order} and links by scripted answers. */
    private EnrichmentService withStore(OrderSummary order) {
        ChannelOrderSources.OrderLinker linker = (seller, subject, body, sender) -> {
            linkerAsked.add(sender + "|" + subject);
            ChannelOrderSources.Link next = linkAnswers.remove(0);
            if (next == null) {
                throw new IllegalStateException("Shopify unavailable for finding the order of an e-mail (HTTP 503)");
            }
            return next;
        };
        ChannelOrderSources channels = (seller, channel) -> "email".equals(channel) ? Optional.of(new ChannelOrderSources.Orders(
                "Shopify", (sel, id) -> order.orderId().equals(id) ? Optional.of(order) : Optional.empty(), linker))
                : Optional.empty();
        return new EnrichmentService(orders, orders, carriers, cache, store, evidence, published::addAll, clock,
                Locale.GERMANY, channels);
    }

    private OrderSummary unshipped(String name) {
        return new OrderSummary(name, "shop.myshopify.com", OrderStatus.UNSHIPPED, FulfilmentChannel.FBM,
                clock.instant().minus(Duration.ofDays(2)), null, null, List.of(new OrderSummary.Item("CANDLE-3", "Kerzen", 2)),
                List.of());
    }

    private String mailTicket(char c) {
        String ticket = "t" + "r".repeat(23) + c;
        store.addTicket(SELLER, ticket, "email", null, null, null);
        store.addFirstMessage(SELLER, ticket, new TicketEnrichmentStore.BuyerMessage("ana@example.org", "Meine Kerzen", "Wo?"));
        return ticket;
    }

    private static EnrichmentRequest link(String ticket) {
        return new EnrichmentRequest(SELLER, ticket, null, null, EnrichmentRequest.Reason.LINK_ORDER);
    }

    @Test
    void aMailNamingNoOrderIsLinkedToTheSendersOrderOnceAndEnrichedWithIt() {
        EnrichmentService linking = withStore(unshipped("#5001"));
        linkAnswers.add(new ChannelOrderSources.Link(Optional.of("#5001"), "the sender's only order"));
        String ticket = mailTicket('a');

        EnrichmentService.Result r = linking.enrich(link(ticket));
        EnrichmentService.Result again = linking.enrich(link(ticket));

        assertThat(r.state()).as(r.detail()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(again.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(linkerAsked).containsExactly("ana@example.org|Meine Kerzen");
        assertThat(store.current(SELLER, ticket).orElseThrow().orderId()).isEqualTo("#5001");
        TicketEnrichment shown = store.read(SELLER, ticket).orElseThrow();
        assertThat(shown.order().orderId()).isEqualTo("#5001");
        assertThat(shown.order().items()).singleElement().satisfies(i -> assertThat(i.sku()).isEqualTo("CANDLE-3"));
    }

    @Test
    void anUnlinkedMailShowsWhyOnceWithoutRetryAndKeepsNoOrder() {
        EnrichmentService linking = withStore(unshipped("#5002"));
        linkAnswers.add(new ChannelOrderSources.Link(Optional.empty(), "the sender has several orders"));
        String ticket = mailTicket('b');

        EnrichmentService.Result r = linking.enrich(link(ticket));
        EnrichmentService.Result again = linking.enrich(link(ticket));

        assertThat(r.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(r.retry()).isFalse();
        assertThat(again.retry()).isFalse();
        assertThat(linkerAsked).hasSize(1);
        assertThat(store.read(SELLER, ticket).orElseThrow().detail()).isEqualTo("no order linked: the sender has several orders");
        assertThat(store.current(SELLER, ticket).orElseThrow().orderId()).isNull();
    }

    @Test
    void aSellerWithoutAStoreIsNotAskedAndItsTicketGetsNoContext() {
        String ticket = mailTicket('c');

        EnrichmentService.Result r = service.enrich(link(ticket));

        assertThat(r.retry()).isFalse();
        assertThat(store.read(SELLER, ticket)).isEmpty();
    }

    @Test
    void theStoreUnavailableLeavesTheTicketRetryingAndTheNextDeliveryLinksIt() {
        EnrichmentService linking = withStore(unshipped("#5004"));
        linkAnswers.add(null);
        linkAnswers.add(new ChannelOrderSources.Link(Optional.of("#5004"), "order #5004 named in the message"));
        String ticket = mailTicket('d');

        EnrichmentService.Result down = linking.enrich(link(ticket));
        assertThat(down.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(down.retry()).isTrue();
        assertThat(store.read(SELLER, ticket).orElseThrow().detail()).contains("HTTP 503").endsWith("retrying");

        EnrichmentService.Result up = linking.enrich(link(ticket));
        assertThat(up.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(store.read(SELLER, ticket).orElseThrow().order().orderId()).isEqualTo("#5004");
    }

    /** A ticket id of the shape intake gives ('t' and 24 base32 characters). */
    private static String tid(int n) {
        return "t" + "q".repeat(23) + "abcdefgh".charAt(n);
    }

    private void ticket(String ticketId, String orderId) {
        store.addTicket(SELLER, ticketId, "amazon", orderId, MARKETPLACE, null);
    }

    private static EnrichmentRequest request(String ticketId, String orderId) {
        return new EnrichmentRequest(SELLER, ticketId, orderId, MARKETPLACE, EnrichmentRequest.Reason.TICKET_CREATED);
    }

    private TrackingSnapshot snapshot(TrackingStatus status, String number) {
        Instant at = clock.instant().minus(Duration.ofHours(1));
        return new TrackingSnapshot(Carrier.DHL, number, status, "raw", "raw text", false, null, null, "Koeln",
                List.of(new TrackingEvent(at, status, "raw", "raw text", "Koeln", null)), clock.instant(), null);
    }

    /** Fixed FBM orders. */
    private final class Orders implements AmazonOrders {
        private final Map<String, OrderSummary> byId = new HashMap<>();

        void fbm(String orderId, String carrier, String trackingNumber) {
            Instant now = clock.instant();
            byId.put(orderId, new OrderSummary(orderId, MARKETPLACE, OrderStatus.SHIPPED, FulfilmentChannel.FBM,
                    now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)),
                    List.of(new OrderSummary.Item("1", "SKU-1", "Mug", 1, new BigDecimal("12.90"), "EUR")),
                    List.of(new OrderSummary.ShippedPackage(carrier, trackingNumber, now.minus(Duration.ofDays(2)))), "EUR"));
        }

        @Override
        public Optional<Lookup> lookup(String sellerId, String orderId, String marketplaceId) {
            return Optional.ofNullable(byId.get(orderId)).map(o -> new Lookup(o, Optional.empty()));
        }

        @Override
        public Optional<McfPackageTracking> mcfTracking(String sellerId, String marketplaceId, int packageNumber) {
            return Optional.empty();
        }

        @Override
        public List<FbaShipment> shipments(String sellerId, String marketplaceId, String orderId, Instant purchaseDate, Instant now) {
            return List.of();
        }
    }

    /** Scripted carrier answers, counting the look-ups. */
    private static final class Carriers implements TrackingSource {
        private final Map<String, TrackingResult> answers = new HashMap<>();
        private final AtomicInteger calls = new AtomicInteger();

        void answer(Carrier carrier, String number, TrackingSnapshot s) {
            answers.put(carrier + "|" + number, new Found(s));
        }

        void unavailable(Carrier carrier, String number, String reason, Duration retryAfter) {
            answers.put(carrier + "|" + number, new Unavailable(reason, retryAfter));
        }

        @Override
        public TrackingResult track(Carrier carrier, String trackingNumber) {
            calls.incrementAndGet();
            return answers.getOrDefault(carrier + "|" + trackingNumber, new NotFound(carrier, trackingNumber));
        }
    }

    /** An evidence chain per ticket, hashed like the stored ones. */
    private final class Evidence implements EvidenceLog {
        private final Map<String, List<EvidenceChain.Entry>> chains = new HashMap<>();

        @Override
        public synchronized EvidenceChain.Entry append(String sellerId, String ticketId, String kind, Map<String, String> payload) {
            List<EvidenceChain.Entry> chain = chains.computeIfAbsent(ticketId, t -> new ArrayList<>());
            String previous = chain.isEmpty() ? EvidenceChain.GENESIS_HASH : chain.get(chain.size() - 1).hash();
            TreeMap<String, String> sorted = new TreeMap<>(payload);
            EvidenceChain.Entry e = new EvidenceChain.Entry(chain.size(), clock.instant(), kind, sorted, previous,
                    EvidenceChain.hash(chain.size(), clock.instant(), kind, sorted, previous));
            chain.add(e);
            return e;
        }

        @Override
        public synchronized StoredChain chain(String sellerId, String ticketId) {
            List<EvidenceChain.Entry> chain = chains.getOrDefault(ticketId, List.of());
            return new StoredChain(chain, chain.isEmpty() ? null : chain.get(chain.size() - 1).hash());
        }

        synchronized List<String> kinds(String ticketId) {
            return chains.getOrDefault(ticketId, List.of()).stream().map(EvidenceChain.Entry::kind).toList();
        }
    }
}
