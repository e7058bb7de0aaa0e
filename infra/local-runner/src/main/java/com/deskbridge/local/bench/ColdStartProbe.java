package com.deskbridge.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * Runs in a fresh JVM started by {@link Benchmarks}. Like the Lambda runtime, it instantiates the handler named on
 * the command line by reflection (no-arg constructor, configuration from the environment), hands it one
 * {@code GET /tickets/{id}}, prints the status and exits.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    /** The baseline: a handler in the same jar set that answers without doing any work. */
    public static final class TrivialHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
        }
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws ReflectiveOperationException {
        long mainStarted = System.nanoTime();
        String handlerClass = args[0];
        String seller = args[1];
        String ticketId = args[2];
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(handlerClass)
                        .getDeclaredConstructor().newInstance();
        long constructed = System.nanoTime();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /tickets/{id}")
                .withRawPath("/tickets/" + ticketId)
                .withPathParameters(Map.of("id", ticketId))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("cold-start-probe")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("seller_id", seller)).build())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        long answered = System.nanoTime();
        System.out.println("PHASES " + (constructed - mainStarted) + " " + (answered - constructed));
        System.out.println("ANSWERED " + response.getStatusCode());
        System.out.flush();
        System.exit(0);
    }
}
