package com.deskbridge.localaws.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;

/**
 * One HttpApi route of the template, for the API Gateway emulator: which function serves it, what auth it needs,
 * and an invoker that runs the function through the same JSON path as Lambda (payload format 2.0).
 *
 * @param apiLogicalId the HttpApi it belongs to
 * @param method HTTP method or {@code ANY}
 * @param path route path, e.g. {@code /tickets/{id}}, or {@code $default}
 * @param functionLogicalId the function
 * @param eventName the function's event name
 * @param auth authorization required
 * @param invoker calls the function; a handler failure becomes API Gateway's 500
 *                {@code {"message":"Internal Server Error"}}
 */
public record HttpRoute(String apiLogicalId, String method, String path, String functionLogicalId, String eventName,
                        RouteAuth auth, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> invoker) {

    /** @return the route key, e.g. {@code GET /tickets/{id}} or {@code $default} */
    public String routeKey() {
        return path.equals("$default") ? "$default" : method + " " + path;
    }

    /**
     * @param event the request event
     * @return the function's response
     */
    public APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return invoker.apply(event);
    }
}
