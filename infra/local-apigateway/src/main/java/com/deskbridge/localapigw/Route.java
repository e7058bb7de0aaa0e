package com.deskbridge.localapigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;

/** One configured route: its key ("GET /tickets/{id}" or "$default"), handler and authorization. */
record Route(String method, RouteTemplate template, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
             RouteAuth auth) {

    static final String DEFAULT_KEY = "$default";
    static final String ANY = "ANY";

    boolean isDefault() {
        return template == null;
    }

    String routeKey() {
        return isDefault() ? DEFAULT_KEY : method + " " + template.path();
    }
}
