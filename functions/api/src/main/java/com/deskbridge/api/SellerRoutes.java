package com.deskbridge.api;

import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /sellers} (operators only: the {@code operator} group) registers a seller with its marketplaces, SP-API
 * region, time zone and mail alias; {@code GET /sellers/{id}} shows a registration to an operator or to the seller's
 * own agents. An alias is one seller's only: a second registration with it is a 409 and writes nothing.
 */
final class SellerRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("POST /sellers", SellerRoutes::register),
            new Route("GET /sellers/{id}", SellerRoutes::show));
    /** These routes take tokens without a seller_id (operators'); {@link Route.Call#seller()} is then null. */
    static final Set<String> ROUTE_KEYS = Set.of("POST /sellers", "GET /sellers/{id}");
    private static final Set<String> MEMBERS = Set.of("sellerId", "marketplaces", "region", "timeZone", "mailAlias");

    private SellerRoutes() {
    }

    private static ApiResponse register(Route.Call call) {
        requireOperator(call.request(), "register a seller");
        JsonNode body = call.request().jsonObject(MEMBERS);
        String id = ApiRequest.text(body, "sellerId", true);
        SellerId seller;
        try {
            seller = new SellerId(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sellerId", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        SellerRegistration registration = new SellerRegistration(seller, marketplaces(body),
                ApiRequest.text(body, "region", true), ApiRequest.text(body, "timeZone", true),
                ApiRequest.text(body, "mailAlias", true), call.app().clock().instant(), call.request().agent());
        try {
            call.app().sellers().register(registration);
        } catch (SellerRegistry.SellerConflictException e) {
            throw new ApiProblem("seller-conflict", "Seller or mail alias taken", 409, e.getMessage());
        }
        return ApiResponse.json(201, json(registration));
    }

    private static ApiResponse show(Route.Call call) {
        SellerRegistration registration = visibleRegistration(call);
        Map<String, Object> out = json(registration);
        out.put("amazon", AmazonRoutes.json(call.app().sellers().amazonConnection(registration.seller()).orElse(null)));
        return ApiResponse.ok(out);
    }

    /** The registration the path's {@code {id}} names, for an operator or the seller's own staff (404 otherwise). */
    static SellerRegistration visibleRegistration(Route.Call call) {
        SellerId seller;
        try {
            seller = new SellerId(call.request().pathParameter("id"));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        if (!call.request().roles().contains("operator") && !seller.equals(call.seller())) {
            throw notFound(); // another seller's registration does not exist for this caller
        }
        return call.app().sellers().find(seller).orElseThrow(SellerRoutes::notFound);
    }

    private static List<String> marketplaces(JsonNode body) {
        JsonNode value = body.get("marketplaces");
        if (value == null || !value.isArray()) {
            throw new InvalidInputException("marketplaces", "is required (an array of SP-API marketplace ids)");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode m : value) {
            if (!m.isTextual()) {
                throw new InvalidInputException("marketplaces", "must be an array of strings");
            }
            out.add(m.textValue());
        }
        return out;
    }

    static void requireOperator(ApiRequest request, String what) {
        if (!request.roles().contains("operator")) {
            throw ApiProblem.forbidden("only an operator may " + what);
        }
    }

    private static ApiProblem notFound() {
        return new ApiProblem("seller-not-found", "No such seller", 404, "no seller with this id is registered");
    }

    private static Map<String, Object> json(SellerRegistration r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sellerId", r.seller().value());
        out.put("marketplaces", r.marketplaces());
        out.put("region", r.region());
        out.put("timeZone", r.timeZone());
        out.put("mailAlias", r.mailAlias());
        out.put("registeredAt", r.registeredAt().toString());
        out.put("registeredBy", r.registeredBy());
        return out;
    }
}
