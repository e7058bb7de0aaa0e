package com.deskbridge.domain.sla;

import static com.deskbridge.domain.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseMetricsTest {

    private static final Instant T0 = at("2026-06-01T00:00Z");
    private static final Instant AS_OF = at("2026-06-10T12:00Z");

    private static ResponseRecord answered(Channel channel, Duration after, String agent) {
        return new ResponseRecord(T0, T0.plus(after), channel, agent);
    }

    private static List<ResponseRecord> sample() {
        return List.of(
                answered(Channel.AMAZON, Duration.ofHours(1), "anna"),
                answered(Channel.AMAZON, Duration.ofHours(24).minusSeconds(1), "ben"),
                answered(Channel.AMAZON, Duration.ofHours(24), "anna"),
                answered(Channel.EBAY, Duration.ofHours(30), "ben"),
                new ResponseRecord(AS_OF.minus(Duration.ofHours(24)), null, Channel.EBAY, null),
                new ResponseRecord(AS_OF.minus(Duration.ofHours(24)).plusSeconds(1), null, Channel.EMAIL, null),
                answered(Channel.SHOPIFY, Duration.ofHours(2), null));
    }

    @Test
    void overallFigures() {
        ResponseStats s = ResponseMetrics.compute(sample(), AS_OF).overall();
        assertThat(s.messages()).isEqualTo(7);
        assertThat(s.answered()).isEqualTo(5);
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.answeredWithin24h()).isEqualTo(3);
        assertThat(s.breaches()).isEqualTo(3);
        assertThat(s.shareWithin24h()).hasValue(0.5);
        // (1 h + 23:59:59 + 24 h + 30 h + 2 h) / 5 = 80:59:59 / 5
        assertThat(s.averageFirstResponse()).contains(Duration.ofSeconds(58_319, 800_000_000));
        assertThat(s.p90FirstResponse()).contains(Duration.ofHours(30));
    }

    @Test
    void figuresByChannel() {
        ResponseReport r = ResponseMetrics.compute(sample(), AS_OF);
        assertThat(r.byChannel()).containsOnlyKeys(Channel.AMAZON, Channel.EBAY, Channel.EMAIL, Channel.SHOPIFY);
        ResponseStats amazon = r.byChannel().get(Channel.AMAZON);
        assertThat(amazon.answeredWithin24h()).isEqualTo(2);
        assertThat(amazon.breaches()).isEqualTo(1);
        assertThat(amazon.shareWithin24h().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(amazon.averageFirstResponse()).contains(Duration.ofSeconds(58_799, 666_666_666));
        assertThat(amazon.p90FirstResponse()).contains(Duration.ofHours(24));
        ResponseStats ebay = r.byChannel().get(Channel.EBAY);
        assertThat(ebay.breaches()).as("one late, one unanswered for exactly 24 h").isEqualTo(2);
        assertThat(ebay.shareWithin24h()).hasValue(0.0);
        ResponseStats email = r.byChannel().get(Channel.EMAIL);
        assertThat(email.pending()).isEqualTo(1);
        assertThat(email.breaches()).isZero();
        assertThat(email.shareWithin24h()).isEmpty();
        assertThat(email.averageFirstResponse()).isEmpty();
        assertThat(email.p90FirstResponse()).isEmpty();
        assertThat(r.byChannel().get(Channel.SHOPIFY).shareWithin24h()).hasValue(1.0);
    }

    @Test
    void figuresByAgentCoverAnsweredRecordsWithAnAgent() {
        ResponseReport r = ResponseMetrics.compute(sample(), AS_OF);
        assertThat(r.byAgent().keySet()).containsExactly("anna", "ben");
        ResponseStats anna = r.byAgent().get("anna");
        assertThat(anna.messages()).isEqualTo(2);
        assertThat(anna.breaches()).isEqualTo(1);
        assertThat(anna.shareWithin24h()).hasValue(0.5);
        assertThat(anna.averageFirstResponse()).contains(Duration.ofMinutes(750));
        ResponseStats ben = r.byAgent().get("ben");
        assertThat(ben.answeredWithin24h()).isEqualTo(1);
        assertThat(ben.p90FirstResponse()).contains(Duration.ofHours(30));
    }

    @Test
    void emptyInputGivesEmptyFigures() {
        ResponseReport r = ResponseMetrics.compute(List.of(), AS_OF);
        assertThat(r.overall().messages()).isZero();
        assertThat(r.overall().breaches()).isZero();
        assertThat(r.overall().shareWithin24h()).isEmpty();
        assertThat(r.overall().averageFirstResponse()).isEmpty();
        assertThat(r.overall().p90FirstResponse()).isEmpty();
        assertThat(r.byChannel()).isEmpty();
        assertThat(r.byAgent()).isEmpty();
    }

    @Test
    void p90IsTheNearestRankValue() {
        assertThat(p90OfMinutes(1)).isEqualTo(1);
        assertThat(p90OfMinutes(10)).isEqualTo(9);
        assertThat(p90OfMinutes(11)).isEqualTo(10);
        assertThat(p90OfMinutes(20)).isEqualTo(18);
        assertThat(p90OfMinutes(21)).isEqualTo(19);
    }

    /** p90 of response times 1 … n minutes, given in shuffled order. */
    private static long p90OfMinutes(int n) {
        List<ResponseRecord> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            records.add(answered(Channel.EMAIL, Duration.ofMinutes(i), "a"));
        }
        Collections.shuffle(records, new Random(n));
        return ResponseMetrics.stats(records, AS_OF).p90FirstResponse().orElseThrow().toMinutes();
    }

    @Test
    void rejectsAResponseBeforeTheMessage() {
        assertThatThrownBy(() -> new ResponseRecord(T0, T0.minusSeconds(1), Channel.AMAZON, "anna"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("firstResponseAt"));
    }
}
