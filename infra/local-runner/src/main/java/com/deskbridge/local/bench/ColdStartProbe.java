package com.deskbridge.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs in a fresh JVM started by {@link ColdStarts}, on the function's own jar. Like the Lambda runtime, it
 * instantiates the handler named on the command line by reflection (no-arg constructor, configuration from the
 * environment) and hands it events of the handler's type, built by hand from a fixture file (one event per line), so
 * that no JSON library is loaded before the handler loads its own.
 *
 * <p>{@code fresh}: construct, answer one event, print the phases (what a cold start without SnapStart costs).
 * {@code primed}: construct, run the handler's SnapStart priming, answer one event, then {@value #NEXT} more, print the
 * first against the median of the rest (what a request right after a SnapStart restore costs).
 *
 * <p>usage: ColdStartProbe fresh|primed HANDLER_CLASS FIXTURE_FILE OFFSET EVENT_CLASS|-
 */
public final class ColdStartProbe {
    static final int NEXT = 100;

    private ColdStartProbe() {
    }

    /** The baseline: a handler in the same jar set that answers any event without doing any work. */
    public static final class TrivialHandler implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object event, com.amazonaws.services.lambda.runtime.Context context) {
            return event instanceof APIGatewayV2HTTPEvent
                    ? APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build() : null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long mainStarted = System.nanoTime();
        String mode = args[0];
        Class<?> type = Class.forName(args[1]);
        List<String> fixture = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        int offset = Integer.parseInt(args[3]);
        Class<?> eventType = eventType(type, args[4]);
        RequestHandler handler = (RequestHandler) type.getDeclaredConstructor().newInstance();
        long constructed = System.nanoTime();
        if (mode.equals("fresh")) {
            System.out.println("MARK FIRST-START");
            Object answer = handler.handleRequest(event(eventType, fixture, offset), null);
            long answered = System.nanoTime();
            System.out.println("MARK FIRST-END");
            check(answer);
            System.out.println("PHASES " + (constructed - mainStarted) + " " + (answered - constructed));
        } else {
            prime(handler);
            long primed = System.nanoTime();
            List<Object> events = new ArrayList<>();
            for (int i = 0; i <= NEXT; i++) {
                events.add(event(eventType, fixture, offset + i));
            }
            System.out.println("MARK PRIMED-FIRST-START");
            long firstStart = System.nanoTime();
            Object firstAnswer = handler.handleRequest(events.get(0), null);
            long first = System.nanoTime() - firstStart;
            System.out.println("MARK PRIMED-FIRST-END");
            check(firstAnswer);
            long[] next = new long[NEXT];
            Object lastAnswer = null;
            for (int i = 1; i <= NEXT; i++) {
                long start = System.nanoTime();
                lastAnswer = handler.handleRequest(events.get(i), null);
                next[i - 1] = System.nanoTime() - start;
                check(lastAnswer);
            }
            // a schedule's run answers what it did: the first and the following runs need not have the same work;
            // the second request tells first use (paid once) from code not compiled yet (paid over many requests)
            StringBuilder following = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                following.append(String.format(java.util.Locale.ROOT, i == 0 ? "%.1f" : " %.1f", next[i] / 1e6));
            }
            System.out.println("ANSWERS first=" + summary(firstAnswer) + " last=" + summary(lastAnswer)
                    + "; requests 2-13: " + following + " ms");
            Arrays.sort(next);
            System.out.println("PRIMED " + (constructed - mainStarted) + " " + (primed - constructed) + " " + first + " "
                    + (next[NEXT / 2 - 1] + next[NEXT / 2]) / 2);
        }
        System.out.println("ANSWERED ok");
        System.out.flush();
        System.exit(0);
    }

    /** What SnapStart's before-checkpoint hook runs: the handler's SnapStartPriming, or its own CRaC resource hook. */
    private static void prime(Object handler) throws ReflectiveOperationException {
        for (Field f : handler.getClass().getDeclaredFields()) {
            if (f.getType().getSimpleName().equals("SnapStartPriming")) {
                f.setAccessible(true);
                Object priming = f.get(handler);
                Object report = priming.getClass().getMethod("prime").invoke(priming);
                Object failure = report.getClass().getMethod("failure").invoke(report);
                if (failure != null) {
                    throw new IllegalStateException("priming failed: " + failure);
                }
                return;
            }
        }
        if (handler instanceof org.crac.Resource resource) {
            try {
                resource.beforeCheckpoint(null);
            } catch (Exception e) {
                throw new IllegalStateException("priming failed", e);
            }
        }
    }

    private static String summary(Object answer) {
        if (answer instanceof APIGatewayV2HTTPResponse r) {
            return Integer.toString(r.getStatusCode());
        }
        String text = String.valueOf(answer);
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    /** A failed invocation must not pass for a fast one. */
    private static void check(Object answer) {
        if (answer instanceof APIGatewayV2HTTPResponse r && r.getStatusCode() >= 400) {
            throw new IllegalStateException("answered " + r.getStatusCode() + ": " + r.getBody());
        }
        if (answer instanceof com.amazonaws.services.lambda.runtime.events.SQSBatchResponse r
                && r.getBatchItemFailures() != null && !r.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("batch item failures: " + r.getBatchItemFailures().size());
        }
    }

    /** The event type the handler declares (the trivial baseline is told the function's). */
    private static Class<?> eventType(Class<?> handler, String declared) throws ClassNotFoundException {
        if (!declared.equals("-")) {
            return Class.forName(declared);
        }
        for (Method m : handler.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[0] != Object.class) {
                return m.getParameterTypes()[0];
            }
        }
        return Map.class;
    }

    private static Object event(Class<?> type, List<String> fixture, int index) {
        String line = fixture.get(index % fixture.size());
        if (type == APIGatewayV2HTTPEvent.class) {
            String[] p = line.split(" ");
            return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /tickets/{id}")
                    .withRawPath("/tickets/" + p[1]).withPathParameters(Map.of("id", p[1]))
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("cold-start-" + index)
                            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                            .withClaims(Map.of("seller_id", p[0], "sub", "bench-agent",
                                                    "token_use", "access", "cognito:groups", "[agent]")).build())
                                    .build())
                            .build())
                    .build();
        }
        if (type == SQSEvent.class) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("cold-start-" + index + "-" + System.nanoTime());
            message.setBody(line);
            message.setAttributes(Map.of("ApproximateReceiveCount", "1",
                    "SentTimestamp", Long.toString(System.currentTimeMillis())));
            message.setEventSource("aws:sqs");
            message.setAwsRegion("eu-west-1");
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));
            return event;
        }
        if (type == ScheduledEvent.class) {
            ScheduledEvent event = new ScheduledEvent();
            event.setSource("aws.events");
            event.setDetailType("Scheduled Event");
            event.setRegion("eu-west-1");
            return event;
        }
        if (line.startsWith("cognito ")) {
            String seller = line.substring("cognito ".length());
            Map<String, Object> attributes = new LinkedHashMap<>(Map.of("sub", "bench-agent-" + index,
                    "custom:seller_id", seller));
            return new LinkedHashMap<>(Map.of("version", "2", "triggerSource", "TokenGeneration_HostedAuth",
                    "userPoolId", "eu-west-1_UserPool", "userName", "bench-agent-" + index,
                    "request", Map.of("userAttributes", attributes,
                            "groupConfiguration", Map.of("groupsToOverride", List.of("agent")),
                            "scopes", List.of("openid", "email", "profile")),
                    "response", new LinkedHashMap<>()));
        }
        return new LinkedHashMap<>(Map.of("source", "aws.events", "detail-type", "Scheduled Event"));
    }
}
