package com.deskbridge.localaws.events;

import com.deskbridge.localaws.template.RuleSpec;
import com.deskbridge.localaws.template.TemplateException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * Matches events against the rules of their bus with Amazon's event-ruler (one {@link Machine} per bus).
 */
public final class EventRouter {
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, RuleSpec> rules = new LinkedHashMap<>();

    /**
     * @param buses names of the buses that exist ({@code default} included)
     * @param rules pattern rules; disabled ones are kept but never match
     */
    public EventRouter(Set<String> buses, List<RuleSpec> rules) {
        for (String bus : buses) {
            machines.put(bus, new Machine());
        }
        for (RuleSpec rule : rules) {
            if (rule.eventPattern() == null) {
                continue;
            }
            Machine machine = machines.get(rule.eventBusName());
            if (machine == null) {
                throw new TemplateException("rule " + rule.id() + ": event bus " + rule.eventBusName() + " does not exist");
            }
            this.rules.put(rule.id(), rule);
            if (!rule.enabled()) {
                continue;
            }
            try {
                machine.addRule(rule.id(), rule.eventPattern().toString());
            } catch (IOException | RuntimeException e) {
                throw new TemplateException("rule " + rule.id() + ": event pattern " + rule.eventPattern()
                        + " is not valid: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param bus bus name
     * @return whether the bus exists
     */
    public boolean hasBus(String bus) {
        return machines.containsKey(bus);
    }

    /**
     * @param bus bus the event was put on
     * @param envelope the EventBridge event envelope
     * @return the enabled rules of that bus matching the event
     */
    public List<RuleSpec> match(String bus, JsonNode envelope) {
        Machine machine = machines.get(bus);
        if (machine == null) {
            return List.of();
        }
        List<RuleSpec> out = new ArrayList<>();
        try {
            for (String id : machine.rulesForJSONEvent(envelope.toString())) {
                out.add(rules.get(id));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("event cannot be matched: " + e.getMessage(), e);
        }
        return out;
    }
}
