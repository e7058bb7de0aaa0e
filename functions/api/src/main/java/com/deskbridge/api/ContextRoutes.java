package com.deskbridge.api;

import java.util.List;
import java.util.Map;

/** The ticket's actions, evidence (and A-to-z export), tracking refresh and the lead's audit export. */
final class ContextRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /tickets/{id}/actions", call -> ApiResponse.ok(Map.of("actions", call.app().views().actions(call.ticket())))),
            new Route("GET /tickets/{id}/actions/{actionId}", call -> ApiResponse.ok(call.app().views().action(call.ticket(),
                    call.request().pathParameter("actionId")))),
            new Route("GET /tickets/{id}/evidence", call -> ApiResponse.ok(call.app().views().evidence(call.ticket(),
                    call.request().query("format").filter("claim"::equals).isPresent()))),
            new Route("POST /tickets/{id}/tracking/refresh", call -> {
                call.app().limits().check(ApiLimits.Kind.TRACKING, call.seller(), call.request().agent());
                TicketViews.Refreshed r = call.app().views().refresh(call.ticket());
                return ApiResponse.json(r.status(), r.body());
            }),
            new Route("GET /tickets/{id}/audit", call -> {
                call.request().requireLead("export a ticket's audit record");
                return ApiResponse.ok(call.app().views().audit(call.ticket(), call.seller(), call.app().clock().instant()));
            }));

    private ContextRoutes() {
    }
}
