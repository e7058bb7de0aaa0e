package com.deskbridge.logistics;

import java.util.Objects;

/**
 * A public tracking page for agents. {@code lowConfidence} marks links taken from secondary sources that may stop
 * working (Amazon Logistics, functions/carriers/README.md). Amazon's messaging rules block such links in buyer messages
 * (https://sellercentral.amazon.com/help/hub/reference/external/G200383320): they are for the agent's screen, not for replies.
 */
public record TrackingLink(String url, boolean lowConfidence) {
    public TrackingLink {
        Objects.requireNonNull(url, "url");
    }
}
