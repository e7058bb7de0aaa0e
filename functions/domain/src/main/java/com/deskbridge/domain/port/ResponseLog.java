package com.deskbridge.domain.port;

import com.deskbridge.domain.sla.ResponseRecord;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;
import java.util.List;

/**
 * The seller's waiting periods (from the oldest unanswered buyer message to the agent's first reply) for the SLA
 * metrics: answered ones as recorded with the reply, and those still waiting.
 */
public interface ResponseLog {

    /** Waiting periods that began in [from, to), answered or not. */
    List<ResponseRecord> responses(SellerId seller, Instant from, Instant to, Instant now);
}
