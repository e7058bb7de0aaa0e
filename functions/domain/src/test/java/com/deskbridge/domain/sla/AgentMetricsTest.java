package com.deskbridge.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.ticket.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private static ResponseRecord answered(String agent, long hours) {
        return new ResponseRecord(T, T.plus(Duration.ofHours(hours)), Channel.AMAZON, agent);
    }

    @Test
    void medianP90AndShareWithin24hPerAgentBesideTheirCounters() {
        List<ResponseRecord> records = List.of(answered("ana", 1), answered("ana", 2), answered("ana", 3),
                answered("ana", 30), answered("ben", 5), new ResponseRecord(T, null, Channel.AMAZON, null));
        Map<String, AgentMetrics.Counters> counters = Map.of("ana", new AgentMetrics.Counters(6,
                Map.of("hand", 2L, "suggestion", 3L, "suggestion-edited", 1L), 2, Map.of("REFUND", new AgentMetrics.ActionCounts(3, 1, 1, 0))),
                "cem", new AgentMetrics.Counters(1, Map.of("macro", 1L), 0, Map.of()));
        List<AgentMetrics.Line> lines = AgentMetrics.compute(counters, records, T.plus(Duration.ofDays(3)));
        assertThat(lines).extracting(AgentMetrics.Line::agentId).containsExactly("ana", "ben", "cem");
        AgentMetrics.Line ana = lines.get(0);
        assertThat(ana.repliesSent()).isEqualTo(6);
        assertThat(ana.firstResponses()).isEqualTo(4);
        assertThat(ana.medianFirstResponse()).contains(Duration.ofHours(2));
        assertThat(ana.p90FirstResponse()).contains(Duration.ofHours(30));
        assertThat(ana.shareWithin24h().getAsDouble()).isEqualTo(0.75);
        assertThat(ana.blockedBeforeSend()).isEqualTo(2);
        assertThat(ana.suggestionsUsed()).isEqualTo(3);
        assertThat(ana.suggestionsEdited()).isEqualTo(1);
        assertThat(ana.actionsRequested()).containsEntry("REFUND", 3L);
        assertThat(ana.actions().get("REFUND").open()).as("requested, not completed, failed or rejected").isEqualTo(1);
        assertThat(new AgentMetrics.ActionCounts(1, 1, 1, 0).open()).as("a finish counted before its request").isZero();
        assertThat(lines.get(2).firstResponses()).isZero();
        assertThat(lines.get(2).medianFirstResponse()).isEmpty();
    }
}
