package com.deskbridge.api;

import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.audit.AuditCsv;
import com.deskbridge.audit.AuditPeriod;
import com.deskbridge.audit.AuditReport;
import com.deskbridge.audit.Audits;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compliance audit, for leads only: {@code GET|PUT /audit-settings} (schedule, sample size, the seller's own
 * rules), {@code POST /audits} (an audit now, once per Idempotency-Key; the period defaults to the last full
 * quarter), {@code GET /audits}, {@code GET /audits/{id}} and {@code GET /audits/{id}/csv}.
 */
final class AuditRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /audit-settings", AuditRoutes::settings),
            new Route("PUT /audit-settings", AuditRoutes::saveSettings),
            new Route("POST /audits", AuditRoutes::run),
            new Route("GET /audits", AuditRoutes::list),
            new Route("GET /audits/{id}", AuditRoutes::report),
            new Route("GET /audits/{id}/csv", AuditRoutes::csv));

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Pattern AUDIT_ID = Pattern.compile("au[0-9a-z]{1,13}");
    private static final String LEADS = "read or run compliance audits";

    private AuditRoutes() {
    }

    private static ApiResponse settings(Route.Call call) {
        call.request().requireLead(LEADS);
        return body(call.app().settings().read(call.seller(), SellerSetting.AUDIT_SETTINGS));
    }

    private static ApiResponse saveSettings(Route.Call call) {
        call.request().requireLead("change the audit settings");
        call.app().limits().check(ApiLimits.Kind.SETTINGS, call.seller(), call.request().agent());
        return body(call.app().settings().save(call.seller(), SellerSetting.AUDIT_SETTINGS, call.request().rawBody(),
                call.request().agent()));
    }

    private static ApiResponse body(SettingsService.Stored stored) {
        return ApiResponse.ok(Map.of("default", stored.isDefault(), "auditSettings", stored.document()));
    }

    /** 201 with the report; 200 with the same report when the Idempotency-Key ran it before. */
    private static ApiResponse run(Route.Call call) {
        call.request().requireLead(LEADS);
        String key = call.request().header("Idempotency-Key").orElseThrow(() -> new InvalidInputException(
                "Idempotency-Key", "header is required: one key per audit, reused on retries and double clicks"));
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 8 to 128 letters, digits or . _ : -");
        }
        AuditPeriod period = period(call);
        Audits.Run run = call.app().audits().run(call.seller(), period, Audits.onDemandId(call.seller(), key),
                Audits.ON_DEMAND, call.request().agent());
        AuditReport report = run.report();
        if (!report.from().equals(period.from().toString()) || !report.to().equals(period.to().toString())) {
            throw new ApiProblem("idempotency-key-reused", "Idempotency-Key already used for another request", 422,
                    "this key ran audit " + report.id() + " over " + report.period() + "; use a new key for another period",
                    "Idempotency-Key", Map.of("auditId", report.id()));
        }
        return ApiResponse.json(run.created() ? 201 : 200, report);
    }

    /** {"from": "2026-07-01", "to": "2026-10-01"} (to exclusive), both optional together; default the last full quarter. */
    private static AuditPeriod period(Route.Call call) {
        String raw = call.request().rawBody();
        if (raw == null || raw.isBlank()) {
            return AuditPeriod.lastFullQuarter(call.app().clock().instant());
        }
        JsonNode body = call.request().jsonObject(Set.of("from", "to"));
        if (!body.has("from") && !body.has("to")) {
            return AuditPeriod.lastFullQuarter(call.app().clock().instant());
        }
        LocalDate from = date(body, "from");
        LocalDate to = date(body, "to");
        LocalDate tomorrow = LocalDate.ofInstant(call.app().clock().instant(), java.time.ZoneOffset.UTC).plusDays(1);
        if (to.isAfter(tomorrow)) {
            throw new InvalidInputException("to", "must not be after " + tomorrow + " (nothing was sent later)");
        }
        try {
            return new AuditPeriod(from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("to", e.getMessage());
        }
    }

    private static LocalDate date(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(field, "is required with " + (field.equals("from") ? "to" : "from")
                    + ": a date like 2026-07-01");
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 2026-07-01");
        }
    }

    /** The seller's audits, newest first, as summaries. */
    private static ApiResponse list(Route.Call call) {
        call.request().requireLead(LEADS);
        List<Map<String, Object>> audits = call.app().audits().list(call.seller()).stream().map(AuditRoutes::summary).toList();
        return ApiResponse.ok(Map.of("audits", audits));
    }

    private static Map<String, Object> summary(AuditReport r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", r.id());
        s.put("period", r.period());
        s.put("from", r.from());
        s.put("to", r.to());
        s.put("trigger", r.trigger());
        s.put("requestedBy", r.requestedBy());
        s.put("createdAt", r.createdAt());
        s.put("population", r.population());
        s.put("sampled", r.sampled());
        s.put("compliantShare", r.compliantShare());
        s.put("violations", r.violations().size());
        return s;
    }

    private static AuditReport find(Route.Call call) {
        call.request().requireLead(LEADS);
        String id = call.request().pathParameter("id");
        return (id != null && AUDIT_ID.matcher(id).matches() ? call.app().audits().find(call.seller(), id)
                : java.util.Optional.<AuditReport>empty()).orElseThrow(() -> new ApiProblem("audit-not-found",
                "Audit not found", 404, "no audit " + id + " for this seller"));
    }

    private static ApiResponse report(Route.Call call) {
        return ApiResponse.ok(find(call));
    }

    private static ApiResponse csv(Route.Call call) {
        AuditReport report = find(call);
        return new ApiResponse(200, "text/csv; charset=utf-8", AuditCsv.of(report), Map.of("content-disposition",
                "attachment; filename=\"audit-" + report.id() + "-" + report.period().replace("..", "_") + ".csv\""));
    }
}
