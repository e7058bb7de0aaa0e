package com.deskbridge.localapigw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Selects the route for a request with API Gateway HTTP API precedence. */
final class RouteTable {

    private static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", Route.ANY);

    /** A selected route with its decoded path parameters. */
    record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;
    private final Route defaultRoute;

    private RouteTable(List<Route> routes, Route defaultRoute) {
        this.routes = routes;
        this.defaultRoute = defaultRoute;
    }

    static RouteTable of(List<Route> configured) {
        List<Route> sorted = new ArrayList<>();
        Route defaultRoute = null;
        Set<String> keys = new java.util.HashSet<>();
        for (Route r : configured) {
            if (!keys.add(r.routeKey())) {
                throw new IllegalArgumentException("duplicate route: " + r.routeKey());
            }
            if (r.isDefault()) {
                defaultRoute = r;
            } else {
                sorted.add(r);
            }
        }
        sorted.sort(Comparator.<Route, RouteTemplate>comparing(Route::template, RouteTemplate::compareSpecificity)
                .thenComparing(r -> r.method().equals(Route.ANY)));
        return new RouteTable(List.copyOf(sorted), defaultRoute);
    }

    static String normaliseMethod(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new IllegalArgumentException("unsupported route method: " + method);
        }
        return m;
    }

    Optional<Match> select(String method, String rawPath) {
        for (Route r : routes) {
            if (r.method().equals(method) || r.method().equals(Route.ANY)) {
                Optional<Map<String, String>> params = r.template().match(rawPath);
                if (params.isPresent()) {
                    return Optional.of(new Match(r, params.get()));
                }
            }
        }
        return Optional.ofNullable(defaultRoute).map(r -> new Match(r, Map.of()));
    }
}
