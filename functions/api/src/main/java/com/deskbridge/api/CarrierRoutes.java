package com.deskbridge.api;

import com.deskbridge.carriers.CarrierCredentials;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.domain.seller.CarrierConnection;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seller's own carrier accounts (onboarding): {@code PUT /sellers/{id}/carriers/{carrier}} (an operator, or a lead of
 * that seller) hands over one carrier's credentials, which are tried against the carrier and stored write-only
 * ({@link CarrierConnections}); {@code DELETE /sellers/{id}/carriers/{carrier}} (the same callers) removes them again;
 * {@code GET /sellers/{id}/carriers} (an operator, or the seller's own staff) lists every
 * carrier with whether the seller's own credentials are in use and the latest check. No answer ever holds a credential.
 */
final class CarrierRoutes {
    static final String PUT = "PUT /sellers/{id}/carriers/{carrier}";
    static final String DELETE = "DELETE /sellers/{id}/carriers/{carrier}";
    static final String LIST = "GET /sellers/{id}/carriers";
    static final List<Route> ROUTES = List.of(new Route(PUT, CarrierRoutes::connect), new Route(DELETE, CarrierRoutes::disconnect),
            new Route(LIST, CarrierRoutes::list));
    /** Routes an operator (a token without seller_id) may call. */
    static final Set<String> OPERATOR_ROUTE_KEYS = Set.of(PUT, DELETE, LIST);

    private CarrierRoutes() {
    }

    private static ApiResponse connect(Route.Call call) {
        SellerRegistration seller = SellerRoutes.visibleRegistration(call);
        TrackingUpstream upstream = managedCarrier(call, seller, "connect");
        JsonNode body = call.request().jsonObject(Set.copyOf(CarrierCredentials.ALL_FIELDS));
        Map<String, String> given = new LinkedHashMap<>();
        body.fields().forEachRemaining(f -> {
            if (!f.getValue().isTextual()) {
                throw new InvalidInputException(f.getKey(), "must be a string");
            }
            given.put(f.getKey(), f.getValue().textValue());
        });
        CarrierConnection c;
        try {
            c = call.app().carriers().get().connect(seller.seller(), upstream, given, call.request().agent());
        } catch (CarrierCredentials.InvalidCredentialsException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        } catch (CarrierConnections.Unreachable e) {
            throw new ApiProblem("carrier-unreachable", "The carrier could not be reached", 503,
                    e.getMessage() + "; nothing was stored, the credentials are untested: try again later");
        }
        return check(seller, c);
    }

    private static ApiResponse disconnect(Route.Call call) {
        SellerRegistration seller = SellerRoutes.visibleRegistration(call);
        TrackingUpstream upstream = managedCarrier(call, seller, "remove");
        return check(seller, call.app().carriers().get().disconnect(seller.seller(), upstream, call.request().agent()));
    }

    /**
     * The carrier named in the path, for an operator or the seller's lead (the only callers who manage accounts), within
     * the settings-change limits (a connection calls the carrier: nobody may try credentials at the API's pace).
     */
    private static TrackingUpstream managedCarrier(Route.Call call, SellerRegistration seller, String verb) {
        if (!call.request().roles().contains("operator") && !call.request().roles().contains("lead")) {
            throw ApiProblem.forbidden("only an operator or the seller's lead may " + verb + " its carrier accounts");
        }
        call.app().limits().check(ApiLimits.Kind.SETTINGS, seller.seller(), call.request().agent());
        return CarrierCredentials.upstream(call.request().pathParameter("carrier")).orElseThrow(CarrierRoutes::unknownCarrier);
    }

    private static ApiResponse check(SellerRegistration seller, CarrierConnection c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sellerId", seller.seller().value());
        out.putAll(json(c));
        return ApiResponse.ok(out);
    }

    private static ApiResponse list(Route.Call call) {
        SellerRegistration seller = SellerRoutes.visibleRegistration(call);
        Map<String, CarrierConnection> byCarrier = new LinkedHashMap<>();
        call.app().carriers().get().list(seller.seller()).forEach(c -> byCarrier.put(c.carrier(), c));
        List<Map<String, Object>> items = new ArrayList<>();
        for (TrackingUpstream u : TrackingUpstream.values()) {
            String key = CarrierSettings.key(u);
            CarrierConnection c = byCarrier.get(key);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("carrier", key);
            item.put("ownCredentials", c != null && c.stored());
            item.put("fields", CarrierCredentials.fields(u));
            if (c != null) {
                item.put("lastCheck", json(c));
            }
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sellerId", seller.seller().value());
        out.put("items", items);
        return ApiResponse.ok(out);
    }

    /** A check as the API shows it: carrier, status, when, who, and why the carrier refused (never a credential). */
    private static Map<String, Object> json(CarrierConnection c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("carrier", c.carrier());
        out.put("status", c.status().wire());
        out.put("checkedAt", c.checkedAt().toString());
        out.put("ownCredentials", c.stored());
        if (c.checkedBy() != null) {
            out.put("checkedBy", c.checkedBy());
        }
        if (c.reason() != null) {
            out.put("reason", c.reason());
        }
        return out;
    }

    private static ApiProblem unknownCarrier() {
        return new ApiProblem("carrier-not-found", "No such carrier", 404,
                "carriers are dhl, ups, fedex, usps, dpd and aggregator");
    }
}
