package com.deskbridge.enrichment;

import java.util.List;

/** Port: puts logistics domain events on the bus; throws when any of them was not accepted (they stay in the outbox). */
@FunctionalInterface
public interface LogisticsEventPublisher {

    void publish(List<LogisticsEvent> events);
}
