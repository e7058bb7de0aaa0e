package com.deskbridge.adapters.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Moves a poison message to the DLQ of its queue at once, unchanged, with the reason as a message attribute, so an
 * operator can read why, fix the cause and redrive it. (Waiting for maxReceiveCount would only retry what cannot
 * succeed; the queue's own redrive policy still catches messages that keep failing for transient reasons.)
 */
public final class DeadLetterQueue implements DeadLetterSink {
    public static final String REASON = "deskbridge-error-reason";
    public static final String SOURCE_MESSAGE_ID = "deskbridge-source-message-id";
    public static final String FAILED_AT = "deskbridge-failed-at";
    private static final int MAX_REASON = 1024;
    private static final int MAX_ATTRIBUTES = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public DeadLetterQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
    }

    @Override
    public void send(SQSEvent.SQSMessage message, String reason, Instant now) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(REASON, string(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
        attributes.put(SOURCE_MESSAGE_ID, string(message.getMessageId()));
        attributes.put(FAILED_AT, string(now.toString()));
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (attributes.size() < MAX_ATTRIBUTES && value.getStringValue() != null) {
                    attributes.putIfAbsent(name, MessageAttributeValue.builder()
                            .dataType(value.getDataType()).stringValue(value.getStringValue()).build());
                }
            });
        }
        sqs.sendMessage(SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(message.getBody() == null || message.getBody().isEmpty() ? "(empty body)" : message.getBody())
                .messageAttributes(attributes)
                .build());
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
