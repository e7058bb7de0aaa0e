package com.deskbridge.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every route of the API function, in one place. openapi.yaml and template.yaml name exactly these (OpenApiContractTest).
 */
final class RouteTable {
    private static final Map<String, Route> ROUTES = index(Stream.of(TicketRoutes.ROUTES, ContextRoutes.ROUTES,
            ActionRoutes.ROUTES, MacroRoutes.ROUTES, SuggestionRoutes.ROUTES, ReviewRoutes.ROUTES, AgentMetricsRoutes.ROUTES,
            SettingsRoutes.ROUTES, MetricsRoutes.ROUTES, CollaborationRoutes.ROUTES, InboxRoutes.ROUTES, SellerRoutes.ROUTES,
            AuditRoutes.ROUTES, AmazonRoutes.ROUTES, TranslationRoutes.ROUTES, EbayRoutes.ROUTES, CarrierRoutes.ROUTES,
            ShopifyWebhookRoutes.ROUTES)
            .flatMap(List::stream).toList());

    private RouteTable() {
    }

    static Optional<Route> find(String key) {
        return Optional.ofNullable(ROUTES.get(key));
    }

    static java.util.Set<String> keys() {
        return ROUTES.keySet();
    }

    private static Map<String, Route> index(List<Route> routes) {
        Map<String, Route> byKey = new LinkedHashMap<>();
        for (Route route : routes) {
            if (byKey.put(route.key(), route) != null) {
                throw new IllegalStateException("route " + route.key() + " is registered twice");
            }
        }
        return java.util.Collections.unmodifiableMap(byKey);
    }
}
