package com.deskbridge.localaws.sqs;

import com.deskbridge.localaws.lambda.LambdaFunction;
import com.deskbridge.localaws.lambda.LambdaInvocationException;
import com.deskbridge.localaws.template.FunctionEventSpec;
import com.deskbridge.localaws.template.TemplateException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.event.ruler.Machine;

/**
 * One SQS event source mapping: polls a queue, invokes the function with an SQSEvent shaped like Lambda's and
 * deletes what succeeded. A handler that throws leaves the whole batch on the queue (it comes back after the
 * visibility timeout and ElasticMQ moves it to the DLQ after maxReceiveCount). With ReportBatchItemFailures only
 * the reported messages stay; an empty or unknown itemIdentifier fails the whole batch, as in Lambda. Messages
 * that do not match FilterCriteria are deleted without invoking the function, as in Lambda.
 */
public final class SqsEventSourcePoller implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int WAIT_SECONDS = 1;

    private final FunctionEventSpec.Sqs source;
    private final LambdaFunction function;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final PrintStream log;
    private final Machine filter;
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param source the SQS event of the function
     * @param function the function to invoke
     * @param queueUrl queue URL
     * @param queueArn queue ARN (eventSourceARN)
     * @param region awsRegion of the records
     * @param sqs SQS client
     * @param log where failures go
     */
    public SqsEventSourcePoller(FunctionEventSpec.Sqs source, LambdaFunction function, String queueUrl,
                                String queueArn, String region, SqsClient sqs, PrintStream log) {
        this.source = source;
        this.function = function;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.log = log;
        this.filter = source.filterPatterns().isEmpty() ? null : filterMachine(source);
    }

    private Machine filterMachine(FunctionEventSpec.Sqs spec) {
        Machine machine = new Machine();
        for (int i = 0; i < spec.filterPatterns().size(); i++) {
            try {
                machine.addRule("filter-" + i, spec.filterPatterns().get(i));
            } catch (Exception e) {
                throw new TemplateException(function.spec().logicalId() + "." + spec.name()
                        + ": FilterCriteria pattern is not valid: " + e.getMessage(), e);
            }
        }
        return machine;
    }

    /** Starts polling on its own daemon thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "local-sqs-" + function.spec().logicalId() + "-" + source.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the function this source feeds */
    public LambdaFunction function() {
        return function;
    }

    /** @return the event source */
    public FunctionEventSpec.Sqs source() {
        return source;
    }

    /** @return number of batches handed to the function so far */
    public long batchesInvoked() {
        return batches.get();
    }

    private void loop() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty() && running) {
                    process(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.println("[local-aws] poller " + source.name() + " of " + function.spec().logicalId()
                            + " failed: " + e);
                    sleepQuietly(500);
                }
            }
        }
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long deadline = System.currentTimeMillis() + source.maximumBatchingWindowInSeconds() * 1000L;
        do {
            int max = Math.min(10, source.batchSize() - batch.size());
            ReceiveMessageResponse response = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds(WAIT_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"));
            for (Message m : response.messages()) {
                // A message whose visibility expired while the window was open comes back: keep one copy, with the
                // newest receipt handle (Lambda never hands a function the same message twice in one batch).
                batch.removeIf(seen -> seen.messageId().equals(m.messageId()));
                batch.add(m);
            }
            if (batch.isEmpty()) {
                return batch;
            }
        } while (running && batch.size() < source.batchSize() && System.currentTimeMillis() < deadline);
        return batch;
    }

    /**
     * Invokes the function with one batch and settles it on the queue.
     *
     * @param batch received messages
     */
    void process(List<Message> batch) {
        List<Message> selected = new ArrayList<>();
        List<Message> filteredOut = new ArrayList<>();
        for (Message m : batch) {
            (matchesFilter(m) ? selected : filteredOut).add(m);
        }
        delete(filteredOut);
        if (selected.isEmpty()) {
            return;
        }
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        selected.forEach(m -> records.add(record(m)));
        batches.incrementAndGet();
        String response;
        try {
            response = function.invoke(event.toString());
        } catch (LambdaInvocationException e) {
            log.println("[local-aws] " + function.spec().logicalId() + " failed on a batch of " + selected.size()
                    + " from " + queueArn + "; the messages return after the visibility timeout: " + e.getMessage());
            return;
        }
        if (!source.reportBatchItemFailures()) {
            delete(selected);
            return;
        }
        Set<String> failed = failedIds(response, selected);
        if (failed == null) {
            log.println("[local-aws] " + function.spec().logicalId() + " returned an invalid batch response, the whole"
                    + " batch counts as failed: " + response);
            return;
        }
        delete(selected.stream().filter(m -> !failed.contains(m.messageId())).toList());
    }

    /** @return ids reported as failed; null when the response fails the whole batch */
    private static Set<String> failedIds(String response, List<Message> batch) {
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        if (response == null || response.isBlank() || response.equals("null")) {
            return Set.of();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(response);
        } catch (Exception e) {
            return null;
        }
        JsonNode failures = node.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode f : failures) {
            String id = f.path("itemIdentifier").asText("");
            if (id.isEmpty() || !ids.contains(id)) {
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    private boolean matchesFilter(Message m) {
        if (filter == null) {
            return true;
        }
        ObjectNode candidate = record(m);
        try {
            JsonNode body = MAPPER.readTree(m.body());
            if (body != null && body.isObject()) {
                candidate.set("body", body);
            }
        } catch (Exception e) {
            // a body that is not JSON is matched as a plain string, as Lambda does
        }
        try {
            return !filter.rulesForJSONEvent(candidate.toString()).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private ObjectNode record(Message m) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("messageId", m.messageId());
        r.put("receiptHandle", m.receiptHandle());
        r.put("body", m.body());
        ObjectNode attributes = r.putObject("attributes");
        for (Map.Entry<String, String> a : m.attributesAsStrings().entrySet()) {
            attributes.put(a.getKey(), a.getValue());
        }
        attributes.putIfAbsent("SenderId", MAPPER.getNodeFactory().textNode("000000000000"));
        ObjectNode messageAttributes = r.putObject("messageAttributes");
        for (Map.Entry<String, MessageAttributeValue> a : m.messageAttributes().entrySet()) {
            MessageAttributeValue v = a.getValue();
            ObjectNode value = messageAttributes.putObject(a.getKey());
            if (v.stringValue() != null) {
                value.put("stringValue", v.stringValue());
            }
            if (v.binaryValue() != null) {
                value.put("binaryValue", Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
            }
            value.putArray("stringListValues");
            value.putArray("binaryListValues");
            value.put("dataType", v.dataType());
        }
        r.put("md5OfBody", m.md5OfBody());
        if (m.md5OfMessageAttributes() != null) {
            r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
        }
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", queueArn);
        r.put("awsRegion", region);
        return r;
    }

    private void delete(List<Message> messages) {
        for (int i = 0; i < messages.size(); i += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
            for (int j = 0; j < chunk.size(); j++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + j)
                        .receiptHandle(chunk.get(j).receiptHandle()).build());
            }
            var response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                log.println("[local-aws] could not delete " + response.failed() + " from " + queueUrl);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; waits for a running invocation to finish (bounded). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(15_000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
