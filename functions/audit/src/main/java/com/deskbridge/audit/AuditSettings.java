package com.deskbridge.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A seller's audit settings (a lead sets them): how often the scheduled audit runs, how many sent replies it samples,
 * and the seller's own rules, which the audit checks on top of Amazon's (a phrase the seller no longer wants in
 * replies, with what to write instead).
 */
public record AuditSettings(Schedule schedule, int sampleSize, List<SellerRule> rules) {
    public static final int MIN_SAMPLE = 1;
    public static final int MAX_SAMPLE = 500;
    public static final int MAX_RULES = 50;
    public static final AuditSettings DEFAULT = new AuditSettings(Schedule.QUARTERLY, 50, List.of());

    public AuditSettings {
        Objects.requireNonNull(schedule, "schedule");
        if (sampleSize < MIN_SAMPLE || sampleSize > MAX_SAMPLE) {
            throw new IllegalArgumentException("sampleSize must be " + MIN_SAMPLE + " to " + MAX_SAMPLE);
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** How often the scheduled audit runs. */
    public enum Schedule {
        QUARTERLY("quarterly"), MONTHLY("monthly"), OFF("off");

        private final String wireName;

        Schedule(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Schedule> fromWire(String wire) {
            for (Schedule s : values()) {
                if (s.wireName.equals(wire)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /** The period a scheduled run at {@code now} audits; empty when the seller turned scheduled audits off. */
        public Optional<AuditPeriod> lastFullPeriod(Instant now) {
            return switch (this) {
                case QUARTERLY -> Optional.of(AuditPeriod.lastFullQuarter(now));
                case MONTHLY -> Optional.of(AuditPeriod.lastFullMonth(now));
                case OFF -> Optional.empty();
            };
        }
    }

    /**
     * A seller's own rule: replies must not contain {@code phrase} (case-insensitive, whole words).
     *
     * @param id          stable, shown as the violated rule ({@code SELLER:<id>})
     * @param alternative what to write instead; null when the seller gave none
     */
    public record SellerRule(String id, String phrase, String alternative) {
        public SellerRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(phrase, "phrase");
        }
    }
}
