package com.deskbridge.api;

import java.util.Map;

/**
 * Ends a request with a problem response. Thrown by request parsing and route code; the handler adds the path and
 * request id.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String slug;
    final String title;
    final int status;
    final String field;
    final transient Map<String, Object> extensions;

    ApiProblem(String slug, String title, int status, String detail, String field, Map<String, Object> extensions) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.field = field;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    ApiProblem(String slug, String title, int status, String detail) {
        this(slug, title, status, detail, null, null);
    }

    Problem toProblem(String instance, String requestId) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, field, requestId, extensions);
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem("forbidden", "Role required", 403, detail);
    }
}
