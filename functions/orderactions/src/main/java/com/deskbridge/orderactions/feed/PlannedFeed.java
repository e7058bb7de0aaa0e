package com.deskbridge.orderactions.feed;

import com.deskbridge.orderactions.FeedType;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.RefundCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feed to submit: one seller, one marketplace, one feed type, its actions numbered 1..n. The caller uploads
 * {@link #document()} (content type {@link FeedType#CONTENT_TYPE}), calls createFeed with {@link #feedType()} and
 * {@link #marketplaceId()}, stores the MessageID of each action, and later maps the processing report back with
 * {@link #outcomes(ProcessingReport)}.
 */
public record PlannedFeed(String sellerId, String marketplaceId, FeedType feedType, List<Numbered<PendingAction>> messages) {

    public PlannedFeed {
        messages = List.copyOf(messages);
        for (Numbered<PendingAction> m : messages) {
            var a = m.action().action();
            if (!a.sellerId().equals(sellerId) || !a.marketplaceId().equals(marketplaceId) || a.feedType() != feedType) {
                throw new IllegalArgumentException("action " + m.action().actionId() + " does not belong in this feed");
            }
        }
    }

    /** The feed XML: the seller id is the envelope's MerchantIdentifier. */
    public byte[] document() {
        return switch (feedType) {
            case POST_PAYMENT_ADJUSTMENT_DATA -> OrderAdjustmentFeed.buildNumbered(sellerId,
                    messages.stream().map(m -> new Numbered<>(m.messageId(), (RefundCommand) m.action().action())).toList());
            case POST_ORDER_ACKNOWLEDGEMENT_DATA -> OrderAcknowledgementFeed.buildNumbered(sellerId,
                    messages.stream().map(m -> new Numbered<>(m.messageId(), (OrderCancellationCommand) m.action().action())).toList());
        };
    }

    /** Each action's outcome by action id, in message order. */
    public Map<String, MessageOutcome> outcomes(ProcessingReport report) {
        Map<Long, MessageOutcome> byMessage = report.outcomes(messages.stream().map(Numbered::messageId).toList());
        Map<String, MessageOutcome> result = new LinkedHashMap<>();
        for (Numbered<PendingAction> m : messages) {
            result.put(m.action().actionId(), byMessage.get(m.messageId()));
        }
        return result;
    }
}
