package com.deskbridge.localaws.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/** Records every message; reports bodies starting with "fail" as batch item failures. */
public class BatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Recorder.record("batch-sizes", String.valueOf(event.getRecords().size()));
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            Recorder.record("batch", m.getBody());
            Recorder.record("batch-meta", m.getBody() + "|" + m.getEventSource() + "|" + m.getEventSourceArn() + "|"
                    + m.getAwsRegion() + "|" + m.getAttributes().get("ApproximateReceiveCount") + "|"
                    + (m.getAttributes().get("SentTimestamp") != null) + "|"
                    + (m.getMessageAttributes().containsKey("kind")
                    ? m.getMessageAttributes().get("kind").getStringValue() : "-") + "|" + m.getMd5OfBody());
            if (m.getBody().startsWith("fail")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
