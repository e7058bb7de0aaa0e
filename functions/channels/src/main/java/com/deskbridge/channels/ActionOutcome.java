package com.deskbridge.channels;

import java.util.Objects;

/**
 * What a channel made of a refund or cancellation. {@link Done}: the channel completed it ({@code repeated} when an
 * earlier attempt with the same idempotency key had already done it, so nothing was sent this time);
 * {@link Pending}: accepted, the result comes later ({@link OrderActionGateway#confirm}); {@link Rejected}: refused
 * for good, with the channel's code and words. Transient failures are exceptions
 * ({@link ChannelUnavailableException}), never an outcome.
 */
public sealed interface ActionOutcome permits ActionOutcome.Done, ActionOutcome.Pending, ActionOutcome.Rejected {

    /** The channel's id of the refund or cancellation, when it gave one. */
    String externalId();

    record Done(String externalId, String detail, boolean repeated) implements ActionOutcome {
        public Done {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** {@code kind} says what to confirm: {@code refund} or {@code cancellation}. */
    record Pending(String externalId, String kind, String detail) implements ActionOutcome {
        public Pending {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    record Rejected(String externalId, String code, String reason) implements ActionOutcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
