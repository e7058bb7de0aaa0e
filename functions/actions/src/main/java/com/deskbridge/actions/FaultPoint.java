package com.deskbridge.actions;

/**
 * A named point between two steps of the feed pipeline. Production passes {@link #NONE}; the crash tests throw here
 * to prove that a re-run after a failure at any point never sends an action twice.
 */
@FunctionalInterface
public interface FaultPoint {

    void reached(String step);

    FaultPoint NONE = step -> { };
}
