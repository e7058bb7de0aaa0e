package com.deskbridge.domain.escalation;

import java.util.List;

/** Publishes domain events to the project's event bus. Throws when any of them was not accepted. */
public interface EventPublisher {
    void publish(List<DomainEvent> events);
}
