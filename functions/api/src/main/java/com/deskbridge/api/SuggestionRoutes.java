package com.deskbridge.api;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.assistant.Acceptance;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /tickets/{id}/suggestions} (agents and leads) and {@code GET /metrics/suggestions} (leads). */
final class SuggestionRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /tickets/{id}/suggestions", SuggestionRoutes::suggestions),
            new Route("GET /metrics/suggestions", SuggestionRoutes::acceptance));

    private SuggestionRoutes() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reason(String intent, Double confidence, boolean needsTriage, String why, List<String> dataUsed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuggestionJson(String id, String macroId, String macroName, String language, String text, boolean sendable,
                          Reason reason, List<String> missing, String waitingFor, ComplianceJson.ReportJson compliance) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuggestionsJson(String ticketId, String intent, String buyerLanguage, List<SuggestionJson> items) {
    }

    record AcceptanceJson(String from, String to, List<Acceptance.Line> byMacro, List<Acceptance.Line> byIntent,
                          Acceptance.Line overall) {
    }

    private static ApiResponse suggestions(Route.Call call) {
        SuggestionService.Suggestions s = call.app().suggestions().suggest(call.seller(), call.ticket());
        return ApiResponse.ok(new SuggestionsJson(call.ticketId().value(), s.intent(), s.buyerLanguage(),
                s.items().stream().map(i -> new SuggestionJson(i.id(), i.macroId(), i.macroName(), i.language(), i.text(),
                        i.sendable(), new Reason(s.intent(), s.confidence(), s.needsTriage(), i.why(), i.dataUsed()),
                        i.missing(), i.waitingFor(), i.compliance() == null ? null : ComplianceJson.report(i.compliance())))
                        .toList()));
    }

    /** Shown, used and edited per macro and per intent for the UTC days from {@code from} to {@code to}. */
    private static ApiResponse acceptance(Route.Call call) {
        call.request().requireLead("see the suggestion figures");
        Period p = Period.of(call);
        AgentCounters counters = call.app().counters();
        List<Acceptance.Counts> rows = counters.suggestionDays(call.seller(), p.from(), p.to()).stream()
                .map(d -> new Acceptance.Counts(d.macroId(), d.intent(), d.shown(), d.used(), d.edited(),
                        Math.max(0, d.shown() - d.used() - d.edited())))
                .toList();
        Acceptance.Report report = Acceptance.report(rows);
        return ApiResponse.ok(new AcceptanceJson(p.from().toString(), p.to().toString(), report.byMacro(), report.byIntent(), report.overall()));
    }

    /** A report's UTC days: {@code from} and {@code to} (dates, both included), by default the last 30 days. */
    record Period(LocalDate from, LocalDate to) {
        /** The longest period: the first-response records' limit. */
        static final int MAX_DAYS = 92;

        static Period of(Route.Call call) {
            LocalDate today = LocalDate.ofInstant(call.app().clock().instant(), java.time.ZoneOffset.UTC);
            LocalDate to = call.request().query("to").map(d -> MetricsRoutes.day(d, "to")).orElse(today);
            LocalDate from = call.request().query("from").map(d -> MetricsRoutes.day(d, "from")).orElse(to.minusDays(29));
            if (from.isAfter(to)) {
                throw new com.deskbridge.domain.ticket.InvalidInputException("from", "must not be after to");
            }
            if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
                throw new com.deskbridge.domain.ticket.InvalidInputException("to", "a report covers at most " + MAX_DAYS + " days");
            }
            return new Period(from, to);
        }
    }
}
