package com.deskbridge.actions;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Where poison SQS messages go, with the reason, so one bad message never blocks its batch. */
@FunctionalInterface
public interface DeadLetters {

    void send(String body, String reason);

    Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    DeadLetters LOG_ONLY = (body, reason) -> LOG.error("poison message dropped: {}", reason);

    /** The function's SQS dead-letter queue; the reason travels as the {@code reason} message attribute. */
    record Sqs(SqsClient sqs, String queueUrl) implements DeadLetters {
        @Override
        public void send(String body, String reason) {
            sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of("reason",
                    MessageAttributeValue.builder().dataType("String").stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason).build())));
        }
    }
}
