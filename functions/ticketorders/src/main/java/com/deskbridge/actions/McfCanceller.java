package com.deskbridge.actions;

import com.deskbridge.http.UpstreamException;
import com.deskbridge.spapi.SpApiClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Executes an MCF cancellation with Fulfillment Outbound cancelFulfillmentOrder (fulfillmentOutbound_2020-07-01.json), which Amazon
 * treats as idempotent for an already cancelled order, so running it twice (request path and submitter sweep) is
 * harmless. COMPLETED on success, FAILED with Amazon's text when refused; a transient failure leaves it QUEUED.
 */
final class McfCanceller {

    private final SpApiClient spApi;
    private final SellerAccounts accounts;
    private final ActionStore store;
    private final AuditTrail audit;
    private final Clock clock;

    McfCanceller(SpApiClient spApi, SellerAccounts accounts, ActionStore store, AuditTrail audit, Clock clock) {
        this.spApi = spApi;
        this.accounts = accounts;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    OrderAction execute(OrderAction action) {
        if (action.type() != ActionType.MCF_CANCELLATION || action.state() != ActionState.QUEUED) {
            return action;
        }
        ActionState to;
        String error = null;
        try {
            boolean known = spApi.fulfillmentOutbound().cancelFulfillmentOrder(accounts.account(action.sellerId()), action.orderId());
            to = known ? ActionState.COMPLETED : ActionState.FAILED;
            if (!known) {
                error = "Amazon does not know fulfilment order " + action.orderId();
            }
        } catch (UpstreamException e) {
            if (e.transientFailure()) {
                return action;
            }
            to = ActionState.FAILED;
            error = e.getMessage();
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("error", error);
        ActionState target = to;
        Optional<OrderAction> moved = store.transition(action, ActionStore.states(ActionState.QUEUED), target, null, fields, clock.instant());
        moved.ifPresent(a -> audit.record(a, AuditTrail.kindFor(target), clock.instant()));
        return moved.or(() -> store.get(action.sellerId(), action.ticketId(), action.actionId())).orElse(action);
    }
}
