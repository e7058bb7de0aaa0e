package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** An agent who has a ticket open right now, and what they do: until {@code until}, unless they say so again. */
public record Presence(String agentId, Activity activity, Instant since, Instant until) {
    public Presence {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(until, "until");
    }

    /** What the agent is doing with the ticket. */
    public enum Activity {
        VIEWING, REPLYING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws InvalidInputException naming {@code field} */
        public static Activity parse(String value, String field) {
            for (Activity a : values()) {
                if (a.wireName().equals(value)) {
                    return a;
                }
            }
            throw new InvalidInputException(field, "must be viewing or replying (was '" + value + "')");
        }
    }
}
