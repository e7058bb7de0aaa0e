package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.domain.ticket.SellerId;

/**
 * A relay e-mail refused before or while it was parsed for breaking a limit (hostile or broken MIME): poison like any
 * other, and a security event for the seller it was sent to.
 */
final class RelayMailRefused extends PoisonMessageException {
    private static final long serialVersionUID = 1L;
    private final transient SellerId seller;
    private final String limit;

    RelayMailRefused(SellerId seller, String limit, String reason, Throwable cause) {
        super(reason, cause);
        this.seller = seller;
        this.limit = limit;
    }

    SellerId seller() {
        return seller;
    }

    String limit() {
        return limit;
    }
}
