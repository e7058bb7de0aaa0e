package com.deskbridge.domain.intake;

import com.deskbridge.domain.ticket.InboundMessage;

/** Classifies a buyer message and plans its SLA timeline (intent detection, tags, deadlines). */
@FunctionalInterface
public interface MessageTriage {
    MessageTriage NONE = message -> Triage.NONE;

    Triage triage(InboundMessage message);
}
