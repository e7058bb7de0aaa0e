package com.deskbridge.adapters.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;

/** Where a poison SQS message goes, with the reason it can never succeed. In AWS: {@link DeadLetterQueue}. */
@FunctionalInterface
public interface DeadLetterSink {

    void send(SQSEvent.SQSMessage message, String reason, Instant at);
}
