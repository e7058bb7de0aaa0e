package com.deskbridge.domain;

import static com.deskbridge.domain.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.intake.IntakeService;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntakeAndQueriesTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final InMemoryTicketStore store = new InMemoryTicketStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void personalDataExpiresRetentionAfterReceiptButNeverBeforeWeLearnOfIt() {
        IntakeService intake = new IntakeService(store, clock, Duration.ofDays(30));
        var late = message().externalId("old").receivedAt(NOW.minus(Duration.ofDays(40))).build();
        var future = message().externalId("skewed").receivedAt(NOW.plus(Duration.ofMinutes(5))).build();

        intake.accept(late);
        intake.accept(future);

        assertThat(store.expiries.get(late.messageKey())).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(store.expiries.get(future.messageKey())).isEqualTo(NOW.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(30)));
    }

    @Test
    void aSecondDeliveryIsReportedAsDuplicateOfTheSameTicket() {
        IntakeService intake = new IntakeService(store, clock, Duration.ofDays(30));
        var first = intake.accept(message().build());
        var again = intake.accept(message().build());
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
    }

    @Test
    void retentionMustBePositive() {
        assertThatThrownBy(() -> new IntakeService(store, clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queuePageSizeIsBoundedAndDefaulted() {
        TicketQueries queries = new TicketQueries(store, clock);
        SellerId seller = new SellerId("s1");
        queries.queue(seller, TicketStatus.OPEN, null, null);
        queries.queue(seller, TicketStatus.OPEN, 100, "c");
        assertThat(store.listCalls).extracting(c -> c[2]).containsExactly(TicketQueries.DEFAULT_PAGE_SIZE, 100);
        assertThatThrownBy(() -> queries.queue(seller, TicketStatus.OPEN, 0, null))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("limit");
        assertThatThrownBy(() -> queries.queue(seller, TicketStatus.OPEN, 101, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnknownTicketIsNotFound() {
        TicketQueries queries = new TicketQueries(store, clock);
        TicketId id = message().build().ticketId();
        assertThatThrownBy(() -> queries.ticket(new SellerId("s1"), id)).isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> TicketStatus.parse("archived", "status")).isInstanceOf(InvalidInputException.class);
    }
}
