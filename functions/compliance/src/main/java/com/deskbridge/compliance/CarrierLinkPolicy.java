package com.deskbridge.compliance;

/** What the checker does with links to a carrier's tracking site. */
public enum CarrierLinkPolicy {
    /** Flag carrier links like any external link (safe default: Amazon often strips them). */
    BLOCK,
    /** Let links to the carriers of {@link DomainLists#KNOWN_CARRIERS} pass. */
    ALLOW_KNOWN_CARRIERS
}
