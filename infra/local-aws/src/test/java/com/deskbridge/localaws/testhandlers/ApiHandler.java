package com.deskbridge.localaws.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** Reads its configuration in the constructor, as real handlers do, and echoes it. */
public class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final String table = System.getProperty("TABLE");
    private final String dynamoEndpoint = System.getProperty("AWS_ENDPOINT_URL_DYNAMODB");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRawPath().equals("/boom")) {
            throw new IllegalArgumentException("boom");
        }
        String id = event.getPathParameters() == null ? "-" : event.getPathParameters().get("id");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody(id + "|" + table + "|" + (dynamoEndpoint != null) + "|"
                        + (context.getRemainingTimeInMillis() > 0) + "|" + context.getFunctionName())
                .build();
    }
}
