package com.deskbridge.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is stable (clients switch on it); {@code detail} is for people;
 * {@code field} names the offending input where there is one; {@code extensions} carry problem-specific members
 * (e.g. {@code findings} of a blocked reply), serialised at the top level as RFC 9457 allows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field, String requestId,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {
    static final String TYPE_PREFIX = "urn:deskbridge:problem:";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    static Problem of(String slug, String title, int status, String detail, String instance, String field, String requestId) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, field, requestId, Map.of());
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return new LinkedHashMap<>(extensions);
    }
}
