package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.deskbridge.adapters.aws.PrimingWrites;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.audit.AuditReport;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the scheduled compliance audit (template.yaml: AuditScheduleFunction, daily): audits every
 * seller whose audit settings make an audit due (the last full quarter, or month), once per period. The sellers come
 * from the audit copies' per-quarter markers, never from a table scan. Shares the API function's code: the same
 * audit service, compliance checker and settings.
 */
public final class AuditScheduleHandler implements RequestHandler<Map<String, Object>, Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AuditScheduleHandler.class);

    static {
        JsonLogging.install();
    }

    private final AuditService audits;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: the API function's composition root. */
    public AuditScheduleHandler() {
        this(new PrimingWrites());
    }

    private AuditScheduleHandler(PrimingWrites writes) {
        this(ApiApplication.of(ApiServices.fromEnvironment(writes)).audits());
        priming = SnapStartPriming.register(AuditScheduleHandler.class, () -> writes.during(this::prime),
                SnapStartPriming.WRITE_PATH_ROUNDS);
    }

    /**
     * SnapStart priming, with every write of the function's clients refused ({@link PrimingWrites}): the audit list of
     * the reserved seller, then the scheduled run's path - the look-up of the sellers with audit copies in the due
     * quarters, and the reserved seller's scheduled audit (no copies: the sample, the report and its JSON, offered to
     * the store, which DynamoDB refuses to keep).
     */
    void prime() {
        SellerId seller = new SellerId(SnapStartPriming.RESERVED_SELLER);
        audits.list(seller);
        audits.primeScheduled(seller);
    }

    AuditScheduleHandler(AuditService audits) {
        this.audits = audits;
    }

    @Override
    public Integer handleRequest(Map<String, Object> event, Context context) {
        List<AuditReport> ran = audits.runDue();
        ran.forEach(r -> LOG.info("scheduled audit {} period={} sampled={} compliantShare={} violations={}", r.id(),
                r.period(), r.sampled(), r.compliantShare(), r.violations().size()));
        LOG.info("scheduled audits: {} run", ran.size());
        return ran.size();
    }
}
