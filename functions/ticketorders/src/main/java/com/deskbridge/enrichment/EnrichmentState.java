package com.deskbridge.enrichment;

/**
 * Where a ticket's enrichment stands, shown to the agent so that a failure is never silent (issue 4).
 * PARTIAL: the order is known but some tracking could not be read now (quota, unknown number); the detail says
 * which and when it will be tried again.
 */
public enum EnrichmentState {
    PENDING, COMPLETE, PARTIAL, RETRYING, FAILED
}
