package com.deskbridge.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.api.TicketApiHandler;
import java.util.Map;

/**
 * Runs in a fresh JVM started by {@link Benchmarks}: builds one handler the way the Lambda runtime does (no-arg
 * constructor, configuration from the environment), answers one {@code GET /tickets/{id}}, prints the status and
 * exits. {@code trivial} answers the same event with a handler that does no work, on the same classpath.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    /** The baseline: a handler that answers without touching anything. */
    public static final class TrivialHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
        }
    }

    public static void main(String[] args) {
        String mode = args[0];
        String seller = args[1];
        String ticketId = args[2];
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                "api".equals(mode) ? new TicketApiHandler() : new TrivialHandler();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /tickets/{id}")
                .withRawPath("/tickets/" + ticketId)
                .withPathParameters(Map.of("id", ticketId))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("cold-start-probe")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of(TicketApiHandler.SELLER_CLAIM, seller)).build())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        System.out.println("ANSWERED " + response.getStatusCode());
        System.out.flush();
        System.exit(0);
    }
}
