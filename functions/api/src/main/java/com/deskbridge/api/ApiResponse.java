package com.deskbridge.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers, before serialisation: status, content type, the body object (Jackson writes it) and extra
 * headers. The handler adds {@code content-type} and {@code cache-control: no-store}.
 */
record ApiResponse(int status, String contentType, Object body, Map<String, String> headers) {
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, JSON, body, Map.of());
    }

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, body, Map.of());
    }

    static ApiResponse problem(Problem problem) {
        return new ApiResponse(problem.status(), PROBLEM_JSON, problem, Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, contentType, body, all);
    }
}
