package com.deskbridge.actions;

import com.deskbridge.orderactions.Violation;
import java.util.List;

/**
 * What a refund or cancellation request produced, for the API to map to HTTP (see the module report):
 * {@link Accepted} 202 (also for a replayed key), {@link Rejected} with {@link Violation#status} (404/409/422),
 * {@link KeyReused} 422, {@link TicketNotFound} 404, {@link InvalidKey} 400, {@link NotConnected} 409.
 */
public sealed interface ActionResult permits ActionResult.Accepted, ActionResult.Rejected, ActionResult.KeyReused,
        ActionResult.TicketNotFound, ActionResult.InvalidKey, ActionResult.NotConnected, ActionResult.CapExceeded {

    /** The action exists; {@code replayed} when this key had already produced it (double click, retried call). */
    record Accepted(OrderAction action, boolean replayed) implements ActionResult {
    }

    /** Validation against the live order failed; nothing was stored. */
    record Rejected(List<Violation> violations) implements ActionResult {
        public Rejected {
            violations = List.copyOf(violations);
        }

        public int status() {
            return Violation.status(violations);
        }
    }

    /** The Idempotency-Key was already used for a different request (other payload or ticket). */
    record KeyReused(String existingActionId) implements ActionResult {
    }

    /** The ticket does not exist for this seller (another seller's ticket looks exactly like this). */
    record TicketNotFound(String ticketId) implements ActionResult {
    }

    /**
     * Amazon cannot be asked for this seller: no SP-API authorisation is stored, or the seller revoked it
     * (Login with Amazon {@code invalid_grant}). Nothing was stored; the seller must connect the account.
     */
    record NotConnected(String detail) implements ActionResult {
    }

    /**
     * The refund would take the agent over the seller's daily cap (count or amount); nothing was stored.
     *
     * @param capCount  the day's count cap (0: none)
     * @param usedCount refunds the agent already requested today
     * @param capAmount the day's amount cap in {@code currency}, or null
     * @param usedAmount what the agent already refunded today in {@code currency}
     * @param resetsAt  when the day (UTC) ends
     */
    record CapExceeded(String detail, int capCount, long usedCount, String capAmount, String usedAmount, String currency,
                       java.time.Instant resetsAt) implements ActionResult {
    }

    /** The Idempotency-Key header is missing or malformed. */
    record InvalidKey(String detail) implements ActionResult {
    }
}
