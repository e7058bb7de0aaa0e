package com.deskbridge.audit;

import java.util.List;

/**
 * The messaging rules as they are now (the compliance checker with its current models), applied to an audit copy.
 * The seller's own rules ({@link AuditSettings.SellerRule}) are added by {@link Audits}.
 */
@FunctionalInterface
public interface AuditCheck {

    List<Found> check(AuditCopy copy);

    /**
     * One finding in a copy's text.
     *
     * @param rule        the rule's stable id (the checker's rule ids, {@code SELLER:<id>} for the seller's own)
     * @param start       offset in the copy's text, -1 when the finding has no position
     * @param alternative what to write instead, null when none is known
     */
    record Found(String rule, int start, int end, String alternative) {
    }
}
