package com.deskbridge.audit;

import com.deskbridge.domain.ticket.SellerId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where audit copies and audit reports are kept. */
public interface AuditStore {

    /** Keeps the copy once: recording the same reply again (a redelivered send) changes nothing. */
    void record(AuditCopy copy);

    /** The seller's sent replies in the period, without their texts (the sampler's population). */
    List<AuditCopy.SentReply> sent(SellerId seller, AuditPeriod period);

    /** The copies of these replies, in any order. */
    List<AuditCopy> copies(SellerId seller, List<AuditCopy.SentReply> replies);

    /** The sellers with at least one copy in the quarter (the schedule's sellers; never a table scan). */
    Set<SellerId> sellersWithCopies(String quarterKey);

    /** Stores the report unless one with its id exists; true when stored. */
    boolean save(SellerId seller, AuditReport report);

    Optional<AuditReport> report(SellerId seller, String id);

    /** The seller's reports, newest first. */
    List<AuditReport> reports(SellerId seller);
}
