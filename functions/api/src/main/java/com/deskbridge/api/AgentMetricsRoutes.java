package com.deskbridge.api;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.domain.sla.AgentMetrics;
import com.deskbridge.domain.ticket.ReplySource;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /metrics/agents?from=&to=} (leads): each agent's replies, first responses, blocks before sending,
 * suggestions used and edited, refunds and cancellations requested and how they ended, from the per-agent daily counters and the
 * first-response records of the period's days (no scan).
 */
final class AgentMetricsRoutes {
    static final List<Route> ROUTES = List.of(new Route("GET /metrics/agents", AgentMetricsRoutes::agents));

    private AgentMetricsRoutes() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentJson(String agentId, long repliesSent, Map<String, Long> bySource, int firstResponses,
                     Long medianFirstResponseSeconds, Long p90FirstResponseSeconds, Double shareWithin24h,
                     long blockedBeforeSend, long suggestionsUsed, long suggestionsEdited,
                     Map<String, Long> actionsRequested, Map<String, ActionsJson> actions) {
    }

    /** Refunds or cancellations of one type requested in the period and how they ended. */
    record ActionsJson(long requested, long completed, long failed, long rejected, long open) {
        static ActionsJson of(AgentMetrics.ActionCounts c) {
            return new ActionsJson(c.requested(), c.completed(), c.failed(), c.rejected(), c.open());
        }
    }

    record AgentsJson(String from, String to, List<AgentJson> agents) {
    }

    private static ApiResponse agents(Route.Call call) {
        call.request().requireLead("see the agents' figures");
        SuggestionRoutes.Period p = SuggestionRoutes.Period.of(call);
        Map<String, AgentMetrics.Counters> counters = sum(call.app().counters().agentDays(call.seller(), p.from(), p.to()));
        Instant now = call.app().clock().instant();
        Instant from = p.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<AgentMetrics.Line> lines = AgentMetrics.compute(counters,
                call.app().responses().responses(call.seller(), from, to, now), now);
        return ApiResponse.ok(new AgentsJson(p.from().toString(), p.to().toString(), lines.stream().map(l -> new AgentJson(
                l.agentId(), l.repliesSent(), new TreeMap<>(l.bySource()), l.firstResponses(),
                l.medianFirstResponse().map(Duration::toSeconds).orElse(null),
                l.p90FirstResponse().map(Duration::toSeconds).orElse(null),
                l.shareWithin24h().isPresent() ? Math.round(l.shareWithin24h().getAsDouble() * 10_000) / 10_000.0 : null,
                l.blockedBeforeSend(), l.suggestionsUsed(), l.suggestionsEdited(), l.actionsRequested(),
                actions(l.actions())))
                .toList()));
    }

    private static Map<String, ActionsJson> actions(Map<String, AgentMetrics.ActionCounts> counts) {
        Map<String, ActionsJson> out = new TreeMap<>();
        counts.forEach((type, c) -> out.put(type, ActionsJson.of(c)));
        return out;
    }

    private static Map<String, AgentMetrics.Counters> sum(List<AgentCounters.AgentDay> days) {
        Map<String, Long> replies = new HashMap<>();
        Map<String, Long> blocked = new HashMap<>();
        Map<String, Map<String, Long>> sources = new HashMap<>();
        Map<String, Map<String, AgentMetrics.ActionCounts>> actions = new HashMap<>();
        for (AgentCounters.AgentDay d : days) {
            String agent = d.agentId();
            replies.merge(agent, d.count("replies"), Long::sum);
            blocked.merge(agent, d.count(AgentCounters.BLOCKED), Long::sum);
            for (ReplySource s : ReplySource.values()) {
                long n = d.count(AgentCounters.sourceCounter(s));
                if (n > 0) {
                    sources.computeIfAbsent(agent, k -> new HashMap<>()).merge(s.wireName(), n, Long::sum);
                }
            }
            d.counts().forEach((name, n) -> actionCounts(name, n).ifPresent(c -> actions.computeIfAbsent(agent, k -> new HashMap<>())
                    .merge(c.getKey(), c.getValue(), AgentMetrics.ActionCounts::plus)));
        }
        Map<String, AgentMetrics.Counters> out = new HashMap<>();
        for (String agent : replies.keySet()) {
            out.put(agent, new AgentMetrics.Counters(replies.get(agent), sources.getOrDefault(agent, Map.of()),
                    blocked.getOrDefault(agent, 0L), actions.getOrDefault(agent, Map.of())));
        }
        return out;
    }

    /** An action counter ({@link AgentCounters#actionCounter}) as its type and counts; empty for any other counter. */
    private static java.util.Optional<Map.Entry<String, AgentMetrics.ActionCounts>> actionCounts(String name, long n) {
        if (!name.startsWith("act_")) {
            return java.util.Optional.empty();
        }
        int cut = name.lastIndexOf('_');
        String type = name.substring(4, cut);
        AgentMetrics.ActionCounts c = switch (name.substring(cut + 1)) {
            case "requested" -> new AgentMetrics.ActionCounts(n, 0, 0, 0);
            case "COMPLETED" -> new AgentMetrics.ActionCounts(0, n, 0, 0);
            case "FAILED" -> new AgentMetrics.ActionCounts(0, 0, n, 0);
            case "REJECTED" -> new AgentMetrics.ActionCounts(0, 0, 0, n);
            default -> null;
        };
        return c == null || cut <= 4 ? java.util.Optional.empty() : java.util.Optional.of(Map.entry(type, c));
    }
}
