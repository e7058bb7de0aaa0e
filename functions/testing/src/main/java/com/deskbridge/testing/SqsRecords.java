package com.deskbridge.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQS event records as Lambda's SQS event source hands them to a function, for the handlers' tests. */
public final class SqsRecords {
    private SqsRecords() {
    }

    /** A record on its {@code receiveCount}th delivery (SQS's ApproximateReceiveCount). */
    public static SQSEvent.SQSMessage record(String messageId, String body, int receiveCount) {
        return record(messageId, body, receiveCount, null);
    }

    /** ... that the queue got at {@code sent} (SQS's SentTimestamp; null: not given). */
    public static SQSEvent.SQSMessage record(String messageId, String body, int receiveCount, Instant sent) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(messageId);
        m.setBody(body);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("ApproximateReceiveCount", Integer.toString(receiveCount));
        if (sent != null) {
            attributes.put("SentTimestamp", Long.toString(sent.toEpochMilli()));
        }
        m.setAttributes(attributes);
        m.setEventSource("aws:sqs");
        return m;
    }

    /** The record carrying a correlation id as the sending function sets it (message attribute deskbridge-correlation-id). */
    public static SQSEvent.SQSMessage correlated(SQSEvent.SQSMessage record, String correlationId) {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType("String");
        a.setStringValue(correlationId);
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        if (record.getMessageAttributes() != null) {
            attributes.putAll(record.getMessageAttributes());
        }
        attributes.put("deskbridge-correlation-id", a);
        record.setMessageAttributes(attributes);
        return record;
    }

    public static SQSEvent event(SQSEvent.SQSMessage... records) {
        return event(List.of(records));
    }

    public static SQSEvent event(List<SQSEvent.SQSMessage> records) {
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }
}
