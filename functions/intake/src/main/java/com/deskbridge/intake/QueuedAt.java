package com.deskbridge.intake;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.Map;

/**
 * When the intake queue got a message: SQS's SentTimestamp, or for a message forwarded to the overflow queue the
 * time its first queue got it ({@link OverflowQueue#QUEUED_AT}). That attribute is believed only on the overflow
 * queue, which only the intake function can write to; on the intake queue anybody who may send could set it.
 */
final class QueuedAt {
    private QueuedAt() {
    }

    /** @param forwarded whether the record comes from the overflow queue */
    static Instant of(SQSEvent.SQSMessage record, boolean forwarded, Instant fallback) {
        if (forwarded && record.getMessageAttributes() != null) {
            SQSEvent.MessageAttribute first = record.getMessageAttributes().get(OverflowQueue.QUEUED_AT);
            Instant at = millis(first == null ? null : first.getStringValue());
            if (at != null) {
                return at;
            }
        }
        Map<String, String> attributes = record.getAttributes();
        Instant sent = millis(attributes == null ? null : attributes.get("SentTimestamp"));
        return sent != null ? sent : fallback;
    }

    private static Instant millis(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
