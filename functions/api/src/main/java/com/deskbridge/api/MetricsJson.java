package com.deskbridge.api;

import com.deskbridge.domain.sla.ResponseReport;
import com.deskbridge.domain.sla.ResponseStats;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of the SLA metrics report; durations in whole seconds. */
final class MetricsJson {
    private MetricsJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stats(int messages, int answered, int pending, int answeredWithin24h, int breaches, Double shareWithin24h,
                 Long averageFirstResponseSeconds, Long p90FirstResponseSeconds) {
    }

    record Report(String from, String to, Stats overall, Map<String, Stats> byChannel, Map<String, Stats> byAgent) {
    }

    record Day(String day, Stats overall, Map<String, Stats> byChannel, Map<String, Stats> byAgent) {
    }

    record Days(java.util.List<Day> days) {
    }

    static Days days(java.util.List<com.deskbridge.domain.port.SlaMetricsArchive.DailyReport> stored) {
        return new Days(stored.stream().map(d -> {
            Report r = report(Instant.EPOCH, Instant.EPOCH, d.report());
            return new Day(d.day().toString(), r.overall(), r.byChannel(), r.byAgent());
        }).toList());
    }

    static Report report(Instant from, Instant to, ResponseReport report) {
        Map<String, Stats> channels = new LinkedHashMap<>();
        report.byChannel().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> channels.put(e.getKey().wireName(), stats(e.getValue())));
        Map<String, Stats> agents = new LinkedHashMap<>();
        report.byAgent().forEach((agent, s) -> agents.put(agent, stats(s)));
        return new Report(from.toString(), to.toString(), stats(report.overall()), channels, agents);
    }

    private static Stats stats(ResponseStats s) {
        return new Stats(s.messages(), s.answered(), s.pending(), s.answeredWithin24h(), s.breaches(),
                s.shareWithin24h().isPresent() ? s.shareWithin24h().getAsDouble() : null,
                s.averageFirstResponse().map(Duration::toSeconds).orElse(null),
                s.p90FirstResponse().map(Duration::toSeconds).orElse(null));
    }
}
