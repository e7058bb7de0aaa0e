package com.deskbridge.actions;

/**
 * What a lead's approval or rejection of a refund produced ({@link OrderActions#approve}, {@link OrderActions#reject}):
 * {@link Decided} (also when this lead had already made the same decision: {@code replayed}), {@link NotFound},
 * {@link SecondPersonRequired} (the lead asked for the refund), {@link NotAwaiting} (decided otherwise already, or the
 * action never needed approval).
 */
public sealed interface ApprovalResult permits ApprovalResult.Decided, ApprovalResult.NotFound, ApprovalResult.SecondPersonRequired, ApprovalResult.NotAwaiting {

    record Decided(OrderAction action, boolean replayed) implements ApprovalResult {
    }

    record NotFound(String actionId) implements ApprovalResult {
    }

    record SecondPersonRequired(OrderAction action) implements ApprovalResult {
    }

    record NotAwaiting(OrderAction action) implements ApprovalResult {
    }
}
