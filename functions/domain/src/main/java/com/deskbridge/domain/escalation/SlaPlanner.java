package com.deskbridge.domain.escalation;

import com.deskbridge.domain.ticket.InboundMessage;
import java.time.Instant;
import java.util.Map;

/** Works out the SLA timeline a buyer message starts: which milestones fall due when. */
@FunctionalInterface
public interface SlaPlanner {
    /** No timeline: the ticket is not indexed for the sweep. */
    SlaPlanner NONE = message -> Map.of();

    Map<Milestone, Instant> milestonesFor(InboundMessage message);
}
