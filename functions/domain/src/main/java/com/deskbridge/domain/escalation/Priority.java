package com.deskbridge.domain.escalation;

/** A ticket's priority. Escalation only ever raises it. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    public Priority atLeast(Priority other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
