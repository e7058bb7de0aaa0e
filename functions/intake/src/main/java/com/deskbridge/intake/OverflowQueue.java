package com.deskbridge.intake;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Set;

/** Where intake puts messages of a seller over its share (template.yaml: IntakeOverflowQueue). */
public interface OverflowQueue {
    /** Message attribute carrying when the intake queue first got a forwarded message (epoch millis). */
    String QUEUED_AT = "deskbridge-queued-at";

    /**
     * Hands the records over unchanged (body and message attributes), each with {@link #QUEUED_AT}.
     *
     * @return the message ids of the records that could not be handed over (they stay on the intake queue)
     */
    Set<String> forward(List<SQSEvent.SQSMessage> records);
}
