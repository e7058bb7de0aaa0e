package com.deskbridge.api;

import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON shape of compliance findings: what the agent sees next to the text. */
final class ComplianceJson {
    private ComplianceJson() {
    }

    /** {@code start}/{@code end} are character offsets into the text (absent for attachment or subject findings). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FindingJson(String ruleId, String severity, Integer start, Integer end, String excerpt, String message,
                       String suggestion) {
    }

    record ReportJson(boolean blocked, List<FindingJson> findings) {
    }

    static ReportJson report(ComplianceReport report) {
        return new ReportJson(report.blocked(), findings(report));
    }

    static List<FindingJson> findings(ComplianceReport report) {
        return report.findings().stream().map(ComplianceJson::finding).toList();
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule().name(), f.severity().name(), f.inBody() ? f.start() : null,
                f.inBody() ? f.end() : null, f.matched(), f.explanation(), f.saferAlternative());
    }
}
