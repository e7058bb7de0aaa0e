package com.deskbridge.audit;

import java.util.List;

/**
 * One audit's result. Times are ISO-8601 strings (UTC), dates ISO dates, so the report keeps as JSON as it is.
 *
 * @param trigger        {@code on-demand} or {@code scheduled}
 * @param requestedBy    the lead who asked for it; null for scheduled runs
 * @param from           first day of the period (inclusive)
 * @param to             day after the period (exclusive)
 * @param population     sent replies in the period (with an audit copy)
 * @param compliantShare compliant / sampled, 1.0 for an empty sample
 * @param templatesToFix macros whose replies broke a rule: "fix this template"
 * @param trend          the seller's earlier audits, oldest first, and this one last
 */
public record AuditReport(String id, String sellerId, String trigger, String requestedBy, String period, String from,
                          String to, String createdAt, int population, int sampled, int compliant, double compliantShare,
                          List<AuditSample.Stratum> strata, List<Violation> violations, List<TemplateFix> templatesToFix,
                          List<TrendPoint> trend) {

    public AuditReport {
        strata = List.copyOf(strata);
        violations = List.copyOf(violations);
        templatesToFix = List.copyOf(templatesToFix);
        trend = List.copyOf(trend);
    }

    /**
     * One rule broken by one sampled reply.
     *
     * @param start       offset of the finding in the audit copy's text (-1 without a position)
     * @param excerpt     the words around it, from the redacted copy (no buyer data)
     * @param alternative what to write instead, null when none is known
     */
    public record Violation(String messageKey, String ticketId, String agentId, String source, String macroId,
                            String channel, String language, String sentAt, String rule, int start, int end,
                            String excerpt, String alternative) {
    }

    /** A macro whose replies broke rules, with the rules and what to write instead. */
    public record TemplateFix(String macroId, int violations, List<String> rules, List<String> alternatives) {
        public TemplateFix {
            rules = List.copyOf(rules);
            alternatives = List.copyOf(alternatives);
        }
    }

    /** One audit in the seller's trend. */
    public record TrendPoint(String auditId, String period, String createdAt, int sampled, double compliantShare,
                             int violations) {
    }

    public TrendPoint point() {
        return new TrendPoint(id, period, createdAt, sampled, compliantShare, violations.size());
    }
}
