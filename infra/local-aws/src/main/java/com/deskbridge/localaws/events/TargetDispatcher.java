package com.deskbridge.localaws.events;

import com.deskbridge.localaws.lambda.LambdaFunction;
import com.deskbridge.localaws.template.RuleSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delivers an event (EventBridge envelope or scheduled event) to a rule target: invokes a function, or sends the
 * event to a queue. Input replaces the event; InputPath selects part of it ({@code $}, {@code $.a.b}).
 */
public final class TargetDispatcher {
    private final Function<String, LambdaFunction> functions;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls;
    private final PrintStream log;

    /**
     * @param functions function logical id to function
     * @param sqs SQS client for queue targets
     * @param queueUrls queue logical id to URL
     * @param log where delivery failures are reported
     */
    public TargetDispatcher(Function<String, LambdaFunction> functions, SqsClient sqs, Map<String, String> queueUrls,
                            PrintStream log) {
        this.functions = functions;
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.log = log;
    }

    /**
     * Checks an InputPath without an event.
     *
     * @param inputPath path such as {@code $.detail}
     * @throws IllegalArgumentException when it is not a simple dotted path
     */
    public static void validateInputPath(String inputPath) {
        if (inputPath != null && !inputPath.matches("\\$(\\.[A-Za-z0-9_-]+)*")) {
            throw new IllegalArgumentException("InputPath " + inputPath
                    + " is not supported locally (only $ and $.field.field paths are)");
        }
    }

    /**
     * @param target the target
     * @param event the event as it would be sent without Input/InputPath
     * @return the payload the target receives
     */
    public static String payload(RuleSpec.Target target, JsonNode event) {
        if (target.input() != null) {
            return target.input();
        }
        if (target.inputPath() != null) {
            validateInputPath(target.inputPath());
            JsonNode node = event;
            for (String part : target.inputPath().substring(1).split("\\.")) {
                if (!part.isEmpty()) {
                    node = node.path(part);
                }
            }
            return node.isMissingNode() ? "null" : node.toString();
        }
        return event.toString();
    }

    /**
     * Delivers synchronously.
     *
     * @param source rule or schedule id (for logs)
     * @param target the target
     * @param event the event
     * @return the function response JSON, or the SQS message id for queue targets
     */
    public String deliver(String source, RuleSpec.Target target, JsonNode event) {
        String payload = payload(target, event);
        if (target.kind() == RuleSpec.TargetKind.FUNCTION) {
            LambdaFunction function = functions.apply(target.logicalId());
            return function.invoke(payload);
        }
        String url = queueUrls.get(target.logicalId());
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(url).messageBody(payload);
        if (url.endsWith(".fifo")) {
            request.messageGroupId(target.messageGroupId() == null ? source : target.messageGroupId())
                    .messageDeduplicationId(event.path("id").asText(UUID.randomUUID().toString()));
        }
        return sqs.sendMessage(request.build()).messageId();
    }

    /**
     * Delivers and reports failures to the log instead of throwing (EventBridge delivery is asynchronous).
     *
     * @param source rule or schedule id
     * @param target the target
     * @param event the event
     */
    public void deliverQuietly(String source, RuleSpec.Target target, JsonNode event) {
        try {
            deliver(source, target, event);
        } catch (RuntimeException e) {
            log.println("[local-aws] delivery from " + source + " to " + target.logicalId() + " failed: " + e);
        }
    }
}
