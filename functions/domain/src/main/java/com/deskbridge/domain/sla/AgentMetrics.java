package com.deskbridge.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each agent did in a period, for the lead: replies sent (by how they were written), first responses (median, p90
 * and share within 24 hours, from the first-response records), replies the compliance check blocked before sending,
 * suggestions sent as suggested or edited, refunds and cancellations requested and how they ended. Pure: the caller reads the per-agent
 * daily counters and the first-response records of the period (no table scan).
 */
public final class AgentMetrics {
    private AgentMetrics() {
    }

    /**
     * One agent's counters summed over the period.
     *
     * @param bySource replies per source wire name (hand, macro, suggestion, suggestion-edited)
     * @param actions  refunds and cancellations per type name (REFUND, CANCELLATION, MCF_CANCELLATION): requested in
     *                 the period and what became of them
     */
    public record Counters(long replies, Map<String, Long> bySource, long blocked, Map<String, ActionCounts> actions) {
        public Counters {
            bySource = Map.copyOf(bySource);
            actions = Map.copyOf(actions);
        }

        public static final Counters NONE = new Counters(0, Map.of(), 0, Map.of());
    }

    /**
     * One agent's refunds or cancellations of one type requested in the period and how they ended: completed (Amazon or
     * the channel applied it), failed (refused), rejected (a lead said no before it was sent); the rest is still open
     * (awaiting approval, queued, submitted, or needing a person's attention).
     */
    public record ActionCounts(long requested, long completed, long failed, long rejected) {
        public static final ActionCounts NONE = new ActionCounts(0, 0, 0, 0);

        /** Requested and not finished yet (never negative, even if a finish was counted before its request). */
        public long open() {
            return Math.max(0, requested - completed - failed - rejected);
        }

        public ActionCounts plus(ActionCounts o) {
            return new ActionCounts(requested + o.requested, completed + o.completed, failed + o.failed, rejected + o.rejected);
        }
    }

    /** One agent's line. */
    public record Line(String agentId, long repliesSent, Map<String, Long> bySource, int firstResponses,
                       Optional<Duration> medianFirstResponse, Optional<Duration> p90FirstResponse,
                       OptionalDouble shareWithin24h, long blockedBeforeSend, long suggestionsUsed,
                       long suggestionsEdited, Map<String, ActionCounts> actions) {

        /** Refunds and cancellations requested, by type. */
        public Map<String, Long> actionsRequested() {
            Map<String, Long> out = new TreeMap<>();
            actions.forEach((type, c) -> out.put(type, c.requested()));
            return out;
        }
    }

    /** Every agent with counters or first responses, by agent id. */
    public static List<Line> compute(Map<String, Counters> counters, List<ResponseRecord> records, Instant asOf) {
        Objects.requireNonNull(counters, "counters");
        Map<String, List<ResponseRecord>> byAgent = new TreeMap<>();
        for (ResponseRecord r : records) {
            if (r.agentId() != null && r.firstResponseAt() != null) {
                byAgent.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r);
            }
        }
        TreeSet<String> agents = new TreeSet<>(counters.keySet());
        agents.addAll(byAgent.keySet());
        List<Line> lines = new ArrayList<>();
        for (String agent : agents) {
            Counters c = counters.getOrDefault(agent, Counters.NONE);
            List<ResponseRecord> answered = byAgent.getOrDefault(agent, List.of());
            ResponseStats stats = ResponseMetrics.stats(answered, asOf);
            List<Duration> times = answered.stream().map(r -> r.responseTime().orElseThrow()).toList();
            lines.add(new Line(agent, c.replies(), c.bySource(), answered.size(), ResponseMetrics.percentile(times, 50),
                    stats.p90FirstResponse(), stats.shareWithin24h(), c.blocked(),
                    c.bySource().getOrDefault("suggestion", 0L), c.bySource().getOrDefault("suggestion-edited", 0L),
                    c.actions()));
        }
        return lines;
    }
}
