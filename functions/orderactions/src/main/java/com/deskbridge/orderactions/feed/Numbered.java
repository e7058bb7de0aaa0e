package com.deskbridge.orderactions.feed;

/** An action with the MessageID it carries in its feed, so a processing report can be mapped back to it. */
public record Numbered<T>(long messageId, T action) {
    public Numbered {
        if (messageId < 1) {
            throw new IllegalArgumentException("MessageID must be positive: " + messageId);
        }
    }
}
