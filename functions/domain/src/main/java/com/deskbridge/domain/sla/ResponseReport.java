package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ResponseStats} overall, per channel (channels with records only) and per agent (records with an agent
 * only, sorted by agent id).
 */
public record ResponseReport(ResponseStats overall, Map<Channel, ResponseStats> byChannel,
        Map<String, ResponseStats> byAgent) {
    public ResponseReport {
        byChannel = Map.copyOf(byChannel);
        byAgent = Collections.unmodifiableMap(new TreeMap<>(byAgent));
    }
}
