package com.deskbridge.localaws.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Records, then throws. */
public class ThrowingHandler implements RequestHandler<SQSEvent, Void> {
    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        event.getRecords().forEach(m -> Recorder.record("throwing", m.getBody()));
        throw new IllegalStateException("poison message");
    }
}
