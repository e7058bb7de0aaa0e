package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.ProactiveFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TicketEnrichmentStore} does, run against DynamoDB Local ({@code DynamoDbTicketEnrichmentStoreTest})
 * and the in-memory store the fast service tests use ({@code InMemoryTicketEnrichmentStoreTest}): stale writes
 * ignored, missing tickets never created, each new flag's event queued once, priority raised and never lowered,
 * published events cleared while new ones stay.
 */
abstract class TicketEnrichmentStoreContract {

    static final Instant T = Instant.parse("2031-03-10T09:00:00Z");

    abstract TicketEnrichmentStore store();

    abstract String seller();

    /** A new ticket about {@code orderId} with {@code priority} (null: none). */
    abstract String ticket(String orderId, String priority);

    /** A ticket id no ticket has. */
    abstract String unknownTicket();

    /** The ticket's stored priority. */
    abstract Optional<String> priority(String ticketId);

    static TicketEnrichment enrichment(Instant at, String detail, Set<ProactiveFlag> flags) {
        TicketEnrichment.ShipmentView s = new TicketEnrichment.ShipmentView("DHL", "00340434161094042558", "InTransit",
                "transit", "Processed", false, null, "https://www.dhl.com/x", false, at.plus(Duration.ofHours(20)), "Koeln",
                at, at.plus(Duration.ofHours(2)), "carrier", null,
                List.of(new TicketEnrichment.EventView(at.minus(Duration.ofHours(6)), "InTransit", "transit", "Processed", "Koeln")),
                flags, "fp");
        return new TicketEnrichment(EnrichmentState.COMPLETE, detail, at, "028-1111111-1111111", "A1PA6795UKMFR9",
                new TicketEnrichment.OrderView("028-1111111-1111111", "A1PA6795UKMFR9", "SHIPPED", "FBM", at.minus(Duration.ofDays(4)),
                        at.minus(Duration.ofDays(3)), at.plus(Duration.ofDays(1)), List.of(new TicketEnrichment.ItemView("SKU-1", "Mug", 2))),
                null, List.of(s), "ofp");
    }

    @Test
    void aStaleWriteDoesNotOverwriteANewerEnrichment() {
        String ticket = ticket("028-1111111-1111111", null);
        assertThat(store().write(seller(), ticket, enrichment(T.plus(Duration.ofMinutes(10)), "newer", Set.of())).outcome())
                .isEqualTo(TicketEnrichmentStore.Outcome.WRITTEN);

        TicketEnrichmentStore.WriteResult late = store().write(seller(), ticket, enrichment(T, "older", Set.of(ProactiveFlag.DELAYED)));

        assertThat(late.outcome()).isEqualTo(TicketEnrichmentStore.Outcome.STALE);
        assertThat(store().read(seller(), ticket).orElseThrow().detail()).isEqualTo("newer");
        assertThat(store().pendingEvents(seller(), ticket)).isEmpty();
        assertThat(priority(ticket)).isEmpty();
    }

    @Test
    void aMissingTicketIsNotCreated() {
        String ticket = unknownTicket();
        assertThat(store().write(seller(), ticket, enrichment(T, "x", Set.of())).outcome())
                .isEqualTo(TicketEnrichmentStore.Outcome.NO_TICKET);
        assertThat(store().current(seller(), ticket)).isEmpty();
    }

    @Test
    void newFlagsQueueOneEventPerShipmentAndFlagOnlyOnceAndRaisePriority() {
        String ticket = ticket("028-1111111-1111111", "NORMAL");
        TicketEnrichmentStore.WriteResult first = store().write(seller(), ticket, enrichment(T, "a", Set.of(ProactiveFlag.DELAYED)));
        TicketEnrichmentStore.WriteResult second = store().write(seller(), ticket,
                enrichment(T.plusSeconds(60), "b", Set.of(ProactiveFlag.DELAYED, ProactiveFlag.LOST)));

        assertThat(first.newEvents()).extracting(LogisticsEvent::detailType).containsExactly("ShipmentDelayed");
        assertThat(first.priority().name()).isEqualTo("HIGH");
        assertThat(second.newEvents()).extracting(LogisticsEvent::detailType).containsExactly("ShipmentLost");
        assertThat(second.priority().name()).isEqualTo("URGENT");
        assertThat(second.outboxSize()).isEqualTo(2);
        assertThat(store().pendingEvents(seller(), ticket)).hasSize(2);
    }

    @Test
    void priorityIsNeverLoweredByFewerFlags() {
        String ticket = ticket("028-1111111-1111111", "URGENT");
        TicketEnrichmentStore.WriteResult r = store().write(seller(), ticket, enrichment(T, "a", Set.of(ProactiveFlag.DELAYED)));

        assertThat(r.priority().name()).isEqualTo("URGENT");
        assertThat(priority(ticket)).contains("URGENT");
    }

    @Test
    void clearingPublishedEventsKeepsEventsAddedMeanwhile() {
        String ticket = ticket("028-1111111-1111111", null);
        List<LogisticsEvent> first = store().write(seller(), ticket, enrichment(T, "a", Set.of(ProactiveFlag.DELAYED))).newEvents();
        store().write(seller(), ticket, enrichment(T.plusSeconds(60), "b", Set.of(ProactiveFlag.DELAYED, ProactiveFlag.EXCEPTION)));

        store().clearPublished(seller(), ticket, Set.of(first.get(0).eventId()));

        assertThat(store().pendingEvents(seller(), ticket)).extracting(LogisticsEvent::detailType)
                .containsExactly("ShipmentException");
        assertThat(store().current(seller(), ticket).orElseThrow().orderId()).isEqualTo("028-1111111-1111111");
    }
}
