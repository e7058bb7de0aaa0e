package com.deskbridge.localaws.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Records scheduled events (typed, through aws-lambda-java-serialization). */
public class ScheduledHandler implements RequestHandler<ScheduledEvent, String> {
    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        Recorder.record("scheduled", event.getSource() + "|" + event.getDetailType() + "|" + event.getResources());
        return "ok";
    }
}
