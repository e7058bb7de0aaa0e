package com.deskbridge.api;

import com.deskbridge.audit.AuditCheck;
import com.deskbridge.audit.AuditPeriod;
import com.deskbridge.audit.AuditReport;
import com.deskbridge.audit.AuditStore;
import com.deskbridge.audit.Audits;
import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.Finding;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.intent.Language;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compliance audit as the API and the schedule run it: {@link Audits} over the audit store, with the rules as
 * they are now (the compliance checker this function sends with, carrier links as the seller's reply settings allow
 * them) and the seller's audit settings.
 */
final class AuditService {
    private static final ComplianceChecker LINKS_ALLOWED = new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS);

    private final Audits audits;

    AuditService(AuditStore store, SettingsService settings, ComplianceChecker compliance, Clock clock) {
        this.audits = store == null ? null : new Audits(store, settings::auditSettings, copy -> {
            ComplianceChecker checker = settings.replySettings(copy.seller()).macroSettings().carrierLinksEnabled()
                    ? LINKS_ALLOWED : compliance;
            Language hint = copy.language() == null ? Language.UNKNOWN : Language.fromCode(copy.language());
            List<Finding> findings = checker.check(new OutgoingMessage(copy.text(), null, List.of(), hint)).findings();
            return findings.stream().map(f -> new AuditCheck.Found(f.rule().name(), f.start(), f.end(),
                    f.saferAlternative())).toList();
        }, clock);
        Objects.requireNonNull(clock);
    }

    private Audits audits() {
        if (audits == null) {
            throw new IllegalStateException("this composition has no audit store");
        }
        return audits;
    }

    Audits.Run run(SellerId seller, AuditPeriod period, String id, String trigger, String by) {
        return audits().run(seller, period, id, trigger, by);
    }

    Optional<AuditReport> find(SellerId seller, String id) {
        return audits().find(seller, id);
    }

    List<AuditReport> list(SellerId seller) {
        return audits().list(seller);
    }

    /** See {@link Audits#primeScheduled}: only with the store's writes refused. */
    AuditReport primeScheduled(SellerId seller) {
        return audits().primeScheduled(seller);
    }

    List<AuditReport> runDue() {
        return audits().runDue();
    }
}
