package com.deskbridge.actions;

import com.deskbridge.adapters.logging.Correlation;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link SubmitTrigger} on the SQS actions queue: the message names only the seller. */
public final class SqsSubmitTrigger implements SubmitTrigger {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSubmitTrigger(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void actionQueued(String sellerId) {
        String body = CommandJson.JSON.createObjectNode().put("sellerId", sellerId).toString();
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body)
                .messageAttributes(Correlation.attributes())); // the actions function logs under the request's id
    }
}
