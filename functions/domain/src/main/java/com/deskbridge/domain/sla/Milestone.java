package com.deskbridge.domain.sla;

import java.time.Instant;
import java.util.Objects;

/** One milestone of a {@link SlaTimeline}: what happens, and when. */
public record Milestone(MilestoneKind kind, Instant at) {
    public Milestone {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
