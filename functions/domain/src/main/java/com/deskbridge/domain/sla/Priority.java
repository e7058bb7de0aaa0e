package com.deskbridge.domain.sla;

/** A ticket's priority, lowest first. SLA escalation only ever raises it ({@link #max}). */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** The higher of the two. */
    public Priority max(Priority other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
