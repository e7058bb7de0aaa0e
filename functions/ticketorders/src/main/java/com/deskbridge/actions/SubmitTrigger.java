package com.deskbridge.actions;

/**
 * Tells the feed submitter that a seller has a new queued action (the SQS "actions" queue), so the agent sees
 * "submitted" within seconds; the 1-minute schedule catches anything a lost trigger leaves behind.
 */
@FunctionalInterface
public interface SubmitTrigger {

    void actionQueued(String sellerId);

    SubmitTrigger NONE = sellerId -> { };
}
