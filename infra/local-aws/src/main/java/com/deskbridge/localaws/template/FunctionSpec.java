package com.deskbridge.localaws.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in.
 *
 * @param logicalId logical id in the template
 * @param functionName FunctionName, or the logical id
 * @param handler Handler as written, {@code pkg.Class::method}
 * @param handlerClass class part of the handler
 * @param handlerMethod method part of the handler, or null when the handler names only a class
 * @param runtime Runtime, may be null
 * @param timeoutSeconds Timeout (default 3)
 * @param memorySize MemorySize (default 128)
 * @param environment Environment.Variables, unresolved (intrinsics are resolved by the stack)
 * @param events the function's event sources
 */
public record FunctionSpec(String logicalId, String functionName, String handler, String handlerClass,
                           String handlerMethod, String runtime, int timeoutSeconds, int memorySize,
                           Map<String, JsonNode> environment, List<FunctionEventSpec> events) {

    /**
     * @param type event class
     * @param <T> event type
     * @return the events of that type
     */
    public <T extends FunctionEventSpec> List<T> eventsOfType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
