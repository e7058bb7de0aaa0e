package com.deskbridge.intake;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.sqs.SqsBatch;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** {@link OverflowQueue} on SQS: SendMessageBatch, ten at a time; entries SQS refuses stay on the intake queue. */
final class SqsOverflowQueue implements OverflowQueue {
    private static final int MAX_ATTRIBUTES = 10;
    private final SqsClient sqs;
    private final String queueUrl;

    SqsOverflowQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
    }

    @Override
    public Set<String> forward(List<SQSEvent.SQSMessage> records) {
        Set<String> failed = new HashSet<>();
        for (int from = 0; from < records.size(); from += 10) {
            List<SQSEvent.SQSMessage> chunk = records.subList(from, Math.min(records.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(chunk.get(i).getBody())
                        .messageAttributes(attributes(chunk.get(i))).build());
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                response.failed().forEach(f -> failed.add(chunk.get(Integer.parseInt(f.id().substring(1))).getMessageId()));
            } catch (RuntimeException e) {
                chunk.forEach(r -> failed.add(r.getMessageId()));
            }
        }
        return failed;
    }

    private static Map<String, MessageAttributeValue> attributes(SQSEvent.SQSMessage record) {
        Map<String, MessageAttributeValue> out = new HashMap<>();
        out.put(QUEUED_AT, MessageAttributeValue.builder().dataType("Number")
                .stringValue(Long.toString(QueuedAt.of(record, false, java.time.Instant.now()).toEpochMilli())).build());
        // the overflow function logs under the intake message's own id, not the forwarded copy's
        out.put(Correlation.ATTRIBUTE, MessageAttributeValue.builder().dataType("String")
                .stringValue(SqsBatch.correlationId(record)).build());
        if (record.getMessageAttributes() != null) {
            record.getMessageAttributes().forEach((name, value) -> {
                if (out.size() < MAX_ATTRIBUTES && value.getStringValue() != null) {
                    out.putIfAbsent(name, MessageAttributeValue.builder().dataType(value.getDataType())
                            .stringValue(value.getStringValue()).build());
                }
            });
        }
        return out;
    }
}
