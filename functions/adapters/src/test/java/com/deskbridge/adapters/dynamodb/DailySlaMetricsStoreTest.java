package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.sla.DailySlaMetrics;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly SLA report from real intake and reply writes in DynamoDB Local. */
class DailySlaMetricsStoreTest {
    private static final LocalDate DAY = LocalDate.parse("2031-05-06");
    private static final Instant MORNING = DAY.atTime(8, 0).toInstant(ZoneOffset.UTC);
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();

    @Test
    void eachActiveSellerGetsItsDayReportedByChannelAndAgent() {
        DynamoDbTicketStore store = new DynamoDbTicketStore(table.client(), table.name());
        SellerId seller = new SellerId("metrics-seller");
        SellerId other = new SellerId("metrics-other");
        InboundMessage fast = message(seller, "a", Channel.AMAZON, MORNING);
        InboundMessage slow = message(seller, "b", Channel.EBAY, MORNING.plusSeconds(600));
        InboundMessage open = message(seller, "c", Channel.AMAZON, MORNING.plusSeconds(1200));
        message(other, "d", Channel.AMAZON, MORNING);
        for (InboundMessage m : List.of(fast, slow, open)) {
            store.append(m, MORNING.plus(Duration.ofDays(30)), Triage.NONE);
        }
        store.append(message(other, "d", Channel.AMAZON, MORNING), MORNING.plus(Duration.ofDays(30)), Triage.NONE);
        store.recordReply(seller, fast.ticketId(), new OutgoingReply(OutgoingReply.keyFor(fast.ticketId(), "k-fast-01"), "anna",
                "Hi", MORNING.plus(Duration.ofHours(2)), false), MORNING.plus(Duration.ofDays(30)));
        store.recordReply(seller, slow.ticketId(), new OutgoingReply(OutgoingReply.keyFor(slow.ticketId(), "k-slow-01"), "ben",
                "Hi", MORNING.plusSeconds(600).plus(Duration.ofHours(30)), false), MORNING.plus(Duration.ofDays(30)));

        DynamoDbSlaMetricsArchive archive = new DynamoDbSlaMetricsArchive(table.client(), table.name());
        Instant run = DAY.plusDays(2).atTime(0, 15).toInstant(ZoneOffset.UTC);
        DailySlaMetrics job = new DailySlaMetrics(archive, new ResponseRecords(table.client(), table.name()),
                Clock.fixed(run, ZoneOffset.UTC));

        assertThat(archive.activeOn(DAY)).contains(seller, other);
        assertThat(job.report(DAY)).isGreaterThanOrEqualTo(2);
        assertThat(job.report(DAY)).as("running twice replaces").isGreaterThanOrEqualTo(2);

        List<SlaMetricsArchive.DailyReport> days = archive.days(seller, DAY.minusDays(1), DAY.plusDays(1));
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.day()).isEqualTo(DAY);
            assertThat(d.report().overall().messages()).isEqualTo(3);
            assertThat(d.report().overall().answered()).isEqualTo(2);
            assertThat(d.report().overall().answeredWithin24h()).isEqualTo(1);
            assertThat(d.report().overall().breaches()).as("one late answer, one still unanswered after 24 h").isEqualTo(2);
            assertThat(d.report().byChannel().get(Channel.EBAY).breaches()).isEqualTo(1);
            assertThat(d.report().byAgent().get("anna").averageFirstResponse()).contains(Duration.ofHours(2));
            assertThat(d.report().byAgent().get("ben").answeredWithin24h()).isZero();
        });
    }

    private static InboundMessage message(SellerId seller, String id, Channel channel, Instant at) {
        return new InboundMessage(channel, seller, "A1PA6795UKMFR9", "metrics-" + id, "thread-" + id, null,
                new Sender("buyer-" + id + "@marketplace.amazon.de", null), "Subject", "Body", false, List.of(), at);
    }
}
