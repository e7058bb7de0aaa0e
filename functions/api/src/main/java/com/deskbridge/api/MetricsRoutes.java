package com.deskbridge.api;

import com.deskbridge.domain.query.SlaMetricsQueries;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /metrics/sla} and {@code GET /metrics/sla/daily}: leads only. */
final class MetricsRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /metrics/sla", MetricsRoutes::live),
            new Route("GET /metrics/sla/daily", MetricsRoutes::daily));

    private MetricsRoutes() {
    }

    private static ApiResponse live(Route.Call call) {
        call.request().requireLead("see the SLA metrics");
        SlaMetricsQueries.Window window = call.app().metrics().report(call.seller(),
                call.request().instantQuery("from").orElse(null), call.request().instantQuery("to").orElse(null));
        return ApiResponse.ok(MetricsJson.report(window.from(), window.to(), window.report()));
    }

    private static ApiResponse daily(Route.Call call) {
        call.request().requireLead("see the SLA metrics");
        LocalDate to = call.request().query("to").map(d -> day(d, "to")).orElse(null);
        LocalDate from = call.request().query("from").map(d -> day(d, "from")).orElse(null);
        return ApiResponse.ok(MetricsJson.days(call.app().metrics().days(call.seller(), from, to)));
    }

    static LocalDate day(String raw, String field) {
        try {
            return LocalDate.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-21 (was '" + raw + "')");
        }
    }
}
