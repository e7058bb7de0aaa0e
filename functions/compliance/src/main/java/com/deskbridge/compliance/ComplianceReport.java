package com.deskbridge.compliance;

import java.util.List;

/**
 * The result of checking one outgoing message.
 *
 * @param blocked  true when at least one finding has {@link Severity#BLOCK}: the message must not be sent as is
 * @param findings every violation, body findings by offset first, then subject and attachment findings
 */
public record ComplianceReport(boolean blocked, List<Finding> findings) {
    public ComplianceReport {
        findings = List.copyOf(findings);
    }

    /** True when nothing at all was found. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** True when some finding has {@code rule}. */
    public boolean has(RuleId rule) {
        return findings.stream().anyMatch(f -> f.rule() == rule);
    }
}
