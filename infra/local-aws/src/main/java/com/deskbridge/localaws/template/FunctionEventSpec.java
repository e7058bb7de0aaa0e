package com.deskbridge.localaws.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An event source of a serverless function ({@code Events} entry). */
public sealed interface FunctionEventSpec {

    /** @return the event's name within the function */
    String name();

    /**
     * {@code Type: HttpApi}.
     *
     * @param name event name
     * @param apiLogicalId logical id of the HttpApi ({@code ServerlessHttpApi} for the implicit API)
     * @param method HTTP method, upper case, or {@code ANY}
     * @param path route path, or {@code $default}
     * @param authorizer authorizer named on the route, {@code NONE}, or null for the API default
     * @param authorizationScopes scopes required on the route
     * @param payloadFormatVersion payload format (2.0 unless set)
     */
    record HttpApi(String name, String apiLogicalId, String method, String path, String authorizer,
                   List<String> authorizationScopes, String payloadFormatVersion) implements FunctionEventSpec {
    }

    /**
     * {@code Type: SQS}.
     *
     * @param name event name
     * @param queueLogicalId logical id of the queue (from {@code !GetAtt Queue.Arn})
     * @param batchSize BatchSize (default 10)
     * @param maximumBatchingWindowInSeconds MaximumBatchingWindowInSeconds (default 0)
     * @param reportBatchItemFailures whether FunctionResponseTypes contains ReportBatchItemFailures
     * @param enabled Enabled (default true)
     * @param filterPatterns FilterCriteria.Filters[].Pattern as JSON strings (empty = no filtering)
     */
    record Sqs(String name, String queueLogicalId, int batchSize, int maximumBatchingWindowInSeconds,
               boolean reportBatchItemFailures, boolean enabled, List<String> filterPatterns)
            implements FunctionEventSpec {
    }

    /**
     * {@code Type: Schedule} or {@code Type: ScheduleV2}.
     *
     * @param name event name
     * @param expression rate(...), cron(...) or at(...)
     * @param timezone ScheduleExpressionTimezone (ScheduleV2), or null for UTC
     * @param enabled whether the schedule runs (Enabled / State)
     * @param input configured Input JSON, or null for the default scheduled event
     * @param v2 true for ScheduleV2 (EventBridge Scheduler)
     */
    record Schedule(String name, String expression, String timezone, boolean enabled, String input, boolean v2)
            implements FunctionEventSpec {
    }

    /**
     * {@code Type: EventBridgeRule} or {@code Type: CloudWatchEvent}.
     *
     * @param name event name
     * @param pattern event pattern
     * @param eventBusName bus name ({@code default} unless set)
     * @param enabled whether the rule is enabled
     * @param input configured Input JSON, or null
     * @param inputPath configured InputPath, or null
     */
    record EventBridgeRule(String name, JsonNode pattern, String eventBusName, boolean enabled, String input,
                           String inputPath) implements FunctionEventSpec {
    }
}
