package com.deskbridge.domain.intake;

import com.deskbridge.domain.sla.MilestoneKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What intake works out about a buyer message before storing it.
 *
 * @param intent        the detected intent's wire name (e.g. {@code WHERE_IS_MY_ORDER}); null when not classified
 * @param tags          tags from the intent and the seller's rules
 * @param slaMilestones the SLA timeline this message starts if the ticket is not already waiting for a reply
 * @param language      the detected language of the message (ISO 639-1 code such as "de"); null when unknown
 * @param confidence    the intent's calibrated probability in [0, 1]; null when not classified
 * @param needsTriage   true when the intent is too uncertain to trust: a person should look (the ticket carries
 *                      the reserved tag {@code needs-triage})
 */
public record Triage(String intent, List<String> tags, Map<MilestoneKind, Instant> slaMilestones, String language,
                     Double confidence, boolean needsTriage) {
    /** Nothing known: no intent, no tags, no timeline. */
    public static final Triage NONE = new Triage(null, List.of(), Map.of(), null, null, false);

    public Triage(String intent, List<String> tags, Map<MilestoneKind, Instant> slaMilestones) {
        this(intent, tags, slaMilestones, null, null, false);
    }

    /** The milestones that are response deadlines (not warnings or urgency marks). */
    public static final java.util.Set<MilestoneKind> DEADLINES = java.util.EnumSet.of(
            MilestoneKind.TARGET_DUE, MilestoneKind.MARKETPLACE_DUE, MilestoneKind.CANCELLATION_DUE);

    /** The earliest response deadline this message sets, if any: the open queue is ordered by it. */
    public java.util.Optional<Instant> responseDue() {
        return slaMilestones.entrySet().stream().filter(e -> DEADLINES.contains(e.getKey()))
                .map(Map.Entry::getValue).min(Instant::compareTo);
    }

    public Triage {
        tags = List.copyOf(tags);
        slaMilestones = Map.copyOf(slaMilestones);
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }
}
